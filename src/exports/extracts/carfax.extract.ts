import { sql } from 'kysely';
import type { Extract, ExtractRow } from './extract.ts';
import { keysetPages, windowStart } from './extract.ts';

/**
 * The only columns CARFAX receives, each with the one SQL expression that fills it: the terms of
 * service's list (seeds/protractor-360-customer-contact). An allow-list: the query below selects
 * these expressions and nothing else, so no customer column, labour or parts line or amount can
 * reach the file by a later change elsewhere. carfax.extract.test.ts checks the file against it.
 */
export const CARFAX_COLUMNS = [
  { key: 'ro_date', label: 'Repair Order Date', expr: sql`v.visit_date::text` },
  { key: 'ro_number', label: 'Repair Order Number', expr: sql`v.ro_number` },
  { key: 'vin', label: 'VIN', expr: sql`veh.vin` },
  { key: 'plate', label: 'Licence Plate', expr: sql`veh.plate` },
  { key: 'plate_region', label: 'Plate State/Province', expr: sql`veh.plate_region` },
  { key: 'facility_name', label: 'Facility Name', expr: sql`s.name` },
  {
    key: 'facility_address',
    label: 'Facility Address',
    expr: sql`concat_ws(', ', nullif(s.address_line1, ''), nullif(s.address_line2, ''))`,
  },
  { key: 'facility_city', label: 'Facility City', expr: sql`s.city` },
  { key: 'facility_region', label: 'Facility State/Province', expr: sql`s.region` },
  { key: 'facility_postal_code', label: 'Facility Postal Code', expr: sql`s.postal_code` },
  { key: 'facility_phone', label: 'Facility Phone', expr: sql`s.phone` },
  { key: 'odometer', label: 'Odometer', expr: sql`coalesce(v.odometer, veh.odometer)` },
  { key: 'year', label: 'Year', expr: sql`veh.year` },
  { key: 'make', label: 'Make', expr: sql`veh.make` },
  { key: 'model', label: 'Model', expr: sql`veh.model` },
  { key: 'sub_model', label: 'Sub-model', expr: sql`veh.sub_model` },
  { key: 'engine', label: 'Engine', expr: sql`veh.engine` },
  { key: 'service_description', label: 'Service Package Description', expr: sql`v.description` },
] as const;

/**
 * CARFAX: the store's service and body-shop repair orders with a vehicle, new or changed since the
 * last upload (the last 30 days the first time).
 */
export const carfaxExtract: Extract = {
  columns: CARFAX_COLUMNS.map(({ key, label }) => ({ key, label })),
  rows: (db, ctx) =>
    keysetPages(async (after, limit) => {
      const select = CARFAX_COLUMNS.map((c) => sql`${c.expr} as ${sql.ref(c.key)}`);
      const { rows } = await sql<ExtractRow & { page_id: number }>`
        select v.id as page_id, ${sql.join(select)}
        from visits v
        join vehicles veh on veh.id = v.vehicle_id and veh.store_id = v.store_id
        join stores s on s.id = v.store_id
        where v.store_id = ${ctx.store.id} and v.department in ('service', 'body_shop')
          and v.updated_at >= ${windowStart(ctx)}::timestamptz and v.id > ${after}
        order by v.id
        limit ${limit}`.execute(db);
      return rows.map((r) => ({ ...r, page_id: Number(r.page_id) }));
    }),
};
