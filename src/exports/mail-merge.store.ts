import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import { eligibleSql, TAKE_ORDER, type SelectionSpec } from '../campaigns/batch-selection.sql.ts';
import { loadMergeProfiles } from '../customers/merge-profiles.store.ts';
import type { Database, Store } from '../db/schema.ts';
import { dueItemsQuery, type DueRow } from '../lifecycle/lifecycle-due.sql.ts';
import { STEP_LABELS, type LifecycleStep } from '../lifecycle/lifecycle.rules.ts';
import { loadSetup } from '../lifecycle/lifecycle-settings.store.ts';
import { compileFilter } from '../segments/filter.sql.ts';
import type { MergeProfile } from '../templates/merge-input.rows.ts';
import type { BatchSelection } from './mail-merge.batch.ts';
import { createMailMergeRows, type MailMergeRow } from './mail-merge.columns.ts';

/**
 * Mail-merge lists read a page at a time: each source yields its customer ids in keyset pages of
 * at most `chunk` (ascending id), and each page's merge facts are read set-based
 * (loadMergeProfiles: a handful of queries per page). Nothing holds more than one page, so the
 * memory a file needs does not grow with its length.
 */
export const EXPORT_CHUNK = 2000;

type Db = Kysely<Database>;
const num = (v: number | string) => Number(v);

/** A saved query's matching customers at `at`, in pages of ascending id. */
export async function* savedQueryIdPages(
  db: Db,
  store: Store,
  filter: unknown,
  at: Date,
  chunk = EXPORT_CHUNK,
): AsyncGenerator<number[]> {
  const where = compileFilter(filter, { storeId: store.id, now: at, timeZone: store.time_zone });
  yield* idPages(db, where, chunk);
}

/** Customers of `customers c` meeting `where`, in keyset pages of ascending id. */
async function* idPages(db: Db, where: RawBuilder<unknown>, chunk: number): AsyncGenerator<number[]> {
  let last = 0;
  for (;;) {
    const { rows } = await sql<{ id: number | string }>`select c.id from customers c
      where ${where} and c.id > ${last} order by c.id limit ${chunk}`.execute(db);
    if (rows.length === 0) return;
    const ids = rows.map((r) => num(r.id));
    yield ids;
    if (ids.length < chunk) return;
    last = ids[ids.length - 1] ?? last;
  }
}

/**
 * Where a run's order stops taking: the `limit`-th eligible customer in TAKE_ORDER (as text, so
 * the timestamp keeps its microseconds), or null when fewer are eligible and all are taken; and
 * how many are eligible.
 */
interface Cutoff {
  eligible: number;
  key: { lastContactedAt: string | null; id: number } | null;
}

async function cutoffOf(db: Db, spec: SelectionSpec): Promise<Cutoff> {
  const { rows } = await sql<{ eligible: number; id: number | string | null; lca: string | null }>`
    with el as materialized (${eligibleSql(spec)})
    select (select count(*)::int from el) as eligible, k.id, k.lca
    from (select 1) one
    left join (
      select id, last_contacted_at::text as lca from el order by ${TAKE_ORDER} offset ${spec.limit - 1} limit 1
    ) k on true`.execute(db);
  const row = rows[0];
  return {
    eligible: Number(row?.eligible ?? 0),
    key: row && row.id !== null ? { lastContactedAt: row.lca, id: num(row.id) } : null,
  };
}

/** The rows of `eligibleSql` (alias x) that come at or before the cutoff in TAKE_ORDER. */
function takenBy(cutoff: Cutoff): RawBuilder<unknown> {
  const k = cutoff.key;
  if (!k) return sql`true`;
  if (k.lastContactedAt === null) return sql`(x.last_contacted_at is null and x.id <= ${k.id})`;
  const at = sql`${k.lastContactedAt}::timestamptz`;
  return sql`(x.last_contacted_at is null or x.last_contacted_at < ${at}
    or (x.last_contacted_at = ${at} and x.id <= ${k.id}))`;
}

/** A page of a batch's export: customer ids in ascending order, each with the channel it would get. */
export interface BatchPage {
  ids: number[];
  channels: Map<number, string>;
}

/**
 * The customers a run of the batch would take (a dry run's selection), in pages of ascending id.
 *
 * A run takes the first `limit` eligible customers in TAKE_ORDER (oldest contact first). The
 * order decides *who* is taken, not how a mail merge lists them, so the selection is read in two
 * steps instead of being held: one pass finds the cutoff (the last customer a run would take,
 * and how many are eligible); then the audience is walked by id, and each page's selection is
 * computed for that page's customers only (every rule is per customer, so a page's answer equals
 * the whole selection's restricted to it) and kept up to the cutoff. Campaign Options' fallback
 * gets the room the batch leaves, the same way. The file lists customers by id.
 */
export async function* batchIdPages(db: Db, sel: BatchSelection, chunk = EXPORT_CHUNK): AsyncGenerator<BatchPage> {
  const main = await cutoffOf(db, sel.main.spec());
  const room = sel.main.limit - Math.min(main.eligible, sel.main.limit);
  const fallback = sel.fallback && room > 0 ? await cutoffOf(db, { ...sel.fallback.spec(), limit: room }) : null;
  const lanes = [
    { channel: sel.main.channel, spec: sel.main.spec, cutoff: main },
    ...(sel.fallback && fallback ? [{ channel: sel.fallback.channel, spec: sel.fallback.spec, cutoff: fallback }] : []),
  ];
  for await (const page of idPages(db, sql`c.store_id = ${sel.main.spec().store.id} and ${sel.audience}`, chunk)) {
    const channels = new Map<number, string>();
    for (const lane of lanes) {
      const { rows } = await sql<{ id: number | string }>`select x.id from (${eligibleSql(lane.spec(page))}) x
        where ${takenBy(lane.cutoff)}`.execute(db);
      for (const r of rows) channels.set(num(r.id), lane.channel);
    }
    const ids = page.filter((id) => channels.has(id));
    if (ids.length > 0) yield { ids, channels };
  }
}

/** What a lifecycle export lists: one store-local day's due messages, of one step or all. */
export interface LifecycleListSpec {
  store: Store;
  /** 'YYYY-MM-DD', store-local. */
  day: string;
  step: LifecycleStep | null;
  now: Date;
}

/**
 * The due items of a store-local day as the daily run would find them (window = that day only),
 * in keyset pages ordered by customer, step and due date. The as-of time is now for today, else
 * the start of the day (what "appointments still to come" means on that day).
 */
export async function* lifecycleItemPages(db: Db, spec: LifecycleListSpec, chunk = EXPORT_CHUNK) {
  const zone = spec.store.time_zone;
  const start = DateTime.fromISO(spec.day, { zone }).startOf('day');
  const today = DateTime.fromJSDate(spec.now, { zone }).toISODate();
  const at = spec.day === today ? spec.now : start.toJSDate();
  const setup = await loadSetup(db, spec.store.id);
  const q = dueItemsQuery({
    storeId: spec.store.id,
    timeZone: zone,
    today: spec.day,
    from: spec.day,
    at,
    intervals: setup.intervals,
  });
  if (!q) return;
  const step = spec.step ? sql`d.step = ${spec.step}` : sql`true`;
  let after: DueRow | null = null;
  for (;;) {
    const keyset: RawBuilder<unknown> = after
      ? sql`(d.customer_id, d.step, d.due_date) > (${num(after.customer_id)}::bigint, ${after.step}::text, ${after.due_date}::date)`
      : sql`true`;
    const { rows }: { rows: DueRow[] } = await sql<DueRow>`select * from (${q}) d where ${step} and ${keyset}
      order by d.customer_id, d.step, d.due_date limit ${chunk}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < chunk) return;
    after = rows[rows.length - 1] ?? null;
  }
}

/** The merge facts of a page of customers, in the page's order (a customer deleted meanwhile is left out). */
async function profilesOf(db: Db, store: Store, ids: number[], now: Date): Promise<MergeProfile[]> {
  const byId = await loadMergeProfiles(db, store.id, ids, now);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// loadMergeProfiles rather than the narrower loadMergeRows: the file needs the vehicle's VIN, the
// address and the phones, which loadMergeRows' column lists (made for rendering) leave out.

/** A saved query's mail-merge rows, a page at a time. */
export async function* savedQueryRows(db: Db, store: Store, filter: unknown, now: Date, chunk = EXPORT_CHUNK) {
  const row = createMailMergeRows(store, now);
  for await (const ids of savedQueryIdPages(db, store, filter, now, chunk)) {
    yield (await profilesOf(db, store, ids, now)).map((p) => row(p));
  }
}

/** A batch's mail-merge rows (with the channel each customer would get), a page at a time. */
export async function* batchRows(db: Db, store: Store, sel: BatchSelection, now: Date, chunk = EXPORT_CHUNK) {
  const row = createMailMergeRows(store, now);
  for await (const page of batchIdPages(db, sel, chunk)) {
    yield (await profilesOf(db, store, page.ids, now)).map((p) =>
      row(p, { channel: page.channels.get(p.customer.id) ?? '' }),
    );
  }
}

/** A lifecycle day's mail-merge rows: one per due message (a customer may have two steps), a page at a time. */
export async function* lifecycleRows(
  db: Db,
  spec: LifecycleListSpec,
  chunk = EXPORT_CHUNK,
): AsyncGenerator<MailMergeRow[]> {
  const row = createMailMergeRows(spec.store, spec.now);
  for await (const items of lifecycleItemPages(db, spec, chunk)) {
    const ids = [...new Set(items.map((i) => num(i.customer_id)))];
    const byId = await loadMergeProfiles(db, spec.store.id, ids, spec.now);
    yield items.flatMap((i) => {
      const p = byId.get(num(i.customer_id));
      if (!p) return [];
      return [
        row(p, {
          focus: {
            vehicleId: i.vehicle_id === null ? null : num(i.vehicle_id),
            scheduledAt: i.scheduled_at,
            visit: i.visit_date ? { visitDate: i.visit_date, deferredItems: i.deferred_items ?? [] } : null,
          },
          step: STEP_LABELS[i.step],
          dueDate: i.due_date,
        }),
      ];
    });
  }
}
