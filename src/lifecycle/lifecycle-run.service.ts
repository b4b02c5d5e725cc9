import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { eligibilityByCustomer } from '../consent/eligibility.sql.ts';
import type { ReasonCode } from '../consent/eligibility.rules.ts';
import { displayName } from '../customers/customers.presenter.ts';
import type { Database, LifecycleRun, Store } from '../db/schema.ts';
import { enqueueMessages, type NewOutboxMessage } from '../delivery/outbox.store.ts';
import type { UnsubscribeService } from '../delivery/unsubscribe.service.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { templateLanguage } from '../templates/locale-format.ts';
import type { MergeInput } from '../templates/merge-context.ts';
import { customerAddressLines, storeInput, storeSender } from '../templates/merge-input.rows.ts';
import { createMessageRenderer } from '../templates/message.render.ts';
import type { Renderer } from '../templates/render.ts';
import { findDueItems, type DueItem } from './lifecycle-due.sql.ts';
import { loadLifecycleTemplates, type LifecycleTemplates } from './lifecycle-templates.store.ts';
import { addDays, catchUpDays, channelFor, type LifecycleStep } from './lifecycle.rules.ts';
import { lifecycleKey, lifecycleSourceRef } from './lifecycle-keys.rules.ts';
import { loadSetup, type LifecycleSetup } from './lifecycle-settings.store.ts';

export interface LifecycleRunOptions {
  /** The as-of time (default now): which day it is, who is due and who may be contacted. */
  at?: Date | undefined;
  dryRun?: boolean | undefined;
  /** Called as customers are evaluated: how many so far of how many are due. */
  onProgress?: ((p: { done: number; total: number }) => void) | undefined;
}

/** What happens to one due message, and why. */
export interface LifecycleDecision {
  customerId: number;
  customerName: string;
  step: LifecycleStep;
  dueDate: string;
  channel: 'email' | 'postcard' | null;
  /** send: enqueued (or would be); skip: not sent, see reasons; already_sent: an earlier run wrote it. */
  outcome: 'send' | 'skip' | 'already_sent';
  reasons: string[];
  detail: string;
}

export interface StepCounts {
  due: number;
  email: number;
  postcard: number;
  skipped: number;
  alreadySent: number;
  /** Skipped messages by reason (one message can count under several). */
  reasons: Record<string, number>;
}

export interface LifecycleRunReport {
  storeId: number;
  runId: number | null;
  /** done: this call ran it; already_done: that day had run; running_elsewhere: another worker holds it; off: the module is off. */
  outcome: 'done' | 'already_done' | 'running_elsewhere' | 'dry_run' | 'off';
  runDate: string;
  windowFrom: string;
  asOf: Date;
  due: number;
  enqueued: number;
  skipped: number;
  alreadySent: number;
  byStep: Partial<Record<LifecycleStep, StepCounts>>;
  /** A dry run's decisions, one per due message (empty for a real run: see the outbox). */
  decisions: LifecycleDecision[];
}

const LEASE_MS = 15 * 60_000;
const CHUNK = 500;

/** Why a due message is not sent, beyond the eligibility reasons, in words. */
const OWN_REASONS: Record<string, string> = {
  module_off: '360° Customer Contact is off',
  no_channel_email_only: 'no e-mail address, and postcards are off',
  no_channel_has_email: 'e-mail is off, and postcards go only to customers without an e-mail address',
  do_not_mail: 'Do Not Mail is set',
  vehicle_off: 'contact is off for the vehicle',
  no_template: 'no active template for this step',
};

/** The customer and vehicle facts a due message needs. */
interface Facts {
  customers: Map<number, CustomerFacts>;
  vehicles: Map<
    number,
    { year: number | null; make: string | null; model: string | null; plate: string | null; contact_off: boolean }
  >;
}
type CustomerFacts = Awaited<ReturnType<typeof loadCustomers>>[number];

async function loadCustomers(db: Kysely<Database>, storeId: number, ids: number[]) {
  return db
    .selectFrom('customers')
    .select([
      'id',
      'first_name',
      'last_name',
      'name',
      'other_name',
      'dms_customer_number',
      'mailing_name',
      'address_to',
      'language',
      'email',
      'do_not_mail',
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
    ])
    .where('store_id', '=', storeId)
    .where(sql<boolean>`id = any(${ids}::bigint[])`)
    .execute();
}

async function loadFacts(db: Kysely<Database>, storeId: number, items: readonly DueItem[]): Promise<Facts> {
  const customerIds = [...new Set(items.map((i) => i.customerId))];
  const vehicleIds = [...new Set(items.flatMap((i) => (i.vehicleId === null ? [] : [i.vehicleId])))];
  const [customers, vehicles] = await Promise.all([
    loadCustomers(db, storeId, customerIds),
    vehicleIds.length
      ? db
          .selectFrom('vehicles')
          .select(['id', 'year', 'make', 'model', 'plate', 'contact_off'])
          .where('store_id', '=', storeId)
          .where(sql<boolean>`id = any(${vehicleIds}::bigint[])`)
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    customers: new Map(customers.map((c) => [c.id, c])),
    vehicles: new Map(vehicles.map((v) => [v.id, v])),
  };
}

/**
 * The daily 360° Customer Contact run of a store: finds who is due for each step (set-based),
 * decides e-mail, postcard or nothing per customer with the eligibility rules, renders the
 * store's template for the step and writes the messages to the outbox, which sends them.
 *
 * Idempotent per customer, step and due date: each message's delivery key is made of those, so a
 * second run of the day, a resumed run or a catch-up that covers the same day writes nothing new.
 * One run row per store and store-local day, claimed with a lease, keeps two workers from doing
 * the work twice; the last completed day says how far back a run catches up.
 */
export function createLifecycleRunService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  renderer: Renderer;
  unsubscribe: Pick<UnsubscribeService, 'urlFor'>;
  owner: string;
  onEnqueued?: () => void;
}) {
  const { db, clock } = deps;

  async function windowStart(storeId: number, today: string): Promise<string> {
    const last = await db
      .selectFrom('lifecycle_runs')
      .select((eb) => eb.fn.max('run_date').as('d'))
      .where('store_id', '=', storeId)
      .where('status', '=', 'done')
      .where('run_date', '<', today)
      .executeTakeFirst();
    return addDays(today, -catchUpDays(today, (last?.d as string | null | undefined) ?? null));
  }

  async function claim(storeId: number, runDate: string, windowFrom: string, at: Date) {
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    return db.transaction().execute(async (trx) => {
      const fresh = await trx
        .insertInto('lifecycle_runs')
        .values({
          store_id: storeId,
          run_date: runDate,
          window_from: windowFrom,
          status: 'running',
          as_of: at,
          lease_owner: deps.owner,
          lease_until: leaseUntil,
          started_at: now,
        })
        .onConflict((oc) => oc.columns(['store_id', 'run_date']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (fresh) return { run: fresh, state: 'new' as const };
      const run = await trx
        .selectFrom('lifecycle_runs')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('run_date', '=', runDate)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (run.status === 'done') return { run, state: 'done' as const };
      if (run.status === 'running' && run.lease_owner !== deps.owner && run.lease_until && run.lease_until > now)
        return { run, state: 'busy' as const };
      const taken = await trx
        .updateTable('lifecycle_runs')
        .set({ status: 'running', lease_owner: deps.owner, lease_until: leaseUntil, error: null })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { run: taken, state: 'resume' as const };
    });
  }

  const reportOf = (run: LifecycleRun, outcome: LifecycleRunReport['outcome']): LifecycleRunReport => ({
    storeId: run.store_id,
    runId: run.id,
    outcome,
    runDate: run.run_date,
    windowFrom: run.window_from,
    asOf: run.as_of,
    due: run.due ?? 0,
    enqueued: run.enqueued ?? 0,
    skipped: run.skipped ?? 0,
    alreadySent: 0,
    byStep: run.by_step,
    decisions: [],
  });

  /** Which of these keys the outbox already holds (an earlier run, or this one before a crash). */
  async function existingKeys(storeId: number, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db
      .selectFrom('outbox_messages')
      .select('delivery_key')
      .where('store_id', '=', storeId)
      .where(sql<boolean>`delivery_key = any(${keys}::text[])`)
      .execute();
    return new Set(rows.map((r) => r.delivery_key));
  }

  /** Eligibility reasons for the chunk's customers, per channel and purpose it uses. */
  async function reasonsFor(store: Store, at: Date, wanted: Map<string, Set<number>>) {
    const out = new Map<string, Map<number, ReasonCode[]>>();
    for (const [key, ids] of wanted) {
      const [channel, purpose] = key.split('|') as ['email' | 'letter', 'service' | 'marketing'];
      out.set(key, await eligibilityByCustomer(db, { store, channel, purpose, at }, [...ids]));
    }
    return out;
  }

  /**
   * Decides and (unless dry) builds the outbox row for each due message of a chunk. The channel
   * follows the switches and whether the customer has an e-mail address; then eligibility for
   * that channel and the step's purpose, Do Not Mail (for e-mail too: the seed's flag stops all
   * of this module's correspondence), the vehicle's contact switch and the template.
   */
  async function evaluate(
    store: Store,
    setup: LifecycleSetup,
    templates: LifecycleTemplates,
    at: Date,
    items: readonly DueItem[],
    dryRun: boolean,
  ): Promise<{ decisions: LifecycleDecision[]; messages: NewOutboxMessage[] }> {
    const facts = await loadFacts(db, store.id, items);
    const already = await existingKeys(
      store.id,
      items.map((i) => lifecycleKey(i)),
    );
    const plan = items.map((item) => {
      const c = facts.customers.get(item.customerId);
      const channel = c ? channelFor(setup, c.email !== null) : null;
      const purpose: 'service' | 'marketing' = setup.marketingSteps.includes(item.step) ? 'marketing' : 'service';
      return { item, c, channel, purpose };
    });
    const wanted = new Map<string, Set<number>>();
    for (const p of plan) {
      if (!p.channel || already.has(lifecycleKey(p.item))) continue;
      const key = `${p.channel === 'email' ? 'email' : 'letter'}|${p.purpose}`;
      const set = wanted.get(key) ?? new Set<number>();
      set.add(p.item.customerId);
      wanted.set(key, set);
    }
    const reasons = await reasonsFor(store, at, wanted);
    const renderer = createMessageRenderer(deps.renderer);
    const sender = storeSender(store);
    const decisions: LifecycleDecision[] = [];
    const messages: NewOutboxMessage[] = [];
    for (const { item, c, channel, purpose } of plan) {
      if (!c) continue; // the customer was deleted since the selection
      const key = lifecycleKey(item);
      const base = {
        customerId: item.customerId,
        customerName: displayName(c),
        step: item.step,
        dueDate: item.dueDate,
        channel,
      };
      if (already.has(key)) {
        decisions.push({ ...base, outcome: 'already_sent', reasons: [], detail: 'written by an earlier run' });
        continue;
      }
      const why: string[] = [];
      if (!setup.emailOn && !setup.postcardsOn) why.push('module_off');
      else if (!channel) why.push(setup.emailOn ? 'no_channel_email_only' : 'no_channel_has_email');
      else {
        const r = reasons.get(`${channel === 'email' ? 'email' : 'letter'}|${purpose}`)?.get(item.customerId) ?? [];
        why.push(...r.filter((x) => x !== 'quiet_hours'));
        if (channel === 'email' && c.do_not_mail) why.push('do_not_mail');
      }
      const vehicle = item.vehicleId === null ? undefined : facts.vehicles.get(item.vehicleId);
      if (vehicle?.contact_off) why.push('vehicle_off');
      const language = c.language === 'fr' ? 'fr' : 'en';
      const tpl = channel ? templates.pick(channel, item.step, language) : undefined;
      if (channel && !tpl) why.push('no_template');
      const detail = why.length ? why.map((w) => OWN_REASONS[w] ?? w.replaceAll('_', ' ')).join('; ') : '';
      decisions.push({ ...base, outcome: why.length ? 'skip' : 'send', reasons: why, detail });
      if (dryRun) continue;
      const common = {
        storeId: store.id,
        customerId: item.customerId,
        deliveryKey: key,
        sourceKind: 'automation' as const,
        sourceRef: lifecycleSourceRef(item),
        step: item.step,
        channel: channel ?? (setup.emailOn ? ('email' as const) : ('postcard' as const)),
        purpose,
        contactType: item.step,
        userId: null,
        sender: null,
        replyTo: store.email,
        cc: [],
        bcc: [],
        dueAt: at,
      };
      if (why.length > 0 || !channel || !tpl) {
        messages.push({
          ...common,
          templateVersionId: null,
          target: null,
          subject: null,
          html: null,
          text: null,
          status: 'skipped',
          statusReason: why[0] ?? 'not_eligible',
          statusDetail: detail,
        });
        continue;
      }
      const input: MergeInput = {
        customer: {
          firstName: c.first_name,
          lastName: c.last_name,
          name: c.name,
          mailingName: c.mailing_name,
          language: templateLanguage(c.language),
        },
        store: storeInput(store),
        vehicle: vehicle
          ? { year: vehicle.year, make: vehicle.make, model: vehicle.model, plate: vehicle.plate }
          : null,
        appointment: item.scheduledAt ? { scheduledAt: item.scheduledAt } : null,
        visit: item.visitDate ? { visitDate: item.visitDate, deferredItems: item.deferredItems } : null,
        salesperson: null,
        unsubscribeUrl:
          channel === 'email'
            ? deps.unsubscribe.urlFor({
                customerId: c.id,
                storeId: store.id,
                channel: 'email',
                purpose,
                messageId: null,
                doNotMail: true,
              })
            : null,
      };
      const r = renderer.render({ channel, purpose, subject: tpl.subject, body: tpl.body }, input, sender);
      const lines = customerAddressLines(c);
      messages.push({
        ...common,
        channel,
        templateVersionId: tpl.versionId,
        target: channel === 'email' ? c.email : lines.join('\n'),
        subject: r.subject,
        html: r.html,
        text: r.text,
        status: 'queued',
        statusReason: null,
        statusDetail: null,
      });
    }
    return { decisions, messages };
  }

  function count(decisions: readonly LifecycleDecision[], into: Partial<Record<LifecycleStep, StepCounts>>) {
    for (const d of decisions) {
      const s = (into[d.step] ??= { due: 0, email: 0, postcard: 0, skipped: 0, alreadySent: 0, reasons: {} });
      s.due++;
      if (d.outcome === 'already_sent') s.alreadySent++;
      else if (d.outcome === 'skip') {
        s.skipped++;
        for (const r of d.reasons) s.reasons[r] = (s.reasons[r] ?? 0) + 1;
      } else if (d.channel === 'email') s.email++;
      else if (d.channel === 'postcard') s.postcard++;
    }
  }

  async function evaluateAll(
    store: Store,
    setup: LifecycleSetup,
    at: Date,
    today: string,
    from: string,
    options: LifecycleRunOptions,
    onChunk: (messages: NewOutboxMessage[]) => Promise<void>,
  ) {
    const items = await findDueItems(db, {
      storeId: store.id,
      timeZone: store.time_zone,
      today,
      from,
      at,
      intervals: setup.intervals,
    });
    const templates = await loadLifecycleTemplates(db, store.id);
    const decisions: LifecycleDecision[] = [];
    const byStep: Partial<Record<LifecycleStep, StepCounts>> = {};
    options.onProgress?.({ done: 0, total: items.length });
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      const r = await evaluate(store, setup, templates, at, chunk, options.dryRun === true);
      count(r.decisions, byStep);
      if (options.dryRun) decisions.push(...r.decisions);
      else await onChunk(r.messages);
      options.onProgress?.({ done: Math.min(i + CHUNK, items.length), total: items.length });
    }
    const total = (f: (s: StepCounts) => number) => Object.values(byStep).reduce((n, s) => n + f(s), 0);
    return {
      decisions,
      byStep,
      due: items.length,
      sends: total((s) => s.email + s.postcard),
      skipped: total((s) => s.skipped),
      alreadySent: total((s) => s.alreadySent),
    };
  }

  return {
    /**
     * Runs (or with `dryRun`, previews) a store's lifecycle steps for the store-local day of
     * `at`. A real run with the module off does nothing (outcome 'off').
     */
    async run(storeId: number, options: LifecycleRunOptions = {}): Promise<LifecycleRunReport> {
      const store = await db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirst();
      if (!store) throw notFound('Store');
      const setup = await loadSetup(db, storeId);
      const at = options.at ?? clock.now();
      const today = DateTime.fromJSDate(at, { zone: store.time_zone }).toISODate() ?? '';
      const from = await windowStart(storeId, today);
      const empty = { storeId, runDate: today, windowFrom: from, asOf: at, enqueued: 0, decisions: [] };
      if (options.dryRun) {
        const r = await evaluateAll(store, setup, at, today, from, options, () => Promise.resolve());
        return {
          ...empty,
          runId: null,
          outcome: 'dry_run',
          due: r.due,
          skipped: r.skipped,
          alreadySent: r.alreadySent,
          byStep: r.byStep,
          decisions: r.decisions,
        };
      }
      if (!setup.emailOn && !setup.postcardsOn)
        return { ...empty, runId: null, outcome: 'off', due: 0, skipped: 0, alreadySent: 0, byStep: {} };
      const claimed = await claim(storeId, today, from, at);
      if (claimed.state === 'done') return reportOf(claimed.run, 'already_done');
      if (claimed.state === 'busy') return reportOf(claimed.run, 'running_elsewhere');
      const run = claimed.run;
      try {
        let enqueued = 0;
        // A resumed run keeps the window and as-of time it started with.
        const r = await evaluateAll(store, setup, run.as_of, run.run_date, run.window_from, options, async (m) => {
          enqueued += await enqueueMessages(db, m, clock.now());
          await db
            .updateTable('lifecycle_runs')
            .set({ lease_until: new Date(clock.now().getTime() + LEASE_MS) })
            .where('id', '=', run.id)
            .execute();
        });
        const done = await db
          .updateTable('lifecycle_runs')
          .set({
            status: 'done',
            finished_at: clock.now(),
            lease_until: null,
            due: r.due,
            enqueued: r.sends,
            skipped: r.skipped,
            by_step: JSON.stringify(r.byStep),
          })
          .where('id', '=', run.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (enqueued > 0) deps.onEnqueued?.();
        return { ...reportOf(done, 'done'), alreadySent: r.alreadySent };
      } catch (err) {
        await db
          .updateTable('lifecycle_runs')
          .set({ status: 'failed', lease_until: null, error: err instanceof Error ? err.message : String(err) })
          .where('id', '=', run.id)
          .execute();
        throw err;
      }
    },

    /** Runs every store whose module is on and whose run time has come today (the worker's minute tick). */
    async runDue(): Promise<LifecycleRunReport[]> {
      const now = clock.now();
      const rows = await db
        .selectFrom('lifecycle_settings as l')
        .innerJoin('stores as s', 's.id', 'l.store_id')
        .select(['l.store_id', 'l.run_time', 's.time_zone'])
        .where((eb) => eb.or([eb('l.email_on', '=', true), eb('l.postcards_on', '=', true)]))
        .execute();
      const reports: LifecycleRunReport[] = [];
      for (const r of rows) {
        const local = DateTime.fromJSDate(now, { zone: r.time_zone });
        if (local.toFormat('HH:mm') < r.run_time) continue;
        const today = local.toISODate() ?? '';
        const done = await db
          .selectFrom('lifecycle_runs')
          .select('id')
          .where('store_id', '=', r.store_id)
          .where('run_date', '=', today)
          .where('status', '=', 'done')
          .executeTakeFirst();
        if (!done) reports.push(await this.run(r.store_id, { at: now }));
      }
      return reports;
    },
  };
}

export type LifecycleRunService = ReturnType<typeof createLifecycleRunService>;
