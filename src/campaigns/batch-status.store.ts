import { sql, type Kysely } from 'kysely';
import { displayName } from '../customers/customers.presenter.ts';
import type { BatchSchedule, Database } from '../db/schema.ts';
import type { BatchContactStatus, DayRange } from './batch-roi.rules.ts';

/**
 * The Batch Contact Status screen's reads. Every query repeats the schedule's store on the contact,
 * the customer and the message (not just the schedule id) so a row mislinked across stores can
 * never surface another tenant's customer.
 */

export interface StatusFilter {
  include?: readonly BatchContactStatus[] | undefined;
  exclude?: readonly BatchContactStatus[] | undefined;
}

export interface ContactRow {
  id: number;
  customerId: number;
  customerNumber: string;
  customerName: string;
  status: BatchContactStatus;
  date: Date;
  branchName: string;
  contactId: number | null;
  runId: number;
}

const statusOf = sql<BatchContactStatus>`case when bc.holdout then 'held_out' when bc.message_id is null then 'not_enqueued' else om.status end`;

function contactsIn(db: Kysely<Database>, schedule: BatchSchedule, range: DayRange) {
  return db
    .selectFrom('batch_contacts as bc')
    .leftJoin('outbox_messages as om', (j) =>
      j.onRef('om.id', '=', 'bc.message_id').onRef('om.store_id', '=', 'bc.store_id'),
    )
    .where('bc.schedule_id', '=', schedule.id)
    .where('bc.store_id', '=', schedule.store_id)
    .where('bc.contacted_at', '>=', range.start)
    .where('bc.contacted_at', '<', range.end);
}

/** One page of the grid, newest first, and how many rows the filter keeps in all. */
export async function listContacts(
  db: Kysely<Database>,
  schedule: BatchSchedule,
  range: DayRange,
  filter: StatusFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: ContactRow[]; total: number }> {
  let q = contactsIn(db, schedule, range);
  if (filter.include) {
    if (filter.include.length === 0) return { rows: [], total: 0 };
    q = q.where(statusOf, 'in', [...filter.include]);
  }
  if (filter.exclude && filter.exclude.length > 0) q = q.where(statusOf, 'not in', [...filter.exclude]);
  const [rows, total] = await Promise.all([
    q
      .innerJoin('customers as c', (j) =>
        j.onRef('c.id', '=', 'bc.customer_id').onRef('c.store_id', '=', 'bc.store_id'),
      )
      .innerJoin('stores as s', 's.id', 'bc.store_id')
      .select([
        'bc.id',
        'bc.customer_id',
        'bc.contacted_at',
        'bc.message_id',
        'bc.run_id',
        'c.dms_customer_number',
        'c.name',
        'c.first_name',
        'c.last_name',
        'c.other_name',
        's.name as store_name',
        statusOf.as('status'),
      ])
      .orderBy('bc.contacted_at', 'desc')
      .orderBy('bc.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      customerNumber: r.dms_customer_number,
      customerName: displayName(r),
      status: r.status,
      date: r.contacted_at,
      branchName: r.store_name,
      contactId: r.message_id,
      runId: r.run_id,
    })),
  };
}

/** Contacts per status over the whole range, unfiltered: the legend shows what a filter would hide. */
export async function countByStatus(
  db: Kysely<Database>,
  schedule: BatchSchedule,
  range: DayRange,
): Promise<Partial<Record<BatchContactStatus, number>>> {
  const rows = await contactsIn(db, schedule, range)
    .select([statusOf.as('status'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(statusOf)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Contacts per store-local day and status: the chart's points. */
export async function countByDayAndStatus(
  db: Kysely<Database>,
  schedule: BatchSchedule,
  range: DayRange,
  timeZone: string,
): Promise<{ day: string; status: BatchContactStatus; n: number }[]> {
  const day = sql<string>`to_char(bc.contacted_at at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const rows = await contactsIn(db, schedule, range)
    .select([day.as('day'), statusOf.as('status'), (eb) => eb.fn.countAll<number>().as('n')])
    // By position: the zone is a bound parameter, and Postgres does not see `$1` and `$4` as the same expression.
    .groupBy([sql`1`, sql`2`])
    .execute();
  return rows.map((r) => ({ day: r.day, status: r.status, n: Number(r.n) }));
}
