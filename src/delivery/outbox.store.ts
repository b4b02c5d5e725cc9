import { sql, type Kysely } from 'kysely';
import type { Database, OutboxMessage, SourceKind, TemplateChannel } from '../db/schema.ts';

export interface NewOutboxMessage {
  storeId: number;
  /** Null only for a test send (sourceKind 'test'). */
  customerId: number | null;
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
  /** What a voice drop plays ('recording:<id>'). */
  mediaRef?: string | null;
  /** Where replies to an e-mail go when not to its sender (the store's business e-mail). */
  replyTo?: string | null;
  /** queued (due now or at dueAt), deferred (quiet hours) or skipped (with the reasons). */
  status: 'queued' | 'deferred' | 'skipped';
  statusReason: string | null;
  statusDetail: string | null;
  dueAt: Date;
}

/** The table row for a new message. */
export function outboxRow(m: NewOutboxMessage, now: Date) {
  return {
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
    media_ref: m.mediaRef ?? null,
    reply_to: m.replyTo ?? null,
    status: m.status,
    status_reason: m.statusReason,
    status_detail: m.statusDetail,
    due_at: m.dueAt,
    created_at: now,
    updated_at: now,
    finished_at: m.status === 'skipped' ? now : null,
  };
}

/**
 * Writes many messages (a batch run's) in one statement with their "queued" history events;
 * keys already there are left as they are. Returns how many were new. For large runs call it per
 * chunk of a few hundred to a thousand rows.
 */
export async function enqueueMessages(
  db: Kysely<Database>,
  messages: readonly NewOutboxMessage[],
  now: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db
    .with('ins', (q) =>
      q
        .insertInto('outbox_messages')
        .values(messages.map((m) => outboxRow(m, now)))
        .onConflict((oc) => oc.columns(['store_id', 'delivery_key']).doNothing())
        .returning(['id', 'store_id', 'status', 'status_detail']),
    )
    .insertInto('outbox_events')
    .columns(['message_id', 'store_id', 'status', 'detail', 'occurred_at'])
    .expression((eb) =>
      eb
        .selectFrom('ins')
        .select(['ins.id', 'ins.store_id', 'ins.status', 'ins.status_detail', sql<Date>`${now}::timestamptz`.as('at')]),
    )
    .returning('message_id')
    .execute();
  return rows.length;
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
    .values(messages.map((m) => outboxRow(m, now)))
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
        -- Voice drops go one at a time per job through the voice ports (delivery/voice/).
        and channel <> 'voice'
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

/** Gives claimed-but-unsent messages back to the queue (a worker stopping cleanly), uncounted. */
export async function releaseClaims(db: Kysely<Database>, owner: string, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({
      status: 'queued',
      lease_owner: null,
      due_at: now,
      attempts: eb('attempts', '-', 1),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .execute();
}

export type AttemptOutcome =
  | { status: 'sent'; provider: string; providerMessageId: string | null }
  | { status: 'queued'; retryAt: Date; reason: string; detail: string }
  | { status: 'deferred'; until: Date; detail: string }
  | { status: 'failed' | 'skipped'; reason: string; detail: string };

/** One attempt's result, as the columns it sets. */
function columnsOf(outcome: AttemptOutcome, now: Date) {
  switch (outcome.status) {
    case 'sent':
      return {
        status: 'sent',
        provider: outcome.provider,
        pmid: outcome.providerMessageId,
        sent: now,
        due: null,
        reason: null,
        detail: null,
        finished: null,
        attemptsDelta: 0,
        event: 'sent',
        eventDetail: `${outcome.provider}${outcome.providerMessageId ? ` ${outcome.providerMessageId}` : ''}`,
      };
    case 'queued':
      return {
        status: 'queued',
        provider: null,
        pmid: null,
        sent: null,
        due: outcome.retryAt,
        reason: outcome.reason,
        detail: outcome.detail,
        finished: null,
        attemptsDelta: 0,
        event: 'retry',
        eventDetail: outcome.detail,
      };
    case 'deferred':
      // Quiet hours are not an attempt: give back the one the claim counted.
      return {
        status: 'deferred',
        provider: null,
        pmid: null,
        sent: null,
        due: outcome.until,
        reason: 'quiet_hours',
        detail: outcome.detail,
        finished: null,
        attemptsDelta: -1,
        event: 'deferred',
        eventDetail: outcome.detail,
      };
    case 'failed':
    case 'skipped':
      return {
        status: outcome.status,
        provider: null,
        pmid: null,
        sent: null,
        due: null,
        reason: outcome.reason,
        detail: outcome.detail,
        finished: now,
        attemptsDelta: 0,
        event: outcome.status,
        eventDetail: outcome.detail,
      };
  }
}

/**
 * Records how attempts ended, in one statement, for the messages this worker still holds (a
 * worker whose lease ran out and was taken over records nothing), and adds each event to its
 * message's history. Returns the ids recorded.
 */
export async function recordAttempts(
  db: Kysely<Database>,
  owner: string,
  results: readonly { id: number; outcome: AttemptOutcome }[],
  now: Date,
): Promise<Set<number>> {
  if (results.length === 0) return new Set();
  const rows = results.map(({ id, outcome }) => {
    const c = columnsOf(outcome, now);
    return sql`(${id}::bigint, ${c.status}::text, ${c.provider}::text, ${c.pmid}::text, ${c.sent}::timestamptz,
      ${c.due}::timestamptz, ${c.reason}::text, ${c.detail}::text, ${c.finished}::timestamptz, ${c.attemptsDelta}::int,
      ${c.event}::text, ${c.eventDetail}::text)`;
  });
  const { rows: recorded } = await sql<{ id: number }>`
    with v (id, status, provider, pmid, sent, due, reason, detail, finished, attempts_delta, event, event_detail) as (
      values ${sql.join(rows)}
    ),
    m as (
      update outbox_messages o
      set status = v.status,
          provider = coalesce(v.provider, o.provider),
          provider_message_id = coalesce(v.pmid, o.provider_message_id),
          sent_at = coalesce(v.sent, o.sent_at),
          due_at = coalesce(v.due, o.due_at),
          status_reason = v.reason,
          status_detail = v.detail,
          finished_at = v.finished,
          attempts = o.attempts + v.attempts_delta,
          lease_owner = null,
          updated_at = ${now}
      from v
      where o.id = v.id and o.status = 'sending' and o.lease_owner = ${owner}
      returning o.id, o.store_id, v.event, v.event_detail
    )
    insert into outbox_events (message_id, store_id, status, detail, occurred_at)
    select id, store_id, event, event_detail, ${now} from m
    returning message_id as id`.execute(db);
  return new Set(recorded.map((r) => Number(r.id)));
}

/** One attempt's result (see recordAttempts). */
export async function recordAttempt(
  db: Kysely<Database>,
  id: number,
  owner: string,
  outcome: AttemptOutcome,
  now: Date,
): Promise<boolean> {
  return (await recordAttempts(db, owner, [{ id, outcome }], now)).has(id);
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
