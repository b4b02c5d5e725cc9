import type { Kysely } from 'kysely';
import type { Database, OutboxStatus, TemplateChannel } from '../db/schema.ts';

export interface HistoryFilter {
  channel?: TemplateChannel | undefined;
  status?: OutboxStatus | undefined;
  /** Keyset paging: messages older than this id. */
  before?: number | undefined;
  limit: number;
}

/** A customer's messages, newest first, with the sender's name ("Automation" when none). */
export function listHistory(db: Kysely<Database>, customerId: number, storeId: number, f: HistoryFilter) {
  let q = db
    .selectFrom('outbox_messages as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.channel',
      'm.purpose',
      'm.contact_type',
      'm.source_kind',
      'm.source_ref',
      'm.status',
      'm.status_reason',
      'm.status_detail',
      'm.target',
      'm.subject',
      'm.body_text',
      'm.attempts',
      'm.template_version_id',
      'm.created_at',
      'm.sent_at',
      'm.finished_at',
      'm.due_at',
      'm.user_id',
      'u.name as user_name',
    ])
    .where('m.customer_id', '=', customerId)
    .where('m.store_id', '=', storeId);
  if (f.channel) q = q.where('m.channel', '=', f.channel);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.before) q = q.where('m.id', '<', f.before);
  return q.orderBy('m.id', 'desc').limit(f.limit).execute();
}

export type HistoryRow = Awaited<ReturnType<typeof listHistory>>[number];

/** One message in full (rendered content) with its attempts and results, oldest first. */
export async function loadMessage(db: Kysely<Database>, id: number, storeIds: readonly number[]) {
  if (storeIds.length === 0) return undefined;
  const message = await db
    .selectFrom('outbox_messages as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select('u.name as user_name')
    .where('m.id', '=', id)
    .where('m.store_id', 'in', storeIds)
    .executeTakeFirst();
  if (!message) return undefined;
  const events = await db
    .selectFrom('outbox_events')
    .select(['status', 'detail', 'occurred_at'])
    .where('message_id', '=', id)
    .orderBy('id')
    .execute();
  return { message, events };
}

/** A store's recent messages (the "Outbox" screen), newest first, with the customer's name. */
export function listStoreMessages(
  db: Kysely<Database>,
  storeId: number,
  f: HistoryFilter & { provider?: string | undefined },
) {
  let q = db
    .selectFrom('outbox_messages as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('customers as c', 'c.id', 'm.customer_id')
    .selectAll('m')
    .select([
      'u.name as user_name',
      'c.first_name as customer_first_name',
      'c.last_name as customer_last_name',
      'c.name as customer_name',
    ])
    .where('m.store_id', '=', storeId);
  if (f.channel) q = q.where('m.channel', '=', f.channel);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.provider) q = q.where('m.provider', '=', f.provider);
  if (f.before) q = q.where('m.id', '<', f.before);
  return q.orderBy('m.id', 'desc').limit(f.limit).execute();
}
