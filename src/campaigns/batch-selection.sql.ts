import { sql, type Kysely, type RawBuilder } from 'kysely';
import { reasonChecks } from '../consent/eligibility.sql.ts';
import type { ReasonCode } from '../consent/eligibility.rules.ts';
import type { DayPart } from '../consent/quiet-hours.rules.ts';
import type { BatchChannel, Database, Store } from '../db/schema.ts';

/**
 * Why a customer in a batch's audience was not taken: an eligibility reason (consent, method,
 * address, reachability, day part; quiet hours only defer), or one of the batch rules.
 */
export type BatchExclusion =
  | Exclude<ReasonCode, 'quiet_hours'>
  | 'language'
  | 'fleet'
  | 'vehicle_off'
  | 'reserved'
  | 'recycling'
  | 'days_between'
  | 'prevented_contact_type'
  | 'prevented_customer'
  | 'over_limit';

export interface SelectionSpec {
  store: Store;
  at: Date;
  /** The store-local day of `at`, 'YYYY-MM-DD'. */
  today: string;
  /** The start of that day, for "already got a batch today". */
  todayStart: Date;
  scheduleId: number;
  /** The run taking the customers ('run:<id>'); a dry run has none. */
  runRef: string | null;
  channel: BatchChannel;
  purpose: 'marketing' | 'service';
  dayPart: DayPart;
  /** The audience: the contact type's condition and/or a compiled saved query, over `customers c`. */
  audience: RawBuilder<unknown>;
  language: 'any' | 'en' | 'fr';
  customerType: 'all' | 'non_fleet';
  contactType: string | null;
  prevention: 'none' | 'contact_type' | 'customer';
  daysBetween: number;
  limit: number;
  /** Only these customers of the audience (a page of an export); the whole audience when absent. */
  customerIds?: number[] | undefined;
}

export interface SelectionCounts {
  /** Customers in the audience. */
  matched: number;
  /** Of those, customers no rule held back (before "# to send"). */
  eligible: number;
  /** Held back per reason; a customer can count under several. */
  excluded: Partial<Record<BatchExclusion, number>>;
}

const DAY = sql`interval '1 day'`;

/**
 * The selection as SQL, in three steps the planner keeps apart (`materialized`):
 * f — the audience with the eligibility reasons and the customer-level filters, one pass;
 * g — f joined to the contact state (reservation, recycle) and the prevention look-ups;
 * e — who is left, oldest contact first.
 */
function selectionCtes(s: SelectionSpec) {
  const consentChannel = s.channel;
  const { checks, from } = reasonChecks(
    {
      store: s.store,
      channel: consentChannel,
      purpose: s.purpose,
      at: s.at,
      dayPart: s.dayPart,
    },
    s.customerIds,
  );
  const byCode = new Map<ReasonCode, RawBuilder<unknown>[]>();
  for (const c of checks) {
    if (c.code === 'quiet_hours') continue; // deferred by the outbox, not excluded
    byCode.set(c.code, [...(byCode.get(c.code) ?? []), c.cond]);
  }
  const customerFlags: [BatchExclusion, RawBuilder<unknown>][] = [
    ...[...byCode].map(([code, conds]): [BatchExclusion, RawBuilder<unknown>] => [
      code as BatchExclusion,
      sql`(${sql.join(conds, sql` or `)})`,
    ]),
    [
      'language',
      s.language === 'any'
        ? sql`false`
        : s.language === 'fr'
          ? sql`coalesce(c.language, '') not like 'fr%'`
          : sql`coalesce(c.language, '') not like 'en%'`,
    ],
    ['fleet', s.customerType === 'non_fleet' ? sql`c.customer_type = 'fleet'` : sql`false`],
    [
      // Every vehicle on file is off for contact (by a user, or as body-shop only).
      'vehicle_off',
      // One look-up: true when there are vehicles and all are off; no vehicles gives null, so false.
      sql`(select bool_and(v.contact_off) from vehicles v where v.store_id = c.store_id and v.customer_id = c.id)`,
    ],
  ];
  const preventionSince =
    s.daysBetween > 0
      ? sql`${s.at}::timestamptz - ${sql.lit(s.daysBetween)} * ${DAY}`
      : sql`${s.todayStart}::timestamptz`;
  const contactFlags: [BatchExclusion, RawBuilder<unknown>][] = [
    [
      'reserved',
      sql`coalesce(cs.reserved_until > ${s.at}::timestamptz and cs.reserved_by is distinct from ${s.runRef}::text, false)`,
    ],
    ['recycling', sql`coalesce(cs.recycle_until > ${s.at}::timestamptz, false)`],
    [
      'days_between',
      s.daysBetween > 0
        ? sql`exists (select 1 from batch_contacts b where b.store_id = ${s.store.id} and b.customer_id = f.id
            and b.schedule_id = ${s.scheduleId} and b.contacted_at > ${s.at}::timestamptz - ${sql.lit(s.daysBetween)} * ${DAY}
            and b.contacted_at <= ${s.at}::timestamptz)`
        : sql`false`,
    ],
    [
      'prevented_contact_type',
      s.prevention === 'contact_type' && s.contactType
        ? sql`exists (select 1 from batch_contacts b where b.store_id = ${s.store.id} and b.customer_id = f.id
            and b.contact_type = ${s.contactType} and b.schedule_id <> ${s.scheduleId}
            and b.contacted_at >= ${preventionSince} and b.contacted_at <= ${s.at}::timestamptz)`
        : sql`false`,
    ],
    [
      'prevented_customer',
      s.prevention === 'customer'
        ? sql`exists (select 1 from batch_contacts b where b.store_id = ${s.store.id} and b.customer_id = f.id
            and b.schedule_id <> ${s.scheduleId}
            and b.contacted_at >= ${s.todayStart}::timestamptz and b.contacted_at <= ${s.at}::timestamptz)`
        : sql`false`,
    ],
  ];
  const name = (i: number) => sql.ref(`x${i}`);
  const all = [...customerFlags, ...contactFlags];
  const f = sql`select c.id, ${sql.join(customerFlags.map(([, cond], i) => sql`coalesce(${cond}, false) as ${name(i)}`))}
    ${from} and (${s.audience})`;
  const g = sql`select f.*, cs.last_contacted_at,
    ${sql.join(contactFlags.map(([, cond], j) => sql`${cond} as ${name(customerFlags.length + j)}`))}
    from f left join customer_contact_state cs on cs.customer_id = f.id`;
  const anyFlag = sql.join(
    all.map((_, i) => name(i)),
    sql` or `,
  );
  const ctes = sql`f as materialized (${f}), g as materialized (${g}),
    e as (select id, last_contacted_at from g where not (${anyFlag}))`;
  // Oldest contact first (never contacted before anyone), then the longest-standing customer.
  const picked = sql`select id from e order by ${TAKE_ORDER} limit ${s.limit}`;
  const counts = sql`count(*)::int as matched, (select count(*)::int from e) as eligible,
    ${sql.join(all.map(([code], i) => sql`count(*) filter (where ${name(i)})::int as ${sql.ref(`n_${code}`)}`))}`;
  return { ctes, picked, counts, codes: all.map(([code]) => code) };
}

/** The order a run takes eligible customers in, over `eligibleSql`'s columns. */
export const TAKE_ORDER = sql`last_contacted_at asc nulls first, id`;

/**
 * The customers no rule held back (before "# to send"), with the `last_contacted_at` that
 * TAKE_ORDER reads: a run takes the first `limit` of them in that order. For reading a selection
 * a page at a time (the mail-merge export) without materialising it.
 */
export function eligibleSql(s: SelectionSpec): RawBuilder<{ id: number | string; last_contacted_at: Date | null }> {
  return sql`with ${selectionCtes(s).ctes} select id, last_contacted_at from e`;
}

type CountRow = Record<string, number>;

function readCounts(row: CountRow | undefined, codes: BatchExclusion[], selected: number): SelectionCounts {
  const excluded: Partial<Record<BatchExclusion, number>> = {};
  for (const code of codes) {
    const n = Number(row?.[`n_${code}`] ?? 0);
    if (n > 0) excluded[code] = n;
  }
  const eligible = Number(row?.eligible ?? 0);
  if (eligible > selected) excluded.over_limit = eligible - selected;
  return { matched: Number(row?.matched ?? 0), eligible, excluded };
}

/** A dry run: the counts and the first `sampleSize` customers the run would take. Writes nothing. */
export async function previewSelection(
  db: Kysely<Database>,
  s: SelectionSpec,
  sampleSize: number,
): Promise<SelectionCounts & { selected: number; customerIds: number[] }> {
  const q = selectionCtes(s);
  const { rows } = await sql<CountRow & { picked: number[] | null }>`with ${q.ctes}, p as (${q.picked})
    select ${q.counts}, (select count(*)::int from p) as selected,
      (select array_agg(id) from (select id from p limit ${sampleSize}) x) as picked
    from g`.execute(db);
  const row = rows[0];
  const selected = Number(row?.selected ?? 0);
  return { ...readCounts(row, q.codes, selected), selected, customerIds: (row?.picked ?? []).map(Number) };
}

export interface TakeOptions {
  runId: number;
  holdoutPercent: number;
  /**
   * Also mark the customers taken as contacted at the run's as-of time, reserved by the run until
   * `reservedUntil`, and in the recycle period of `recycle` (a longer period already running is
   * kept) — in the same statement. Held-out customers count as contacted too.
   */
  contactState?: { reservedUntil: Date; recycle: { key: string; until: Date } | null } | undefined;
}

/**
 * Selects and takes the run's customers in one statement: inserts them into `batch_contacts`
 * (a deterministic `holdoutPercent` of them flagged as the control group), with `contactState`
 * records their contact state (`customer_contact_state`), and returns the counts.
 * Call it inside a transaction holding the store's selection lock (batch-run.service.ts).
 */
export async function takeSelection(
  db: Kysely<Database>,
  s: SelectionSpec,
  opts: TakeOptions,
): Promise<SelectionCounts & { selected: number; heldOut: number }> {
  const q = selectionCtes(s);
  // The control group is chosen by a hash of run and customer: stable if the run is resumed.
  const holdout =
    opts.holdoutPercent > 0
      ? sql`(abs(hashtext(${String(opts.runId)} || ':' || p.id::text)) % 100) < ${sql.lit(opts.holdoutPercent)}`
      : sql`false`;
  // Two statements: PostgreSQL plans no parallel scan for a statement that writes, and the
  // selection's pass over the audience is most of it. The select picks, the insert takes.
  const { rows } = await sql<CountRow & { picked: (number | string)[] | null }>`with ${q.ctes}, p as (${q.picked})
    select ${q.counts}, (select array_agg(id) from p) as picked
    from g`.execute(db);
  const row = rows[0];
  const picked = (row?.picked ?? []).map(Number);
  const taken =
    picked.length === 0
      ? { selected: 0, held_out: 0 }
      : (
          await sql<{ selected: number; held_out: number }>`with p as (select unnest(${picked}::bigint[]) as id),
    ins as (
      insert into batch_contacts (run_id, schedule_id, store_id, customer_id, contact_type, channel, holdout, contacted_at)
      select ${opts.runId}::bigint, ${s.scheduleId}::bigint, ${s.store.id}::bigint, p.id, ${s.contactType}::text,
        ${s.channel}::text, ${holdout}, ${s.at}::timestamptz
      from p
      on conflict (run_id, customer_id) do nothing
      returning customer_id, holdout
    )${contactStateCte(s, opts)}
    select count(*)::int as selected, count(*) filter (where holdout)::int as held_out from ins`.execute(db)
        ).rows[0];
  const selected = Number(taken?.selected ?? 0);
  return { ...readCounts(row, q.codes, selected), selected, heldOut: Number(taken?.held_out ?? 0) };
}

/** The upsert of the taken customers' contact state, as a CTE after `ins` (or nothing). */
function contactStateCte(s: SelectionSpec, opts: TakeOptions): RawBuilder<unknown> {
  const cs = opts.contactState;
  if (!cs) return sql``;
  const recycle = cs.recycle;
  return sql`,
    cs as (
      insert into customer_contact_state as s
        (customer_id, store_id, last_contacted_at, recycle_code, recycle_until, reserved_by, reserved_until)
      select ins.customer_id, ${s.store.id}::bigint, ${s.at}::timestamptz, ${recycle?.key ?? null}::text,
        ${recycle?.until ?? null}::timestamptz, ${`run:${opts.runId}`}::text, ${cs.reservedUntil}::timestamptz
      from ins
      on conflict (customer_id) do update set
        last_contacted_at = greatest(s.last_contacted_at, excluded.last_contacted_at),
        recycle_code = case when excluded.recycle_until > coalesce(s.recycle_until, '-infinity')
          then excluded.recycle_code else s.recycle_code end,
        recycle_until = greatest(s.recycle_until, excluded.recycle_until),
        reserved_by = excluded.reserved_by,
        reserved_until = excluded.reserved_until
    )`;
}
