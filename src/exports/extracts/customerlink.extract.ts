import { sql } from 'kysely';
import type { Extract, ExtractRow } from './extract.ts';
import { keysetPages } from './extract.ts';

const COLUMNS: readonly { key: string; label: string }[] = [
  { key: 'account', label: 'Account Number' },
  { key: 'customer_number', label: 'Customer Number' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'company', label: 'Company' },
  { key: 'address_1', label: 'Address 1' },
  { key: 'address_2', label: 'Address 2' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'State/Province' },
  { key: 'postal_code', label: 'Postal Code' },
  { key: 'email', label: 'Email' },
  { key: 'home_phone', label: 'Home Phone' },
  { key: 'cell_phone', label: 'Cell Phone' },
  { key: 'work_phone', label: 'Work Phone' },
  { key: 'language', label: 'Language' },
  { key: 'vin', label: 'VIN' },
  { key: 'year', label: 'Year' },
  { key: 'make', label: 'Make' },
  { key: 'model', label: 'Model' },
  { key: 'odometer', label: 'Odometer' },
  { key: 'last_service_date', label: 'Last Service Date' },
  { key: 'last_ro_number', label: 'Last RO Number' },
  { key: 'next_appointment', label: 'Next Appointment' },
];

/**
 * CustomerLink: the store's whole customer file every night, one row per vehicle (customers
 * without one get one row), with the last service and the next appointment. Customers flagged
 * Do Not Mail are left out, and an address or number the customer turned off for contact is
 * left blank: the partner mails on the store's behalf and must not reach anyone the store may not.
 */
export const customerLinkExtract: Extract = {
  columns: COLUMNS,
  rows: (db, ctx) =>
    keysetPages(async (after, limit) => {
      const { rows } = await sql<ExtractRow & { page_id: number }>`
        with page as (
          select c.* from customers c
          where c.store_id = ${ctx.store.id} and not c.do_not_mail and c.id > ${after}
          order by c.id limit ${limit}
        )
        select c.id as page_id, ${ctx.settings.accountNumber} as account, c.dms_customer_number as customer_number,
          c.first_name, c.last_name, c.other_name as company,
          case when c.mail_on then c.address_line1 end as address_1,
          case when c.mail_on then c.address_line2 end as address_2,
          case when c.mail_on then c.city end as city,
          case when c.mail_on then c.region end as region,
          case when c.mail_on then c.postal_code end as postal_code,
          case when c.email_on then c.email end as email,
          case when c.home_phone_on then c.home_phone end as home_phone,
          case when c.cell_phone_on then c.cell_phone end as cell_phone,
          case when c.work_phone_on then c.work_phone end as work_phone,
          c.language, veh.vin, veh.year, veh.make, veh.model, veh.odometer,
          lv.visit_date::text as last_service_date, lv.ro_number as last_ro_number,
          to_char(na.scheduled_at at time zone ${sql.lit(ctx.store.time_zone)}, 'YYYY-MM-DD HH24:MI') as next_appointment
        from page c
        left join vehicles veh on veh.customer_id = c.id and veh.store_id = c.store_id and not veh.contact_off
        left join lateral (
          select v.visit_date, v.ro_number from visits v
          where v.customer_id = c.id and v.store_id = c.store_id and v.department <> 'sales'
            and (veh.id is null or v.vehicle_id = veh.id)
          order by v.visit_date desc, v.id desc limit 1
        ) lv on true
        left join lateral (
          select a.scheduled_at from appointments a
          where a.customer_id = c.id and a.store_id = c.store_id and a.status = 'scheduled' and a.scheduled_at > ${ctx.at}::timestamptz
          order by a.scheduled_at limit 1
        ) na on true
        order by c.id, veh.id`.execute(db);
      return rows.map((r) => ({ ...r, page_id: Number(r.page_id) }));
    }, 2000),
};
