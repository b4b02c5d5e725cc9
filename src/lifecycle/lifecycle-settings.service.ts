import type { Kysely } from 'kysely';
import type { Database, Store } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import {
  activeSteps,
  inactiveSchedule,
  intervalProblems,
  signatureProblems,
  STEP_LABELS,
  type LifecycleIntervals,
  type LifecycleSignature,
  type LifecycleStep,
} from './lifecycle.rules.ts';
import { loadSetup, saveSetup, type LifecycleSetup } from './lifecycle-settings.store.ts';

/** What the CRM Setup screen shows: the set-up, its signature and what it will do. */
export interface LifecycleSetupView extends LifecycleSetup {
  signature: LifecycleSignature;
  /** Days after the last invoice on which inactive messages go out (the first few). */
  inactiveSendDays: { days: number[]; more: boolean };
  /** Steps that are on but have no active template for a channel that is on: they are skipped. */
  missingTemplates: { step: LifecycleStep; channel: 'email' | 'postcard'; language: 'en' | 'fr'; message: string }[];
}

export interface LifecycleSetupChange {
  emailOn?: boolean | undefined;
  postcardsOn?: boolean | undefined;
  runTime?: string | undefined;
  intervals?: Partial<LifecycleIntervals> | undefined;
  marketingSteps?: LifecycleStep[] | undefined;
  signature?: Partial<LifecycleSignature> | undefined;
}

const signatureOf = (s: Store): LifecycleSignature => ({
  businessName: s.name,
  businessOwner: s.owner_name,
  businessPhone: s.phone,
  businessEmail: s.email,
  feedbackUrl: s.feedback_url,
});

const blankToNull = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);

/** The 360° Customer Contact set-up of a store: read, check and change it (audited). */
export function createLifecycleSettingsService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function missingTemplates(setup: LifecycleSetup): Promise<LifecycleSetupView['missingTemplates']> {
    const channels = [
      ...(setup.emailOn ? ['email' as const] : []),
      ...(setup.postcardsOn ? ['postcard' as const] : []),
    ];
    const steps = activeSteps(setup.intervals);
    if (channels.length === 0 || steps.length === 0) return [];
    const have = new Set(
      (
        await db
          .selectFrom('templates')
          .select(['channel', 'contact_type', 'language'])
          .where('store_id', '=', setup.storeId)
          .where('active', '=', true)
          .where('channel', 'in', channels)
          .where('contact_type', 'in', steps)
          .execute()
      ).map((t) => `${t.channel}|${t.contact_type}|${t.language}`),
    );
    const out: LifecycleSetupView['missingTemplates'] = [];
    for (const channel of channels)
      for (const step of steps)
        // English is the fallback for every customer; French only for French-speaking ones.
        if (!have.has(`${channel}|${step}|en`))
          out.push({
            step,
            channel,
            language: 'en',
            message: `No active ${channel === 'email' ? 'e-mail' : 'postcard'} template for ${STEP_LABELS[step]}: those messages are skipped until one is switched on.`,
          });
    return out;
  }

  async function view(store: Store, setup: LifecycleSetup): Promise<LifecycleSetupView> {
    return {
      ...setup,
      signature: signatureOf(store),
      inactiveSendDays: inactiveSchedule(setup.intervals),
      missingTemplates: await missingTemplates(setup),
    };
  }

  async function storeRow(storeId: number): Promise<Store> {
    return db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow();
  }

  return {
    async get(storeId: number): Promise<LifecycleSetupView> {
      return view(await storeRow(storeId), await loadSetup(db, storeId));
    },

    /**
     * Changes the set-up. Refused whole (422 lifecycle_invalid, one sentence per problem, each
     * with its field) when an interval is negative, Dead is not after Inactive, or the module
     * would be on with a signature field missing.
     */
    async update(
      storeId: number,
      change: LifecycleSetupChange,
      actor: { userId: number },
    ): Promise<LifecycleSetupView> {
      const store = await storeRow(storeId);
      const current = await loadSetup(db, storeId);
      const next: LifecycleSetup = {
        ...current,
        emailOn: change.emailOn ?? current.emailOn,
        postcardsOn: change.postcardsOn ?? current.postcardsOn,
        runTime: change.runTime ?? current.runTime,
        intervals: { ...current.intervals, ...definedOnly(change.intervals ?? {}) },
        marketingSteps: change.marketingSteps ? [...new Set(change.marketingSteps)] : current.marketingSteps,
      };
      const signature: LifecycleSignature = { ...signatureOf(store) };
      for (const [k, v] of Object.entries(change.signature ?? {}) as [keyof LifecycleSignature, string | null][])
        if (v !== undefined) signature[k] = blankToNull(v);
      const problems: { field: string; message: string }[] = intervalProblems(next.intervals).map((p) => ({
        field: `intervals.${p.field}`,
        message: p.message,
      }));
      if (next.emailOn || next.postcardsOn)
        problems.push(
          ...signatureProblems(signature).map((p) => ({
            field: `signature.${p.field}`,
            message: `${p.message} Fill it in before switching 360° Customer Contact on.`,
          })),
        );
      // Off, the other fields may stay blank; the name may not (it is the store's name everywhere).
      else if (change.signature?.businessName !== undefined && !signature.businessName)
        problems.push({
          field: 'signature.businessName',
          message: 'Business Name cannot be blank: it is the store’s name.',
        });
      if (problems.length > 0)
        throw new DomainError('lifecycle_invalid', problems.map((p) => p.message).join(' '), { problems });
      const now = clock.now();
      const saved = await db.transaction().execute(async (trx) => {
        const storeChange = {
          name: signature.businessName ?? store.name,
          owner_name: signature.businessOwner,
          phone: signature.businessPhone,
          email: signature.businessEmail,
          feedback_url: signature.feedbackUrl,
        };
        await trx.updateTable('stores').set(storeChange).where('id', '=', storeId).execute();
        const row = await saveSetup(trx, next, actor.userId, now);
        await trx
          .insertInto('audit_log')
          .values({
            store_id: storeId,
            user_id: actor.userId,
            action: 'lifecycle.setup_changed',
            subject_type: 'store',
            subject_id: storeId,
            details: JSON.stringify({
              changed: Object.keys(change),
              emailOn: next.emailOn,
              postcardsOn: next.postcardsOn,
              ...(current.emailOn !== next.emailOn || current.postcardsOn !== next.postcardsOn
                ? { switchedFrom: { emailOn: current.emailOn, postcardsOn: current.postcardsOn } }
                : {}),
            }),
            created_at: now,
          })
          .execute();
        return row;
      });
      return view(await storeRow(storeId), saved);
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type LifecycleSettingsService = ReturnType<typeof createLifecycleSettingsService>;
