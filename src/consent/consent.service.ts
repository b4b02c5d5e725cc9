import type { Kysely } from 'kysely';
import type { Customer, Database, Role } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { deriveConsent, type ConsentState } from './consent.rules.ts';
import { appendConsentEvents, consentAnchors, listConsentHistory, type ConsentHistoryRow } from './consent.store.ts';
import {
  CHANNELS,
  PURPOSES,
  type Channel,
  type ConsentSource,
  type LegalBasis,
  type Purpose,
} from './consent.types.ts';

export interface ConsentOverview {
  states: (ConsentState & { channel: Channel; purpose: Purpose })[];
  history: ConsentHistoryRow[];
}

export interface ConsentChange {
  channel: Channel;
  purpose: Purpose;
  granted: boolean;
  basis?: LegalBasis | null | undefined;
  source: ConsentSource;
  wording?: string | null | undefined;
  /** When the customer gave or withdrew it; defaults to now. Never in the future. */
  occurredAt?: Date | undefined;
}

/** Who may record what: anyone who hears a customer withdraw must be able to record it. */
export function mayRecordConsent(role: Role, granted: boolean): boolean {
  return !granted || role === 'admin' || role === 'manager';
}

export function createConsentService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** The current state of every channel × purpose, derived from the ledger, and the ledger itself. */
    async overview(customer: Customer, country: string): Promise<ConsentOverview> {
      const history = await listConsentHistory(db, customer.id);
      const anchors = consentAnchors(customer);
      const now = clock.now();
      const states = CHANNELS.flatMap((channel) =>
        PURPOSES.map((purpose) => ({
          channel,
          purpose,
          ...deriveConsent(history, channel, purpose, { now, country, ...anchors }),
        })),
      );
      return { states, history };
    },

    /** Appends one change to the ledger and the audit log, in one transaction. */
    async record(
      customer: Customer,
      change: ConsentChange,
      actor: { userId: number; role: Role } | null,
    ): Promise<void> {
      const now = clock.now();
      const occurredAt = change.occurredAt ?? now;
      if (occurredAt > now) throw new DomainError('invalid_input', 'occurredAt cannot be in the future.');
      if (change.granted && !change.basis) {
        throw new DomainError(
          'invalid_input',
          'A grant needs its legal basis: express, implied_purchase or implied_inquiry.',
        );
      }
      if (actor && !mayRecordConsent(actor.role, change.granted)) {
        throw new DomainError(
          'forbidden',
          'Only a manager or an administrator can record a consent; anyone can record a withdrawal.',
        );
      }
      await db.transaction().execute(async (trx) => {
        await appendConsentEvents(trx, [
          {
            store_id: customer.store_id,
            customer_id: customer.id,
            channel: change.channel,
            purpose: change.purpose,
            granted: change.granted,
            basis: change.granted ? (change.basis ?? null) : null,
            source: change.source,
            actor_user_id: actor?.userId ?? null,
            wording: change.wording ?? null,
            occurred_at: occurredAt,
            recorded_at: now,
          },
        ]);
        await trx
          .insertInto('audit_log')
          .values({
            store_id: customer.store_id,
            user_id: actor?.userId ?? null,
            action: change.granted ? 'consent.granted' : 'consent.withdrawn',
            subject_type: 'customer',
            subject_id: customer.id,
            details: JSON.stringify({
              channel: change.channel,
              purpose: change.purpose,
              basis: change.basis ?? null,
              source: change.source,
            }),
            created_at: now,
          })
          .execute();
      });
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
