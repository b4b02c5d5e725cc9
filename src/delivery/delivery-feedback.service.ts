import type { Kysely } from 'kysely';
import type { SendResult } from '../channels/channel.ts';
import { recordReachability } from '../consent/reachability.store.ts';
import type { Database, OutboxMessage } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { acceptsOutcome, type ProviderOutcome } from './send-status.rules.ts';
import { findByProviderId, recordReport } from './outbox.store.ts';

/**
 * What sending teaches us about an address: refused recipients, invalid numbers, bounces and
 * complaints feed the reachability rules (the seeds' bounce and blocking limits), so the next
 * eligibility check knows.
 */
export function createDeliveryFeedback(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function feed(
    m: Pick<OutboxMessage, 'store_id' | 'channel' | 'target'>,
    outcome: 'delivered' | 'bounce' | 'complaint' | 'impossible',
    detail: string | null,
  ): Promise<void> {
    if (!m.target || (m.channel !== 'email' && m.channel !== 'sms')) return;
    const store = await db.selectFrom('stores').selectAll().where('id', '=', m.store_id).executeTakeFirst();
    if (!store) return;
    await recordReachability(db, store, [
      {
        address: m.channel === 'email' ? m.target.toLowerCase() : m.target,
        line: m.channel === 'email' ? 'email' : 'cell_phone',
        outcome,
        source: m.channel,
        detail,
        occurred_at: clock.now(),
      },
    ]);
  }

  return {
    /** After an attempt: a permanent refusal of the address counts against it. */
    async afterAttempt(m: OutboxMessage, result: SendResult | null): Promise<void> {
      if (result?.kind !== 'permanent' || !result.reachability) return;
      await feed(m, result.reachability === 'bounced' ? 'bounce' : 'impossible', result.error);
    },

    /**
     * A provider's later report on a message. Returns false (and changes nothing) for a message we
     * never sent through that provider: a report for an unknown message is logged and ignored.
     */
    async report(
      provider: string,
      providerMessageId: string,
      outcome: ProviderOutcome,
      detail: string | null,
      addressInvalid = false,
    ): Promise<'recorded' | 'unknown' | 'stale'> {
      const m = await findByProviderId(db, provider, providerMessageId);
      if (!m) return 'unknown';
      if (!acceptsOutcome(m.status, outcome)) return 'stale';
      await recordReport(db, m, outcome, detail, clock.now());
      if (outcome === 'delivered') await feed(m, 'delivered', null);
      else if (outcome === 'bounced') await feed(m, 'bounce', detail);
      else if (outcome === 'complained') await feed(m, 'complaint', detail);
      else if (addressInvalid) await feed(m, 'impossible', detail);
      return 'recorded';
    },
  };
}

export type DeliveryFeedback = ReturnType<typeof createDeliveryFeedback>;
