import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../db/schema.ts';
import { addDays, type LifecycleIntervals, type LifecycleStep } from './lifecycle.rules.ts';

/** What a run asks: one store's due messages for the store-local days `from` … `today`. */
export interface DueSpec {
  storeId: number;
  timeZone: string;
  /** The run's store-local day, 'YYYY-MM-DD'. */
  today: string;
  /** The first day the run covers (today, or earlier when catching up missed runs). */
  from: string;
  /** The as-of time: appointments before it are past. */
  at: Date;
  intervals: LifecycleIntervals;
}

/** One message due: a customer, a step and the day it was due, with the facts its letter names. */
export interface DueItem {
  customerId: number;
  step: LifecycleStep;
  dueDate: string;
  vehicleId: number | null;
  appointmentId: number | null;
  scheduledAt: Date | null;
  visitId: number | null;
  visitDate: string | null;
  deferredItems: string[];
}

const NOT_SALES = sql`department <> 'sales'`;

/** The instant a store-local day starts. */
const dayStart = (date: string, zone: string): Date => DateTime.fromISO(date, { zone }).startOf('day').toJSDate();

/**
 * The set-based selection of a day's due messages, one branch per step that is on (see
 * lifecycle.rules.ts for what each means). A customer appears at most once per step and due
 * date. Appointment days are taken in the store's zone; appointments are found through their
 * (store, time) index by the instants that bound the days.
 */
export function dueItemsQuery(spec: DueSpec): RawBuilder<DueRow> | null {
  const { storeId: s, timeZone: zone, today, from, at, intervals: i } = spec;
  // The zone as a literal (a checked IANA name), so DISTINCT ON and ORDER BY see one expression.
  const localDate = (col: RawBuilder<unknown>) => sql`(${col} at time zone ${sql.lit(zone)})::date`;
  const apptDay = localDate(sql`a.scheduled_at`);
  const branches: RawBuilder<unknown>[] = [];

  const reminder = (step: LifecycleStep, days: number, laterStepDays: number) => {
    // The appointments whose day minus `days` falls in the window; a catch-up run does not send
    // Reminder 1 once Reminder 2 is due for the same appointment.
    const lo = dayStart(addDays(from, days), zone);
    const hi = dayStart(addDays(today, days + 1), zone);
    const later =
      laterStepDays > 0 && laterStepDays < days ? sql`and ${apptDay} - ${laterStepDays}::int > ${today}::date` : sql``;
    branches.push(sql`
      select distinct on (a.customer_id, ${apptDay}) a.customer_id, ${step}::text as step,
        ${apptDay} - ${days}::int as due_date, a.vehicle_id, a.id as appointment_id, a.scheduled_at,
        null::bigint as visit_id, null::date as visit_date, null::text[] as deferred_items
      from appointments a
      where a.store_id = ${s} and a.status = 'scheduled' and a.scheduled_at > ${at}::timestamptz
        and a.scheduled_at >= ${lo}::timestamptz and a.scheduled_at < ${hi}::timestamptz ${later}
      order by a.customer_id, ${apptDay}, a.scheduled_at`);
  };
  if (i.reminder1Days > 0) reminder('reminder_1', i.reminder1Days, i.reminder2Days);
  if (i.reminder2Days > 0) reminder('reminder_2', i.reminder2Days, 0);

  if (i.noShowDays > 0) {
    const n = i.noShowDays;
    const lo = dayStart(addDays(from, -n), zone);
    const hi = dayStart(addDays(today, -n + 1), zone);
    // Not when the customer has since booked again or been in.
    branches.push(sql`
      select distinct on (a.customer_id, ${apptDay}) a.customer_id, 'no_show'::text as step,
        ${apptDay} + ${n}::int as due_date, a.vehicle_id, a.id as appointment_id, a.scheduled_at,
        null::bigint as visit_id, null::date as visit_date, null::text[] as deferred_items
      from appointments a
      where a.store_id = ${s} and a.status = 'no_show'
        and a.scheduled_at >= ${lo}::timestamptz and a.scheduled_at < ${hi}::timestamptz
        and not exists (select 1 from appointments b where b.store_id = ${s} and b.customer_id = a.customer_id
          and b.scheduled_at > a.scheduled_at and b.status in ('scheduled', 'completed'))
        and not exists (select 1 from visits v where v.store_id = ${s} and v.customer_id = a.customer_id
          and v.${NOT_SALES} and v.visit_date >= ${apptDay})
      order by a.customer_id, ${apptDay}, a.scheduled_at desc`);
  }

  const visitBranch = (step: LifecycleStep, days: number, extra: RawBuilder<unknown>) =>
    branches.push(sql`
      select distinct on (v.customer_id, v.visit_date) v.customer_id, ${step}::text as step,
        v.visit_date + ${days}::int as due_date, v.vehicle_id, null::bigint as appointment_id,
        null::timestamptz as scheduled_at, v.id as visit_id, v.visit_date, v.deferred_items
      from visits v
      where v.store_id = ${s} and v.department = 'service'
        and v.visit_date between ${addDays(from, -days)}::date and ${addDays(today, -days)}::date ${extra}
      order by v.customer_id, v.visit_date, v.id desc`);
  if (i.thankYouDays > 0) visitBranch('thank_you', i.thankYouDays, sql``);
  // Only the last visit's deferred items: a later visit may have done them.
  if (i.deferredDays > 0)
    visitBranch(
      'deferred',
      i.deferredDays,
      sql`and cardinality(v.deferred_items) > 0
        and not exists (select 1 from visits w where w.store_id = ${s} and w.customer_id = v.customer_id
          and w.${NOT_SALES} and w.visit_date > v.visit_date)`,
    );

  const inactive = i.inactiveDays > 0 ? inactiveBranch(spec) : null;
  if (inactive) branches.push(inactive);

  if (branches.length === 0) return null;
  return sql<DueRow>`select * from (${sql.join(
    branches.map((b) => sql`(${b})`),
    sql` union all `,
  )}) due`;
}

/**
 * Inactive: each customer's last invoice (any visit but a sale), and the send day of the series
 * Inactive, + Interval, … before Dead that falls in the window (`inactiveSendDay`, in SQL).
 * Not for a customer with an appointment booked: they are coming back.
 */
function inactiveBranch(spec: DueSpec): RawBuilder<unknown> | null {
  const { storeId: s, today, from, at, intervals: i } = spec;
  const first = i.inactiveDays;
  const every = i.inactiveIntervalDays;
  const dead = i.deadDays;
  const windowDays = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000);
  // The last send day before Dead (the series is cut there); null when it never stops.
  const lastDay = dead > 0 ? (every > 0 ? first + Math.floor((dead - first - 1) / every) * every : first) : null;
  // Dead at or before Inactive (refused when saved): no inactive message at all.
  if (lastDay !== null && (lastDay >= dead || lastDay < first)) return null;
  const series =
    every > 0 ? sql`${first}::int + ((l.d - ${first}::int) / ${every}::int) * ${every}::int` : sql`${first}::int`;
  const day = lastDay !== null ? sql`least(${series}, ${lastDay}::int)` : series;
  return sql`
    select l.customer_id, 'inactive'::text as step, l.last_date + x.day as due_date, lv.vehicle_id,
      null::bigint as appointment_id, null::timestamptz as scheduled_at, lv.id as visit_id,
      l.last_date as visit_date, null::text[] as deferred_items
    from (
      select customer_id, max(visit_date) as last_date, ${today}::date - max(visit_date) as d
      from visits where store_id = ${s} and ${NOT_SALES}
      group by customer_id
      having max(visit_date) <= ${addDays(today, -first)}::date
    ) l
    cross join lateral (select ${day} as day) x
    cross join lateral (
      select v.id, v.vehicle_id from visits v
      where v.store_id = ${s} and v.customer_id = l.customer_id and v.${NOT_SALES} and v.visit_date = l.last_date
      order by v.id desc limit 1
    ) lv
    where x.day between l.d - ${windowDays}::int and l.d
      and not exists (select 1 from appointments a where a.store_id = ${s} and a.customer_id = l.customer_id
        and a.status = 'scheduled' and a.scheduled_at > ${at}::timestamptz)`;
}

/** A row of dueItemsQuery as the driver returns it. */
export interface DueRow {
  customer_id: number | string;
  step: LifecycleStep;
  due_date: string;
  vehicle_id: number | string | null;
  appointment_id: number | string | null;
  scheduled_at: Date | null;
  visit_id: number | string | null;
  visit_date: string | null;
  deferred_items: string[] | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** The due messages of the spec's window, ordered by customer, step and due date. */
export async function findDueItems(db: Kysely<Database>, spec: DueSpec): Promise<DueItem[]> {
  const q = dueItemsQuery(spec);
  if (!q) return [];
  const { rows } = await sql<DueRow>`${q} order by customer_id, step, due_date`.execute(db);
  return rows.map((r) => ({
    customerId: Number(r.customer_id),
    step: r.step,
    dueDate: r.due_date,
    vehicleId: num(r.vehicle_id),
    appointmentId: num(r.appointment_id),
    scheduledAt: r.scheduled_at,
    visitId: num(r.visit_id),
    visitDate: r.visit_date,
    deferredItems: r.deferred_items ?? [],
  }));
}
