import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppointmentRow } from './appointments.rules.ts';
import { recordImportedConsents } from './consent-import.store.ts';
import type { CustomerRow } from './customers.rules.ts';
import type { DealRow } from './deals.rules.ts';
import type { VehicleRow } from './vehicles.rules.ts';
import type { VisitRow } from './visits.rules.ts';
import { upsertBatch, type BatchColumn, type PgType, type UpsertSpec } from './upsert.sql.ts';

/** What one batch did, by key; keys are unique within a batch. */
export interface BatchOutcome {
  inserted: number;
  updated: number;
  /** Rows not written because their customer number matches no customer of the store. */
  unknownCustomer: string[];
  /** Rows written without a vehicle because their VIN matches no vehicle of the store. */
  unknownVehicle: string[];
  /** Vehicles the batch's rows point at (for the body-shop rule after visits). */
  vehicleIds: number[];
  /** Values the batch dropped while writing (by key; the service adds the line). */
  warnings?: { key: string; field: string; reason: string }[];
}

type Column<R> = {
  name: keyof R & string;
  type: PgType;
  /** Header fields that feed the column, when not only its own name (an inverted "Do Not ..." column). */
  from?: readonly string[];
  /**
   * A null value leaves the stored value alone (see BatchColumn.keepWhenNull) and gives a new
   * row this value: the column's default, for NOT NULL flags.
   */
  keepWhenNull?: { default: boolean };
};

/** Parameters are strings, numbers, booleans or null; a Date goes as ISO text for timestamptz. */
function cell(v: unknown): unknown {
  return v === undefined ? null : v instanceof Date ? v.toISOString() : v;
}

function columns<R>(rows: readonly R[], present: ReadonlySet<string>, specs: readonly Column<R>[]): BatchColumn[] {
  return specs
    .filter((c) => present.has(c.name) || (c.from ?? []).some((f) => present.has(f)))
    .map((c) => ({
      name: c.name,
      type: c.type,
      values: rows.map((r) => cell(r[c.name])),
      update: true,
      ...(c.keepWhenNull ? { keepWhenNull: true, insertDefault: sql.lit(c.keepWhenNull.default) } : {}),
    }));
}

async function run(
  db: Kysely<Database>,
  spec: UpsertSpec,
): Promise<BatchOutcome & { insertedKeys: string[]; updatedKeys: string[] }> {
  const { rows } = await upsertBatch(spec).execute(db);
  const r = rows[0];
  if (!r) {
    return {
      inserted: 0,
      updated: 0,
      unknownCustomer: [],
      unknownVehicle: [],
      vehicleIds: [],
      insertedKeys: [],
      updatedKeys: [],
    };
  }
  return {
    inserted: r.inserted,
    updated: r.updated,
    unknownCustomer: r.no_customer,
    unknownVehicle: r.no_vehicle,
    vehicleIds: r.vehicle_ids.map(Number),
    insertedKeys: r.inserted_keys,
    updatedKeys: r.updated_keys,
  };
}

const CUSTOMER_COLUMNS: readonly Column<CustomerRow>[] = [
  { name: 'customer_type', type: 'text' },
  { name: 'is_prospect', type: 'bool' },
  { name: 'prospect_entered_by', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'other_name', type: 'text' },
  { name: 'contact_name', type: 'text' },
  { name: 'mailing_name', type: 'text' },
  { name: 'address_to', type: 'text' },
  { name: 'date_of_birth', type: 'date' },
  { name: 'address_line1', type: 'text' },
  { name: 'address_line2', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'postal_code', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'home_phone', type: 'text' },
  { name: 'work_phone', type: 'text' },
  { name: 'cell_phone', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'language', type: 'text' },
  { name: 'day_preference', type: 'text' },
  { name: 'likely_to_buy', type: 'int2' },
  { name: 'star_rating', type: 'int2' },
  { name: 'last_verified_at', type: 'timestamptz' },
  { name: 'preferred_contact_method', type: 'text' },
  { name: 'inquired', type: 'bool' },
  { name: 'eservice_user', type: 'bool' },
  { name: 'do_not_mail', type: 'bool', keepWhenNull: { default: false } },
  { name: 'casl_opt_out', type: 'bool', keepWhenNull: { default: false } },
  { name: 'mail_on', type: 'bool', keepWhenNull: { default: true } },
  { name: 'home_phone_on', type: 'bool', keepWhenNull: { default: true }, from: ['home_phone_off'] },
  { name: 'work_phone_on', type: 'bool', keepWhenNull: { default: true }, from: ['work_phone_off'] },
  { name: 'cell_phone_on', type: 'bool', keepWhenNull: { default: true }, from: ['cell_phone_off'] },
  { name: 'email_on', type: 'bool', keepWhenNull: { default: true }, from: ['email_off'] },
];

/**
 * Upserts customers by (store, DMS customer number). Only the columns the file has are written,
 * so a partial export never blanks what another export filled in; a blank or unreadable flag
 * leaves the stored flag alone. When rows state marketing consents, the batch's customers and
 * its consent events are written in one transaction, and an existing customer whose only change
 * is a consent event counts as updated (each row counts once: inserted, updated or unchanged).
 */
export async function writeCustomers(
  db: Kysely<Database>,
  storeId: number,
  rows: readonly CustomerRow[],
  present: ReadonlySet<string>,
  importedAt: Date,
): Promise<BatchOutcome> {
  const withConsent = rows.some((r) => r.consents.length > 0);
  const spec: UpsertSpec = {
    table: 'customers',
    keyColumn: 'dms_customer_number',
    storeId,
    keys: rows.map((r) => r.dms_customer_number),
    columns: columns(rows, present, CUSTOMER_COLUMNS),
    refs: {},
    returnKeys: withConsent,
  };
  if (!withConsent) return run(db, spec);
  return db.transaction().execute(async (trx) => {
    const out = await run(trx, spec);
    const consents = await recordImportedConsents(trx, storeId, rows, importedAt);
    const counted = new Set([...out.insertedKeys, ...out.updatedKeys]);
    let consentOnly = 0;
    for (const key of consents.changed) if (!counted.has(key)) consentOnly++;
    return { ...out, updated: out.updated + consentOnly, warnings: consents.warnings };
  });
}

const VEHICLE_COLUMNS: readonly Column<VehicleRow>[] = [
  { name: 'year', type: 'int2' },
  { name: 'make', type: 'text' },
  { name: 'model', type: 'text' },
  { name: 'sub_model', type: 'text' },
  { name: 'engine', type: 'text' },
  { name: 'plate', type: 'text' },
  { name: 'plate_region', type: 'text' },
  { name: 'odometer', type: 'int4' },
];

/** Upserts vehicles by (store, VIN); a VIN seen under another customer moves to that customer. */
export function writeVehicles(
  db: Kysely<Database>,
  storeId: number,
  rows: readonly VehicleRow[],
  present: ReadonlySet<string>,
): Promise<BatchOutcome> {
  return run(db, {
    table: 'vehicles',
    keyColumn: 'vin',
    storeId,
    keys: rows.map((r) => r.vin),
    columns: columns(rows, present, VEHICLE_COLUMNS),
    refs: { customers: rows.map((r) => r.dms_customer_number) },
  });
}

const VISIT_COLUMNS: readonly Column<VisitRow>[] = [
  { name: 'odometer', type: 'int4' },
  { name: 'labour_total', type: 'numeric' },
  { name: 'parts_total', type: 'numeric' },
  { name: 'description', type: 'text' },
];

// Deferred items travel as one string per row, split in SQL: a ragged text[][] cannot be unnested.
const ITEM_SEPARATOR = '\x1f';

/** Upserts repair orders by (store, RO number). */
export function writeVisits(
  db: Kysely<Database>,
  storeId: number,
  rows: readonly VisitRow[],
  present: ReadonlySet<string>,
): Promise<BatchOutcome> {
  const cols: BatchColumn[] = [
    { name: 'visit_date', type: 'date', values: rows.map((r) => r.visit_date), update: true },
    // NOT NULL without a default: a file without a department column means service.
    {
      name: 'department',
      type: 'text',
      values: rows.map((r) => r.department ?? null),
      update: present.has('department'),
      insertDefault: sql`'service'`,
    },
    ...columns(rows, present, VISIT_COLUMNS),
  ];
  if (present.has('deferred')) {
    cols.push({
      name: 'deferred_items',
      type: 'text',
      values: rows.map((r) => (r.deferred_items ?? []).join(ITEM_SEPARATOR)),
      update: true,
      convert: (v) => sql`string_to_array(${v}, ${ITEM_SEPARATOR})`,
    });
  }
  return run(db, {
    table: 'visits',
    keyColumn: 'ro_number',
    storeId,
    keys: rows.map((r) => r.ro_number),
    columns: cols,
    refs: {
      customers: rows.map((r) => r.dms_customer_number),
      ...(present.has('vin') ? { vehicles: { values: rows.map((r) => r.vin ?? null), update: true } } : {}),
    },
  });
}

/** Upserts appointments by (store, DMS appointment number). */
export function writeAppointments(
  db: Kysely<Database>,
  storeId: number,
  rows: readonly AppointmentRow[],
  present: ReadonlySet<string>,
): Promise<BatchOutcome> {
  const cols: BatchColumn[] = [
    { name: 'scheduled_at', type: 'timestamptz', values: rows.map((r) => r.scheduled_at.toISOString()), update: true },
    {
      name: 'status',
      type: 'text',
      values: rows.map((r) => r.status ?? null),
      update: present.has('status'),
      insertDefault: sql`'scheduled'`,
    },
  ];
  if (present.has('notes'))
    cols.push({ name: 'notes', type: 'text', values: rows.map((r) => r.notes ?? null), update: true });
  return run(db, {
    table: 'appointments',
    keyColumn: 'dms_appointment_number',
    storeId,
    keys: rows.map((r) => r.dms_appointment_number),
    columns: cols,
    refs: {
      customers: rows.map((r) => r.dms_customer_number),
      ...(present.has('vin') ? { vehicles: { values: rows.map((r) => r.vin ?? null), update: true } } : {}),
    },
  });
}

/** Upserts deals by (store, deal number), first adding any salesperson the store does not know by name. */
export async function writeDeals(
  db: Kysely<Database>,
  storeId: number,
  rows: readonly DealRow[],
  present: ReadonlySet<string>,
): Promise<BatchOutcome> {
  const withSalesperson = present.has('salesperson');
  if (withSalesperson) {
    const names = [...new Set(rows.flatMap((r) => (r.salesperson ? [r.salesperson] : [])))];
    if (names.length > 0) {
      await sql`insert into salespeople (store_id, name)
        select ${storeId}, n from unnest(${names}::text[]) as n
        on conflict (store_id, name) do nothing`.execute(db);
    }
  }
  const cols: BatchColumn[] = [{ name: 'sold_on', type: 'date', values: rows.map((r) => r.sold_on), update: true }];
  if (present.has('sale_type'))
    cols.push({ name: 'sale_type', type: 'text', values: rows.map((r) => r.sale_type ?? null), update: true });
  return run(db, {
    table: 'deals',
    keyColumn: 'deal_number',
    storeId,
    keys: rows.map((r) => r.deal_number),
    columns: cols,
    refs: {
      customers: rows.map((r) => r.dms_customer_number),
      ...(present.has('vin') ? { vehicles: { values: rows.map((r) => r.vin ?? null), update: true } } : {}),
      ...(withSalesperson ? { salespeople: { values: rows.map((r) => r.salesperson ?? null), update: true } } : {}),
    },
  });
}

/** What the import needs to know about a store. */
export interface ImportStore {
  country: string;
  time_zone: string;
  body_shop_auto_off: boolean;
}

export function findImportStore(db: Kysely<Database>, storeId: number): Promise<ImportStore | undefined> {
  return db
    .selectFrom('stores')
    .select(['country', 'time_zone', 'body_shop_auto_off'])
    .where('id', '=', storeId)
    .executeTakeFirst();
}
