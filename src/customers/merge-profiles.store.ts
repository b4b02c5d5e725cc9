import { sql, type Kysely } from 'kysely';
import type { Customer, Database } from '../db/schema.ts';
import {
  MERGE_APPOINTMENT_COLUMNS,
  MERGE_CUSTOMER_COLUMNS,
  MERGE_VEHICLE_COLUMNS,
  MERGE_VISIT_COLUMNS,
  type MergeFacts,
  type MergeProfile,
} from '../templates/merge-input.rows.ts';
import type { SalespersonEvidence } from './salesperson.rules.ts';

/**
 * Which of a profile's facts to load: what the templates' merge tags read (see
 * `profileNeeds` in templates/merge-needs.ts). Leaving one out leaves that part of the profile
 * empty. Default: everything.
 */
export interface ProfileNeeds {
  vehicles: boolean;
  visits: boolean;
  appointments: boolean;
  salesperson: boolean;
}

const EVERYTHING: ProfileNeeds = { vehicles: true, visits: true, appointments: true, salesperson: true };

/**
 * What the merge tags need for many customers of one store at once (a batch chunk): the same
 * facts `loadProfile` gives one customer — vehicles, the last visit, the appointment the merge
 * input uses, the salesperson evidence — in at most seven set queries instead of seven per
 * customer, and only those `needs` asks for.
 */
export async function loadMergeProfiles(
  db: Kysely<Database>,
  storeId: number,
  customerIds: readonly number[],
  now: Date,
  needs: ProfileNeeds = EVERYTHING,
): Promise<Map<number, MergeProfile>> {
  return (await loadFacts(db, storeId, customerIds, now, needs, null)) as Map<number, MergeProfile>;
}

/** What loadMergeRows gives per customer: the merge facts, and the customer columns asked for. */
export type MergeRows<K extends keyof Customer> = MergeFacts & {
  customer: MergeFacts['customer'] & Pick<Customer, K>;
};

/**
 * loadMergeProfiles reading only the columns the merge input reads (MERGE_*_COLUMNS), plus
 * `customerColumns` of the customer (a batch's target and quiet hours): a batch chunk's read,
 * without the timestamps and notes it would parse and throw away.
 */
export async function loadMergeRows<K extends keyof Customer>(
  db: Kysely<Database>,
  storeId: number,
  customerIds: readonly number[],
  now: Date,
  needs: ProfileNeeds,
  customerColumns: readonly K[],
): Promise<Map<number, MergeRows<K>>> {
  const customer = [...new Set<keyof Customer>([...MERGE_CUSTOMER_COLUMNS, ...customerColumns])];
  return (await loadFacts(db, storeId, customerIds, now, needs, { customer })) as Map<number, MergeRows<K>>;
}

async function loadFacts(
  db: Kysely<Database>,
  storeId: number,
  customerIds: readonly number[],
  now: Date,
  needs: ProfileNeeds,
  narrow: { customer: readonly (keyof Customer)[] } | null,
): Promise<Map<number, MergeFacts>> {
  if (customerIds.length === 0) return new Map();
  const ids = sql`${[...customerIds]}::bigint[]`;
  const none = Promise.resolve([]);
  const [customers, vehicles, visits, appointments, deals, reassignments, activities] = await Promise.all([
    (narrow ? db.selectFrom('customers').select(narrow.customer) : db.selectFrom('customers').selectAll())
      .where('store_id', '=', storeId)
      .where(sql<boolean>`id = any(${ids})`)
      .execute() as Promise<MergeFacts['customer'][]>,
    needs.vehicles
      ? (narrow ? db.selectFrom('vehicles').select(MERGE_VEHICLE_COLUMNS) : db.selectFrom('vehicles').selectAll())
          .where('store_id', '=', storeId)
          .where(sql<boolean>`customer_id = any(${ids})`)
          .orderBy('customer_id')
          .orderBy('year', 'desc')
          .execute()
      : none,
    needs.visits
      ? (narrow ? db.selectFrom('visits').select(MERGE_VISIT_COLUMNS) : db.selectFrom('visits').selectAll())
          .distinctOn('customer_id')
          .where('store_id', '=', storeId)
          .where(sql<boolean>`customer_id = any(${ids})`)
          .orderBy('customer_id')
          .orderBy('visit_date', 'desc')
          .orderBy('id', 'desc')
          .execute()
      : none,
    // The one appointment the merge input uses (mergeInputFromProfile): the next scheduled one,
    // else the latest.
    needs.appointments
      ? (narrow
          ? db.selectFrom('appointments').select(MERGE_APPOINTMENT_COLUMNS)
          : db.selectFrom('appointments').selectAll()
        )
          .distinctOn('customer_id')
          .where('store_id', '=', storeId)
          .where(sql<boolean>`customer_id = any(${ids})`)
          .orderBy('customer_id')
          .orderBy(sql`status = 'scheduled' and scheduled_at >= ${now}::timestamptz`, 'desc')
          .orderBy(
            sql`case when status = 'scheduled' and scheduled_at >= ${now}::timestamptz then scheduled_at end`,
            'asc',
          )
          .orderBy('scheduled_at', 'desc')
          .execute()
      : none,
    needs.salesperson
      ? db
          .selectFrom('deals as d')
          .innerJoin('salespeople as s', 's.id', 'd.salesperson_id')
          .select(['d.customer_id', 's.id as salespersonId', 's.name', 'd.sold_on as on'])
          .distinctOn('d.customer_id')
          .where('d.store_id', '=', storeId)
          .where(sql<boolean>`d.customer_id = any(${ids})`)
          .orderBy('d.customer_id')
          .orderBy('d.sold_on', 'desc')
          .execute()
      : none,
    needs.salesperson
      ? db
          .selectFrom('salesperson_assignments as a')
          .innerJoin('salespeople as s', 's.id', 'a.salesperson_id')
          .select(['a.customer_id', 's.id as salespersonId', 's.name', 'a.assigned_on as on'])
          .distinctOn('a.customer_id')
          .where(sql<boolean>`a.customer_id = any(${ids})`)
          .orderBy('a.customer_id')
          .orderBy('a.assigned_on', 'desc')
          .orderBy('a.id', 'desc')
          .execute()
      : none,
    needs.salesperson
      ? db
          .selectFrom('sales_activities as a')
          .innerJoin('salespeople as s', 's.id', 'a.salesperson_id')
          .select(['a.customer_id', 's.id as salespersonId', 's.name', 'a.activity_on as on'])
          .distinctOn('a.customer_id')
          .where(sql<boolean>`a.customer_id = any(${ids})`)
          .orderBy('a.customer_id')
          .orderBy('a.activity_on', 'desc')
          .orderBy('a.id', 'desc')
          .execute()
      : none,
  ]);
  const group = <T extends { customer_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const list = m.get(r.customer_id);
      if (list) list.push(r);
      else m.set(r.customer_id, [r]);
    }
    return m;
  };
  const evidence = <T extends { customer_id: number } & SalespersonEvidence>(rows: T[]) =>
    new Map(rows.map((r) => [r.customer_id, { salespersonId: r.salespersonId, name: r.name, on: r.on }]));
  const vehiclesOf = group(vehicles);
  const visitOf = new Map(visits.map((v) => [v.customer_id, v]));
  const appointmentOf = new Map(appointments.map((a) => [a.customer_id, a]));
  const dealOf = evidence(deals);
  const reassignmentOf = evidence(reassignments);
  const activityOf = evidence(activities);

  const out = new Map<number, MergeFacts>();
  for (const customer of customers) {
    const id = customer.id;
    const visit = visitOf.get(id);
    const appointment = appointmentOf.get(id);
    const lastDeal = dealOf.get(id);
    const lastReassignment = reassignmentOf.get(id);
    const lastActivity = activityOf.get(id);
    out.set(id, {
      customer,
      vehicles: vehiclesOf.get(id) ?? [],
      visits: visit ? [visit] : [],
      appointments: appointment ? [appointment] : [],
      ...(lastDeal ? { lastDeal } : {}),
      ...(lastReassignment ? { lastReassignment } : {}),
      ...(lastActivity ? { lastActivity } : {}),
    });
  }
  return out;
}
