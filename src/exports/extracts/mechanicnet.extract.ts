import { sql } from 'kysely';
import type { Extract, ExtractRow } from './extract.ts';
import { keysetPages, windowStart } from './extract.ts';

const COLUMNS: readonly { key: string; label: string }[] = [
  { key: 'shop_id', label: 'Shop ID' },
  { key: 'shop_name', label: 'Shop Name' },
  { key: 'ro_number', label: 'RO Number' },
  { key: 'ro_date', label: 'RO Date' },
  { key: 'customer_number', label: 'Customer Number' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'vin', label: 'VIN' },
  { key: 'year', label: 'Year' },
  { key: 'make', label: 'Make' },
  { key: 'model', label: 'Model' },
  { key: 'odometer', label: 'Odometer' },
  { key: 'description', label: 'Service Description' },
  { key: 'deferred', label: 'Recommended Work' },
];

/**
 * MechanicNET: repair orders new or changed since the last upload (the last 30 days the first
 * time) with the customer's contact details for its reminders; Do Not Mail customers left out and
 * switched-off addresses blank, as for CustomerLink.
 */
export const mechanicNetExtract: Extract = {
  columns: COLUMNS,
  rows: (db, ctx) =>
    keysetPages(async (after, limit) => {
      const { rows } = await sql<ExtractRow & { page_id: number }>`
        select v.id as page_id, ${ctx.settings.shopId} as shop_id, s.name as shop_name, v.ro_number,
          v.visit_date::text as ro_date, c.dms_customer_number as customer_number, c.first_name, c.last_name,
          case when c.email_on then c.email end as email,
          coalesce(case when c.cell_phone_on then c.cell_phone end, case when c.home_phone_on then c.home_phone end) as phone,
          veh.vin, veh.year, veh.make, veh.model, coalesce(v.odometer, veh.odometer) as odometer, v.description,
          array_to_string(v.deferred_items, '; ') as deferred
        from visits v
        join customers c on c.id = v.customer_id and c.store_id = v.store_id
        join stores s on s.id = v.store_id
        left join vehicles veh on veh.id = v.vehicle_id and veh.store_id = v.store_id
        where v.store_id = ${ctx.store.id} and v.department in ('service', 'body_shop') and not c.do_not_mail
          and v.updated_at >= ${windowStart(ctx)}::timestamptz and v.id > ${after}
        order by v.id
        limit ${limit}`.execute(db);
      return rows.map((r) => ({ ...r, page_id: Number(r.page_id) }));
    }),
};
