import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { BatchSchedule, Database } from '../db/schema.ts';
import type { DayRange, RoiContact, RoiOutcome, RoiWithdrawal } from './batch-roi.rules.ts';

/**
 * The facts the ROI report credits (batch-roi.rules.ts does the crediting). Every table is read
 * with the schedule's store, so visits, deals and consent of another store's customer never count.
 */
export async function loadRoiFacts(
  db: Kysely<Database>,
  schedule: BatchSchedule,
  range: DayRange,
  timeZone: string,
): Promise<{ contacts: RoiContact[]; outcomes: RoiOutcome[]; withdrawals: RoiWithdrawal[] }> {
  const storeId = schedule.store_id;
  const window = schedule.roi_window_days;
  // Contacts up to a window past the range are read too: a later contact of the same customer
  // takes the credit for a repair order (last touch), even though it is not itself reported.
  // A day to spare: a window ending across a change of clocks may run an hour past `end + window`.
  const lookAhead = DateTime.fromJSDate(range.end)
    .plus({ days: window + 1 })
    .toJSDate();
  const contactRows = await db
    .selectFrom('batch_contacts as bc')
    .leftJoin('outbox_messages as om', (j) =>
      j.onRef('om.id', '=', 'bc.message_id').onRef('om.store_id', '=', 'bc.store_id'),
    )
    .select(['bc.id', 'bc.customer_id', 'bc.holdout', 'bc.channel', 'bc.contacted_at', 'om.status'])
    .where('bc.schedule_id', '=', schedule.id)
    .where('bc.store_id', '=', storeId)
    .where('bc.contacted_at', '>=', range.start)
    .where('bc.contacted_at', '<', lookAhead)
    .execute();
  const contacts: RoiContact[] = contactRows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    holdout: r.holdout,
    messageStatus: r.holdout ? null : r.status,
    channel: r.channel,
    contactedAt: r.contacted_at,
    inRange: r.contacted_at < range.end,
  }));
  if (contacts.length === 0) return { contacts, outcomes: [], withdrawals: [] };

  // The customers of the range, as a subquery: a year of a large daily batch would make an
  // `in (…)` list too long for one statement.
  const customers = db
    .selectFrom('batch_contacts')
    .select('customer_id')
    .where('schedule_id', '=', schedule.id)
    .where('store_id', '=', storeId)
    .where('contacted_at', '>=', range.start)
    .where('contacted_at', '<', range.end);
  const firstDay = DateTime.fromJSDate(range.start, { zone: timeZone }).toISODate() ?? range.from;
  const lastDay = DateTime.fromISO(range.to, { zone: timeZone }).plus({ days: window }).toISODate() ?? range.to;

  const outcomesQuery =
    schedule.roi_type === 'sales'
      ? db
          .selectFrom('deals')
          .select(['id', 'customer_id', 'sold_on as date'])
          .where('store_id', '=', storeId)
          .where('customer_id', 'in', customers)
          .where('sold_on', '>', firstDay)
          .where('sold_on', '<=', lastDay)
          .execute()
          .then((rows) => rows.map((r) => ({ id: r.id, customerId: r.customer_id, date: r.date, amount: null })))
      : db
          .selectFrom('visits')
          .select(['id', 'customer_id', 'visit_date as date', 'labour_total', 'parts_total'])
          .where('store_id', '=', storeId)
          .where('customer_id', 'in', customers)
          .where('visit_date', '>', firstDay)
          .where('visit_date', '<=', lastDay)
          .execute()
          .then((rows) =>
            rows.map((r) => ({
              id: r.id,
              customerId: r.customer_id,
              date: r.date,
              amount: Number(r.labour_total) + Number(r.parts_total),
            })),
          );
  const withdrawalsQuery = db
    .selectFrom('consent_events')
    .select(['customer_id', 'channel', 'occurred_at'])
    .where('store_id', '=', storeId)
    .where('customer_id', 'in', customers)
    .where('granted', '=', false)
    .where('occurred_at', '>', range.start)
    .where('occurred_at', '<=', lookAhead)
    .execute()
    .then((rows) => rows.map((r) => ({ customerId: r.customer_id, channel: r.channel, occurredAt: r.occurred_at })));
  const [outcomes, withdrawals] = await Promise.all([outcomesQuery, withdrawalsQuery]);
  return { contacts, outcomes, withdrawals };
}
