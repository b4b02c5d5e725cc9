import { sql, type Kysely } from 'kysely';
import type { Database, OutboxMessage, OutboxStatus, SourceKind, TemplateChannel } from '../db/schema.ts';

export interface NewOutboxMessage {
  storeId: number;
  customerId: number;
  deliveryKey: string;
  sourceKind: SourceKind;
  sourceRef: string | null;
  step: string;
  channel: TemplateChannel;
  purpose: 'marketing' | 'service';
  contactType: string | null;
  templateVersionId: number | null;
  userId: number | null;
  target: string | null;
  sender: string | null;
  cc: string[];
  bcc: string[];
  subject: string | null;
  html: string | null;
  text: string | null;
  /** queued (due now or at dueAt), deferred (quiet hours) or skipped (with the reasons). */
  status: 'queued' | 'deferred' | 'skipped';
  statusReason: string | null;
  statusDetail: string | null;
  dueAt: Date;
}

/**
 * Writes messages to the outbox; a key already there is left as it is (the first enqueue wins).
 * Returns the rows now holding each key, new or old, and which were created.
 */
export async function insertMessages(
  db: Kysely<Database>,
  messages: readonly NewOutboxMessage[],
  now: Date,
): Promise<{ created: OutboxMessage[]; existing: OutboxMessage[] }> {
  if (messages.length === 0) return { created: [], existing: [] };
  const created = await db
    .insertInto('outbox_messages')
    .values(
      messages.map((m) => ({
        store_id: m.storeId,
        customer_id: m.customerId,
        delivery_key: m.deliveryKey,
        source_kind: m.sourceKind,
        source_ref: m.sourceRef,
        step: m.step,
        channel: m.channel,
        purpose: m.purpose,
        contact_type: m.contactType,
        template_version_id: m.templateVersionId,
        user_id: m.userId,
        target: m.target,
        sender: m.sender,
        cc: m.cc,
        bcc: m.bcc,
        subject: m.subject,
        body_html: m.html,
        body_text: m.text,
        status: m.status,
        status_reason: m.statusReason,
        status_detail: m.statusDetail,
        due_at: m.dueAt,
        created_at: now,
        updated_at: now,
        finished_at: m.status === 'skipped' ? now : null,
      })),
    )
    .onConflict((oc) => oc.columns(['store_id', 'delivery_key']).doNothing())
    .returningAll()
    .execute();
  if (created.length > 0) {
    await db
      .insertInto('outbox_events')
      .values(
        created.map((m) => ({
          message_id: m.id,
          store_id: m.store_id,
          status: m.status,
          detail: m.status_detail,
          occurred_at: now,
        })),
      )
      .execute();
  }
  let existing: OutboxMessage[] = [];
  if (created.length < messages.length) {
    const fresh = new Set(created.map((m) => `${m.store_id}\u0000${m.delivery_key}`));
    const missing = messages.filter((m) => !fresh.has(`${m.storeId}\u0000${m.deliveryKey}`));
    existing = await db
      .selectFrom('outbox_messages')
      .selectAll()
      .where((eb) =>
        eb.or(missing.map((m) => eb.and([eb('store_id', '=', m.storeId), eb('delivery_key', '=', m.deliveryKey)]))),
      )
      .execute();
  }
  return { created, existing };
}

/**
 * Takes up to `limit` due messages for this worker: queued or deferred ones whose time has come and
 * sending ones whose lease ran out (their worker died). `FOR UPDATE SKIP LOCKED` lets many workers
 * claim at once without waiting on or taking each other's rows. The lease is the row's due time.
 */
export async function claimDue(
  db: Kysely<Database>,
  opts: { now: Date; limit: number; leaseMs: number; owner: string },
): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const { rows } = await sql<OutboxMessage>`
    with due as (
      select id from outbox_messages
      where status in ('queued', 'deferred', 'sending') and due_at <= ${opts.now}
      order by due_at, id
      limit ${opts.limit}
      for update skip locked
    )
    update outbox_messages m
    set status = 'sending', lease_owner = ${opts.owner}, due_at = ${leaseUntil},
        attempts = m.attempts + 1, updated_at = ${opts.now}
    from due where m.id = due.id
    returning m.*`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

export type AttemptOutcome =
  | { status: 'sent'; provider: string; providerMessageId: string | null }
  | { status: 'queued'; retryAt: Date; reason: string; detail: string }
  | { status: 'deferred'; until: Date; detail: string }
  | { status: 'failed' | 'skipped'; reason: string; detail: string };

/**
 * Records how an attempt ended, if this worker still holds the message (a worker whose lease ran
 * out and was taken over records nothing), and adds the event to the message's history.
 */
export async function recordAttempt(
  db: Kysely<Database>,
  id: number,
  owner: string,
  outcome: AttemptOutcome,
  now: Date,
): Promise<boolean> {
  const set = (() => {
    switch (outcome.status) {
      case 'sent':
        return sql`status = 'sent', provider = ${outcome.provider}, provider_message_id = ${outcome.providerMessageId},
          sent_at = ${now}, status_reason = null, status_detail = null`;
      case 'queued':
        return sql`status = 'queued', due_at = ${outcome.retryAt}, status_reason = ${outcome.reason}, status_detail = ${outcome.detail}`;
      case 'deferred':
        return sql`status = 'deferred', due_at = ${outcome.until}, status_reason = 'quiet_hours', status_detail = ${outcome.detail},
          attempts = attempts - 1`;
      case 'failed':
      case 'skipped':
        return sql`status = ${outcome.status}, status_reason = ${outcome.reason}, status_detail = ${outcome.detail},
          finished_at = ${now}`;
    }
  })();
  const detail =
    outcome.status === 'sent'
      ? `${outcome.provider}${outcome.providerMessageId ? ` ${outcome.providerMessageId}` : ''}`
      : outcome.detail;
  const eventStatus: OutboxStatus | 'retry' = outcome.status === 'queued' ? 'retry' : outcome.status;
  const { rows } = await sql<{ id: number }>`
    with m as (
      update outbox_messages set ${set}, lease_owner = null, updated_at = ${now}
      where id = ${id} and status = 'sending' and lease_owner = ${owner}
      returning id, store_id
    )
    insert into outbox_events (message_id, store_id, status, detail, occurred_at)
    select id, store_id, ${eventStatus}, ${detail}, ${now} from m
    returning id`.execute(db);
  return rows.length > 0;
}

/** A provider's later report (delivered, bounced, complained, failed) for a message it accepted. */
export async function findByProviderId(
  db: Kysely<Database>,
  provider: string,
  providerMessageId: string,
): Promise<OutboxMessage | undefined> {
  return db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('provider', '=', provider)
    .where('provider_message_id', '=', providerMessageId)
    .executeTakeFirst();
}

export async function recordReport(
  db: Kysely<Database>,
  message: OutboxMessage,
  status: 'delivered' | 'bounced' | 'complained' | 'failed',
  detail: string | null,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox_messages')
      .set({
        status,
        status_detail: detail,
        updated_at: at,
        ...(status === 'delivered' ? {} : { status_reason: status }),
        finished_at: at,
      })
      .where('id', '=', message.id)
      .execute();
    await trx
      .insertInto('outbox_events')
      .values({ message_id: message.id, store_id: message.store_id, status, detail, occurred_at: at })
      .execute();
  });
}
