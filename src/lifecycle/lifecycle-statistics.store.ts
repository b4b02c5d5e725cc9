import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Database, OutboxStatus } from '../db/schema.ts';
import type { LifecycleStep } from './lifecycle.rules.ts';

export interface StatisticsRow {
  /** Store-local day the messages were written. */
  day: string;
  step: LifecycleStep;
  channel: 'email' | 'postcard';
  total: number;
  byStatus: Partial<Record<OutboxStatus, number>>;
}

const bounds = (from: string, to: string, zone: string) => ({
  lo: DateTime.fromISO(from, { zone }).startOf('day').toJSDate(),
  hi: DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
});

/** The store's 360° messages per day, step and channel, counted by their current status. */
export async function lifecycleStatistics(
  db: Kysely<Database>,
  store: { id: number; time_zone: string },
  from: string,
  to: string,
): Promise<StatisticsRow[]> {
  const { lo, hi } = bounds(from, to, store.time_zone);
  const { rows } = await sql<{
    day: string;
    step: LifecycleStep;
    channel: 'email' | 'postcard';
    status: OutboxStatus;
    n: string;
  }>`
    select (m.created_at at time zone ${sql.lit(store.time_zone)})::date::text as day, m.step, m.channel, m.status,
      count(*) as n
    from outbox_messages m
    where m.store_id = ${store.id} and m.source_kind = 'automation'
      and m.created_at >= ${lo}::timestamptz and m.created_at < ${hi}::timestamptz
    group by 1, 2, 3, 4
    order by 1 desc, 2, 3`.execute(db);
  const out = new Map<string, StatisticsRow>();
  for (const r of rows) {
    const key = `${r.day}|${r.step}|${r.channel}`;
    const row = out.get(key) ?? { day: r.day, step: r.step, channel: r.channel, total: 0, byStatus: {} };
    row.total += Number(r.n);
    row.byStatus[r.status] = Number(r.n);
    out.set(key, row);
  }
  return [...out.values()];
}

/** One day's messages of a step (the rows behind a statistics cell), newest first. */
export async function lifecycleMessages(
  db: Kysely<Database>,
  store: { id: number; time_zone: string },
  day: string,
  step: LifecycleStep | undefined,
  limit: number,
) {
  const { lo, hi } = bounds(day, day, store.time_zone);
  let q = db
    .selectFrom('outbox_messages as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select([
      'm.id',
      'm.customer_id',
      'c.name',
      'c.first_name',
      'c.last_name',
      'c.other_name',
      'c.dms_customer_number',
      'm.step',
      'm.channel',
      'm.purpose',
      'm.status',
      'm.status_reason',
      'm.status_detail',
      'm.target',
      'm.subject',
      'm.created_at',
      'm.finished_at',
    ])
    .where('m.store_id', '=', store.id)
    .where('m.source_kind', '=', 'automation')
    .where('m.created_at', '>=', lo)
    .where('m.created_at', '<', hi);
  if (step) q = q.where('m.step', '=', step);
  return q.orderBy('m.id', 'desc').limit(limit).execute();
}

/** The store's latest runs, newest first. */
export async function recentRuns(db: Kysely<Database>, storeId: number, limit: number) {
  return db
    .selectFrom('lifecycle_runs')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('run_date', 'desc')
    .limit(limit)
    .execute();
}
