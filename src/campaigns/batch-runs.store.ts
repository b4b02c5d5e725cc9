import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { outboxRow, type NewOutboxMessage } from '../delivery/outbox.store.ts';

/**
 * Writes one chunk of a run's messages in a single statement: the outbox rows (a key already
 * there is left alone), their first history event, and the link from each of the run's
 * customers to their message. Being one statement, a crash leaves either all three or none, so a
 * resumed run finds exactly the customers still without a message.
 */
export async function enqueueRunChunk(
  db: Kysely<Database>,
  runId: number,
  messages: readonly NewOutboxMessage[],
  now: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  const res = await db
    .with('ins', (q) =>
      q
        .insertInto('outbox_messages')
        .values(messages.map((m) => outboxRow(m, now)))
        .onConflict((oc) => oc.columns(['store_id', 'delivery_key']).doNothing())
        .returning(['id', 'store_id', 'customer_id', 'status', 'status_detail']),
    )
    .with('ev', (q) =>
      q
        .insertInto('outbox_events')
        .columns(['message_id', 'store_id', 'status', 'detail', 'occurred_at'])
        .expression((eb) =>
          eb
            .selectFrom('ins')
            .select([
              'ins.id',
              'ins.store_id',
              'ins.status',
              'ins.status_detail',
              sql<Date>`${now}::timestamptz`.as('at'),
            ]),
        ),
    )
    .updateTable('batch_contacts')
    .from('ins')
    .set((eb) => ({ message_id: eb.ref('ins.id') }))
    .whereRef('batch_contacts.customer_id', '=', 'ins.customer_id')
    .where('batch_contacts.run_id', '=', runId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
