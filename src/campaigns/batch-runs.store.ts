import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { outboxRow, type NewOutboxMessage } from '../delivery/outbox.store.ts';

/** A PostgreSQL array literal of texts ('{"a","b"}'), for a text[] value sent as one text. */
const textArrayLiteral = (xs: readonly string[]): string =>
  `{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

// Every column outboxRow writes, in the order the statement below lists them: a column it gains
// fails to compile here until the statement writes it too.
const COLUMNS = [
  'store_id',
  'customer_id',
  'delivery_key',
  'source_kind',
  'source_ref',
  'step',
  'channel',
  'purpose',
  'contact_type',
  'template_version_id',
  'user_id',
  'target',
  'sender',
  'cc',
  'bcc',
  'subject',
  'body_html',
  'body_text',
  'media_ref',
  'reply_to',
  'status',
  'status_reason',
  'status_detail',
  'due_at',
  'created_at',
  'updated_at',
  'finished_at',
] as const satisfies readonly (keyof ReturnType<typeof outboxRow>)[];
type Unwritten = Exclude<keyof ReturnType<typeof outboxRow>, (typeof COLUMNS)[number]>;
void (true satisfies [Unwritten] extends [never] ? true : Unwritten);

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_TEXT_PARAMETERS = 60_000;

/**
 * A column of long texts (the rendered messages) as `array[$1, $2, …]`: each text goes as its own
 * parameter, as is, where an array parameter would have node-pg escape every kilobyte of HTML
 * in JavaScript (about four times slower for a chunk of e-mails).
 */
const longTexts = (xs: readonly (string | null)[], each: boolean): RawBuilder<unknown> =>
  each && xs.length > 0 ? sql`array[${sql.join(xs)}]::text[]` : sql`${xs}::text[]`;

/**
 * Writes one chunk of a run's messages in a single statement: the outbox rows (a key already
 * there is left alone), their first history event, and the link from each of the run's
 * customers to their message. Being one statement, a crash leaves either all three or none, so a
 * resumed run finds exactly the customers still without a message.
 *
 * The rows go as one array per column (`unnest`), the three long texts one parameter per value,
 * rather than one parameter per value of every column (26 per row: a thousand rows was 26,000
 * parameters to bind, parse and plan).
 */
export async function enqueueRunChunk(
  db: Kysely<Database>,
  runId: number,
  messages: readonly NewOutboxMessage[],
  now: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map((m) => outboxRow(m, now));
  const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
  const each = rows.length * 3 <= MAX_TEXT_PARAMETERS;
  const subject = longTexts(
    rows.map((r) => r.subject),
    each,
  );
  const html = longTexts(
    rows.map((r) => r.body_html),
    each,
  );
  const text = longTexts(
    rows.map((r) => r.body_text),
    each,
  );
  const res = await sql`
    with m as (
      select * from unnest(
        ${col((r) => r.store_id)}::bigint[], ${col((r) => r.customer_id)}::bigint[],
        ${col((r) => r.delivery_key)}::text[], ${col((r) => r.source_kind)}::text[],
        ${col((r) => r.source_ref)}::text[], ${col((r) => r.step)}::text[], ${col((r) => r.channel)}::text[],
        ${col((r) => r.purpose)}::text[], ${col((r) => r.contact_type)}::text[],
        ${col((r) => r.template_version_id)}::bigint[], ${col((r) => r.user_id)}::bigint[],
        ${col((r) => r.target)}::text[], ${col((r) => r.sender)}::text[],
        ${col((r) => textArrayLiteral(r.cc))}::text[], ${col((r) => textArrayLiteral(r.bcc))}::text[],
        ${subject}, ${html}, ${text},
        ${col((r) => r.media_ref)}::text[], ${col((r) => r.reply_to)}::text[], ${col((r) => r.status)}::text[], ${col((r) => r.status_reason)}::text[],
        ${col((r) => r.status_detail)}::text[], ${col((r) => iso(r.due_at))}::text[],
        ${col((r) => iso(r.created_at))}::text[], ${col((r) => iso(r.updated_at))}::text[],
        ${col((r) => iso(r.finished_at))}::text[]
      ) as m(store_id, customer_id, delivery_key, source_kind, source_ref, step, channel, purpose, contact_type,
        template_version_id, user_id, target, sender, cc, bcc, subject, body_html, body_text, media_ref, reply_to,
        status, status_reason, status_detail, due_at, created_at, updated_at, finished_at)
    ),
    ins as (
      insert into outbox_messages (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
      select store_id, customer_id, delivery_key, source_kind, source_ref, step, channel, purpose, contact_type,
        template_version_id, user_id, target, sender, cc::text[], bcc::text[], subject, body_html, body_text,
        media_ref, reply_to, status, status_reason, status_detail, due_at::timestamptz, created_at::timestamptz,
        updated_at::timestamptz, finished_at::timestamptz
      from m
      on conflict (store_id, delivery_key) do nothing
      returning id, store_id, customer_id, status, status_detail
    ),
    ev as (
      insert into outbox_events (message_id, store_id, status, detail, occurred_at)
      select id, store_id, status, status_detail, ${iso(now)}::timestamptz from ins
    )
    update batch_contacts b set message_id = ins.id
    from ins
    where b.run_id = ${runId} and b.customer_id = ins.customer_id`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}
