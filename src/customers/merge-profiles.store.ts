import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { MergeProfile } from '../templates/merge-input.rows.ts';
import type { SalespersonEvidence } from './salesperson.rules.ts';

/**
 * What the merge tags need for many customers of one store at once (a batch chunk): the same
 * facts `loadProfile` gives one customer — vehicles, the last visit, the next and the latest
 * appointment, the salesperson evidence — in seven set queries instead of seven per customer.
 */
export async function loadMergeProfiles(
  db: Kysely<Database>,
  storeId: number,
  customerIds: readonly number[],
  now: Date,
): Promise<Map<number, MergeProfile>> {
  if (customerIds.length === 0) return new Map();
  const ids = sql`${[...customerIds]}::bigint[]`;
  const [customers, vehicles, visits, nextAppointments, lastAppointments, deals, reassignments, activities] =
    await Promise.all([
      db
        .selectFrom('customers')
        .selectAll()
        .where('store_id', '=', storeId)
        .where(sql<boolean>`id = any(${ids})`)
        .execute(),
      db
        .selectFrom('vehicles')
        .selectAll()
        .where('store_id', '=', storeId)
        .where(sql<boolean>`customer_id = any(${ids})`)
        .orderBy('customer_id')
        .orderBy('year', 'desc')
        .execute(),
      db
        .selectFrom('visits')
        .selectAll()
        .distinctOn('customer_id')
        .where('store_id', '=', storeId)
        .where(sql<boolean>`customer_id = any(${ids})`)
        .orderBy('customer_id')
        .orderBy('visit_date', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      db
        .selectFrom('appointments')
        .selectAll()
        .distinctOn('customer_id')
        .where('store_id', '=', storeId)
        .where(sql<boolean>`customer_id = any(${ids})`)
        .where('status', '=', 'scheduled')
        .where('scheduled_at', '>=', now)
        .orderBy('customer_id')
        .orderBy('scheduled_at', 'asc')
        .execute(),
      db
        .selectFrom('appointments')
        .selectAll()
        .distinctOn('customer_id')
        .where('store_id', '=', storeId)
        .where(sql<boolean>`customer_id = any(${ids})`)
        .orderBy('customer_id')
        .orderBy('scheduled_at', 'desc')
        .execute(),
      db
        .selectFrom('deals as d')
        .innerJoin('salespeople as s', 's.id', 'd.salesperson_id')
        .select(['d.customer_id', 's.id as salespersonId', 's.name', 'd.sold_on as on'])
        .distinctOn('d.customer_id')
        .where('d.store_id', '=', storeId)
        .where(sql<boolean>`d.customer_id = any(${ids})`)
        .orderBy('d.customer_id')
        .orderBy('d.sold_on', 'desc')
        .execute(),
      db
        .selectFrom('salesperson_assignments as a')
        .innerJoin('salespeople as s', 's.id', 'a.salesperson_id')
        .select(['a.customer_id', 's.id as salespersonId', 's.name', 'a.assigned_on as on'])
        .distinctOn('a.customer_id')
        .where(sql<boolean>`a.customer_id = any(${ids})`)
        .orderBy('a.customer_id')
        .orderBy('a.assigned_on', 'desc')
        .orderBy('a.id', 'desc')
        .execute(),
      db
        .selectFrom('sales_activities as a')
        .innerJoin('salespeople as s', 's.id', 'a.salesperson_id')
        .select(['a.customer_id', 's.id as salespersonId', 's.name', 'a.activity_on as on'])
        .distinctOn('a.customer_id')
        .where(sql<boolean>`a.customer_id = any(${ids})`)
        .orderBy('a.customer_id')
        .orderBy('a.activity_on', 'desc')
        .orderBy('a.id', 'desc')
        .execute(),
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
  const nextOf = new Map(nextAppointments.map((a) => [a.customer_id, a]));
  const latestOf = new Map(lastAppointments.map((a) => [a.customer_id, a]));
  const dealOf = evidence(deals);
  const reassignmentOf = evidence(reassignments);
  const activityOf = evidence(activities);

  const out = new Map<number, MergeProfile>();
  for (const customer of customers) {
    const id = customer.id;
    const visit = visitOf.get(id);
    const latest = latestOf.get(id);
    const next = nextOf.get(id);
    const lastDeal = dealOf.get(id);
    const lastReassignment = reassignmentOf.get(id);
    const lastActivity = activityOf.get(id);
    out.set(id, {
      customer,
      vehicles: vehiclesOf.get(id) ?? [],
      visits: visit ? [visit] : [],
      // The latest first, as the profile lists them; the merge input picks the next scheduled one.
      appointments: [latest, next].filter((a): a is NonNullable<typeof a> => a !== undefined && a !== null),
      ...(lastDeal ? { lastDeal } : {}),
      ...(lastReassignment ? { lastReassignment } : {}),
      ...(lastActivity ? { lastActivity } : {}),
    });
  }
  return out;
}
