import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { DropResult } from '../../channels/voice/voice-drop.provider.ts';
import { recordReachability } from '../../consent/reachability.store.ts';
import type { Database, OutboxMessage } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DROP_RESULT_LABELS, outboxOutcome, reachabilityOf } from './voice-result.rules.ts';

/** Tells a waiting port in this process that its drop has a result (others poll the table). */
export type VoiceResultSignal = EventEmitter<{ result: [messageId: number] }>;
export const createVoiceResultSignal = (): VoiceResultSignal => new EventEmitter<{ result: [messageId: number] }>();

/**
 * A drop's final result, from the provider's webhook or a port that gave up waiting: the message
 * becomes delivered or failed (with the result as its reason) under the "Voice Drop" name in
 * contact history, the job's last-result time moves on, and the number's reachability learns it.
 * A result for a drop we do not know, or one already final, changes nothing.
 */
export function createVoiceResults(deps: { db: Kysely<Database>; clock: Clock; signal?: VoiceResultSignal }) {
  const { db, clock } = deps;

  async function record(
    message: OutboxMessage,
    result: DropResult,
    detail: string | null,
  ): Promise<'recorded' | 'stale'> {
    const now = clock.now();
    const { status, reason } = outboxOutcome(result);
    const label = DROP_RESULT_LABELS[result];
    const text = detail ? `${label}: ${detail}` : label;
    const updated = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('outbox_messages')
        .set({
          status,
          status_reason: reason,
          status_detail: text,
          finished_at: now,
          updated_at: now,
          lease_owner: null,
        })
        .where('id', '=', message.id)
        .where('status', 'in', ['sending', 'sent'])
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await trx
        .insertInto('outbox_events')
        .values({ message_id: message.id, store_id: message.store_id, status, detail: text, occurred_at: now })
        .execute();
      if (message.source_ref)
        await trx
          .updateTable('voice_jobs')
          .set({ last_result_at: now })
          .where('store_id', '=', message.store_id)
          .where('source_ref', '=', message.source_ref)
          .execute();
      return true;
    });
    if (!updated) return 'stale';
    if (message.customer_id !== null && message.target) {
      const [customer, store] = await Promise.all([
        db
          .selectFrom('customers')
          .select(['cell_phone', 'home_phone'])
          .where('id', '=', message.customer_id)
          .executeTakeFirst(),
        db.selectFrom('stores').selectAll().where('id', '=', message.store_id).executeTakeFirstOrThrow(),
      ]);
      const learnt = customer && reachabilityOf(result, message.target, customer, message.source_kind);
      if (learnt)
        await recordReachability(db, store, [
          {
            address: message.target,
            line: learnt.line,
            outcome: learnt.outcome,
            source: learnt.source,
            detail,
            occurred_at: now,
          },
        ]);
    }
    deps.signal?.emit('result', message.id);
    return 'recorded';
  }

  return {
    record,

    /** The provider's report for the drop with this delivery key in this store. */
    async report(
      storeId: number,
      foreignId: string,
      result: DropResult,
      detail: string | null,
    ): Promise<'recorded' | 'stale' | 'unknown'> {
      const message = await db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('delivery_key', '=', foreignId)
        .where('channel', '=', 'voice')
        .executeTakeFirst();
      if (!message) return 'unknown';
      return record(message, result, detail);
    },
  };
}

export type VoiceResults = ReturnType<typeof createVoiceResults>;
