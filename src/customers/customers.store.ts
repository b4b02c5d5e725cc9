import { sql, type Kysely } from 'kysely';
import type { Appointment, Customer, Database, Deal, Vehicle, Visit } from '../db/schema.ts';
import type { SalespersonEvidence } from './salesperson.rules.ts';
import type { SearchQuery } from './search.rules.ts';

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface CustomerListRow {
  id: number;
  store_id: number;
  dms_customer_number: string;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  other_name: string | null;
  customer_type: string;
  is_prospect: boolean;
  cell_phone: string | null;
  home_phone: string | null;
  work_phone: string | null;
  email: string | null;
  city: string | null;
  vehicles: { year: number | null; make: string | null; model: string | null; plate: string | null; vin: string }[];
}

/** Customers of one store matching a parsed search; at most `limit` rows, best-known order. */
export async function searchCustomers(
  db: Kysely<Database>,
  storeId: number,
  query: SearchQuery,
  limit: number,
  offset: number,
): Promise<CustomerListRow[]> {
  let q = db.selectFrom('customers as c').where('c.store_id', '=', storeId);
  const vehicleMatch = (column: 'vin' | 'plate', pattern: string) =>
    sql<boolean>`exists (select 1 from vehicles v where v.customer_id = c.id and v.store_id = ${storeId}
      and upper(v.${sql.ref(column)}) like ${pattern})`;
  q = q.where((eb) => {
    const ors = [];
    for (const term of query.terms) {
      switch (term.kind) {
        case 'email':
          ors.push(eb(eb.fn('lower', ['c.email']), 'like', `${likeEscape(term.value)}%`));
          break;
        case 'phone': {
          const pattern = `%${likeEscape(term.value)}`;
          ors.push(
            eb('c.cell_phone', 'like', pattern),
            eb('c.home_phone', 'like', pattern),
            eb('c.work_phone', 'like', pattern),
          );
          break;
        }
        case 'dms_number':
          ors.push(eb('c.dms_customer_number', '=', term.value));
          break;
        case 'vin':
          ors.push(vehicleMatch('vin', term.value.length === 17 ? term.value : `%${likeEscape(term.value)}`));
          break;
        case 'plate':
          ors.push(vehicleMatch('plate', likeEscape(term.value)));
          break;
        case 'name': {
          const [first, last] = term.words;
          const starts = (w: string) => `${likeEscape(w.toLowerCase())}%`;
          if (last !== undefined && first !== undefined) {
            ors.push(
              eb.and([
                eb(eb.fn('lower', ['c.first_name']), 'like', starts(first)),
                eb(eb.fn('lower', ['c.last_name']), 'like', starts(last)),
              ]),
            );
          }
          const whole = term.words.join(' ');
          ors.push(
            eb(eb.fn('lower', ['c.last_name']), 'like', starts(whole)),
            eb(eb.fn('lower', ['c.first_name']), 'like', starts(whole)),
            eb(eb.fn('lower', ['c.name']), 'like', `%${likeEscape(whole.toLowerCase())}%`),
            eb(eb.fn('lower', ['c.other_name']), 'like', `%${likeEscape(whole.toLowerCase())}%`),
            eb(eb.fn('lower', ['c.mailing_name']), 'like', `%${likeEscape(whole.toLowerCase())}%`),
          );
          break;
        }
      }
    }
    return ors.length ? eb.or(ors) : eb.val(true);
  });
  return q
    .select([
      'c.id',
      'c.store_id',
      'c.dms_customer_number',
      'c.name',
      'c.first_name',
      'c.last_name',
      'c.other_name',
      'c.customer_type',
      'c.is_prospect',
      'c.cell_phone',
      'c.home_phone',
      'c.work_phone',
      'c.email',
      'c.city',
    ])
    .select(
      sql<CustomerListRow['vehicles']>`coalesce((
        select json_agg(json_build_object('year', v.year, 'make', v.make, 'model', v.model, 'plate', v.plate, 'vin', v.vin) order by v.year desc nulls last)
        from vehicles v where v.customer_id = c.id), '[]'::json)`.as('vehicles'),
    )
    .orderBy(sql`lower(coalesce(c.last_name, c.name, c.other_name))`)
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** A customer only when it belongs to one of the given stores. */
export function findCustomer(db: Kysely<Database>, storeIds: number[], id: number): Promise<Customer | undefined> {
  if (storeIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', 'in', storeIds)
    .executeTakeFirst();
}

export interface CustomerProfileData {
  customer: Customer;
  vehicles: Vehicle[];
  visits: Visit[];
  appointments: Appointment[];
  deals: (Deal & { salesperson_name: string | null; vehicle_label: string | null })[];
  totalLabourSales: number;
  lastDeal?: SalespersonEvidence;
  lastReassignment?: SalespersonEvidence;
  lastActivity?: SalespersonEvidence;
}

/** Everything the profile screen shows, read with a handful of indexed queries. */
export async function loadProfile(db: Kysely<Database>, customer: Customer): Promise<CustomerProfileData> {
  const cid = customer.id;
  const sid = customer.store_id;
  const [vehicles, visits, appointments, deals, labour, reassignment, activity] = await Promise.all([
    db
      .selectFrom('vehicles')
      .selectAll()
      .where('customer_id', '=', cid)
      .where('store_id', '=', sid)
      .orderBy('year', 'desc')
      .execute(),
    db
      .selectFrom('visits')
      .selectAll()
      .where('customer_id', '=', cid)
      .where('store_id', '=', sid)
      .orderBy('visit_date', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('appointments')
      .selectAll()
      .where('customer_id', '=', cid)
      .where('store_id', '=', sid)
      .orderBy('scheduled_at', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('deals')
      .leftJoin('salespeople', 'salespeople.id', 'deals.salesperson_id')
      .leftJoin('vehicles', 'vehicles.id', 'deals.vehicle_id')
      .selectAll('deals')
      .select('salespeople.name as salesperson_name')
      .select(
        sql<string | null>`nullif(concat_ws(' ', vehicles.year, vehicles.make, vehicles.model), '')`.as(
          'vehicle_label',
        ),
      )
      .where('deals.customer_id', '=', cid)
      .where('deals.store_id', '=', sid)
      .orderBy('deals.sold_on', 'desc')
      .execute(),
    db
      .selectFrom('visits')
      .select(sql<number>`coalesce(sum(labour_total), 0)`.as('total'))
      .where('customer_id', '=', cid)
      .where('store_id', '=', sid)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('salesperson_assignments as a')
      .innerJoin('salespeople as s', 's.id', 'a.salesperson_id')
      .select(['s.id as salespersonId', 's.name', 'a.assigned_on as on'])
      .where('a.customer_id', '=', cid)
      .orderBy('a.assigned_on', 'desc')
      .orderBy('a.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('sales_activities as a')
      .innerJoin('salespeople as s', 's.id', 'a.salesperson_id')
      .select(['s.id as salespersonId', 's.name', 'a.activity_on as on'])
      .where('a.customer_id', '=', cid)
      .orderBy('a.activity_on', 'desc')
      .orderBy('a.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const soldWithSalesperson = deals.find((d) => d.salesperson_id !== null && d.salesperson_name !== null);
  return {
    customer,
    vehicles,
    visits,
    appointments,
    deals,
    totalLabourSales: Number(labour.total),
    ...(soldWithSalesperson?.salesperson_id != null && soldWithSalesperson.salesperson_name != null
      ? {
          lastDeal: {
            salespersonId: soldWithSalesperson.salesperson_id,
            name: soldWithSalesperson.salesperson_name,
            on: soldWithSalesperson.sold_on,
          },
        }
      : {}),
    ...(reassignment ? { lastReassignment: reassignment } : {}),
    ...(activity ? { lastActivity: activity } : {}),
  };
}

export async function markVerified(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db.updateTable('customers').set({ last_verified_at: at, updated_at: at }).where('id', '=', id).execute();
}
