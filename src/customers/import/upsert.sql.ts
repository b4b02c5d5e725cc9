import { sql, type RawBuilder } from 'kysely';

/** PostgreSQL element types the import sends as arrays. */
export type PgType = 'text' | 'int2' | 'int4' | 'bool' | 'date' | 'timestamptz' | 'numeric';

/** One column of a batch, sent as one array parameter (column-major: one value per row). */
export interface BatchColumn {
  name: string;
  type: PgType;
  values: unknown[];
  /** Whether an existing row takes this value (false when the file has no such column). */
  update: boolean;
  /** SQL used on insert when the value is null (NOT NULL columns the file may lack). */
  insertDefault?: RawBuilder<unknown>;
  /**
   * A null value leaves an existing row's value alone (and takes `insertDefault` on insert):
   * for flags, where a blank or unreadable cell means "no information", not "clear".
   */
  keepWhenNull?: boolean;
  /** SQL that turns the sent value into the column's value (e.g. a delimited string into an array). */
  convert?: (value: RawBuilder<unknown>) => RawBuilder<unknown>;
}

/** References resolved by joining the batch to existing rows of the same store. */
export interface BatchRefs {
  /** DMS customer numbers; rows without a match are not written. */
  customers?: string[];
  /** VINs (null: none); a VIN that matches nothing leaves vehicle_id null. */
  vehicles?: { values: (string | null)[]; update: boolean };
  /** Salesperson names (null: none). */
  salespeople?: { values: (string | null)[]; update: boolean };
}

export interface UpsertSpec {
  table: 'customers' | 'vehicles' | 'visits' | 'appointments' | 'deals';
  keyColumn: string;
  storeId: number;
  keys: string[];
  columns: BatchColumn[];
  refs: BatchRefs;
  /** Also answer which keys were inserted and which updated (costs two arrays per batch). */
  returnKeys?: boolean;
}

/**
 * What the batch did, as one row: counts, and the keys the service must report on. Lists are
 * text[] (vehicle ids too: an int8[] would not go through the int8-as-number type parser).
 */
export interface UpsertBatchResult {
  inserted: number;
  updated: number;
  /** Keys not written because their customer number matches no customer of the store. */
  no_customer: string[];
  /** Keys written without a vehicle because their VIN matches no vehicle of the store. */
  no_vehicle: string[];
  /** Vehicles the batch's rows point at. */
  vehicle_ids: string[];
  /** Keys inserted and keys updated; empty unless `returnKeys` was asked for. */
  inserted_keys: string[];
  updated_keys: string[];
}

// Arrays travel as one parameter per column; element types are from the whitelist above.
const arrayParam = (values: unknown[], type: PgType) => sql`${values}::${sql.raw(type)}[]`;

/**
 * One statement that upserts a whole batch: the batch is unnested from one array per column,
 * joined to customers / vehicles / salespeople for references, inserted with ON CONFLICT on the
 * store's DMS key, and updated only where a value really differs (`is distinct from`), so an
 * unchanged row is neither rewritten nor given a new updated_at. `xmax = 0` tells a fresh insert
 * from an update. Keys must be unique within the batch (the service dedupes). The answer is one
 * row of counts and exception lists rather than a row per input row: returning and parsing
 * thousands of rows per batch cost the database and the client more than the lists do.
 */
export function upsertBatch(spec: UpsertSpec): RawBuilder<UpsertBatchResult> {
  const { refs } = spec;
  const inputs: RawBuilder<unknown>[] = [arrayParam(spec.keys, 'text')];
  const aliases = ['k'];
  if (refs.customers) {
    inputs.push(arrayParam(refs.customers, 'text'));
    aliases.push('cust');
  }
  if (refs.vehicles) {
    inputs.push(arrayParam(refs.vehicles.values, 'text'));
    aliases.push('vin');
  }
  if (refs.salespeople) {
    inputs.push(arrayParam(refs.salespeople.values, 'text'));
    aliases.push('sp');
  }
  spec.columns.forEach((c, i) => {
    inputs.push(arrayParam(c.values, c.type));
    aliases.push(`c${i}`);
  });

  const store = spec.storeId;
  const joins: RawBuilder<unknown>[] = [];
  const resolved: RawBuilder<unknown>[] = [];
  const target: string[] = ['store_id', spec.keyColumn];
  const select: RawBuilder<unknown>[] = [sql`${store}::int8`, sql`r.k`];
  const updated: string[] = [];
  if (refs.customers) {
    joins.push(sql`left join customers rc on rc.store_id = ${store} and rc.dms_customer_number = x.cust`);
    resolved.push(sql`rc.id as customer_id`);
    target.push('customer_id');
    select.push(sql`r.customer_id`);
    updated.push('customer_id');
  }
  if (refs.vehicles) {
    joins.push(sql`left join vehicles rv on rv.store_id = ${store} and rv.vin = x.vin`);
    resolved.push(sql`rv.id as vehicle_id`);
    target.push('vehicle_id');
    select.push(sql`r.vehicle_id`);
    if (refs.vehicles.update) updated.push('vehicle_id');
  } else resolved.push(sql`null::int8 as vehicle_id`);
  if (refs.salespeople) {
    joins.push(sql`left join salespeople rs on rs.store_id = ${store} and rs.name = x.sp`);
    resolved.push(sql`rs.id as salesperson_id`);
    target.push('salesperson_id');
    select.push(sql`r.salesperson_id`);
    if (refs.salespeople.update) updated.push('salesperson_id');
  }
  // Columns that keep their value on null read the existing row's value in `r` (alias p<i>): the
  // proposed row must already hold it, as NOT NULL is checked before the conflict is resolved.
  const keeps = spec.columns.some((c) => c.keepWhenNull);
  spec.columns.forEach((c, i) => {
    if (c.keepWhenNull) resolved.push(sql`${sql.ref(`cur.${c.name}`)} as ${sql.id(`p${i}`)}`);
  });
  spec.columns.forEach((c, i) => {
    target.push(c.name);
    const sent = sql.ref(`r.c${i}`);
    let v: RawBuilder<unknown> = c.convert ? c.convert(sent) : sent;
    if (c.keepWhenNull) v = sql`coalesce(${v}, ${sql.ref(`r.p${i}`)})`;
    select.push(c.insertDefault ? sql`coalesce(${v}, ${c.insertDefault})` : v);
    if (c.update) updated.push(c.name);
  });

  const ids = (names: string[], prefix?: string) =>
    sql.join(names.map((n) => (prefix ? sql.ref(`${prefix}.${n}`) : sql.id(n))));
  // With nothing to compare (a file of keys only) an existing row is always unchanged.
  const onConflict =
    updated.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(updated.map((n) => sql`${sql.id(n)} = ${sql.ref(`excluded.${n}`)}`))}, updated_at = now()
          where (${ids(updated, 't')}) is distinct from (${ids(updated, 'excluded')})`;
  const noCustomer = refs.customers ? sql`r.customer_id is null` : sql`false`;
  const noVehicle = refs.vehicles ? sql`(r.vin is not null and r.vehicle_id is null)` : sql`false`;
  const counts = sql`count(*) filter (where up.inserted)::int4 as inserted, count(*) filter (where not up.inserted)::int4 as updated`;
  const none = sql`'{}'::text[]`;
  const keyLists = spec.returnKeys
    ? sql`coalesce(array_agg(up.k) filter (where up.inserted), ${none}) as inserted_keys,
        coalesce(array_agg(up.k) filter (where not up.inserted), ${none}) as updated_keys`
    : sql`${none} as inserted_keys, ${none} as updated_keys`;
  const current = keeps
    ? sql` left join ${sql.table(spec.table)} cur on cur.store_id = ${store} and ${sql.ref(`cur.${spec.keyColumn}`)} = x.k`
    : sql``;
  // Without references there is nothing to report per key: count the insert's own rows.
  const answer =
    joins.length === 0
      ? sql`select ${counts}, ${none} as no_customer, ${none} as no_vehicle, ${none} as vehicle_ids, ${keyLists} from up`
      : sql`select ${counts},
          coalesce(array_agg(r.k) filter (where ${noCustomer}), ${none}) as no_customer,
          coalesce(array_agg(r.k) filter (where ${noVehicle}), ${none}) as no_vehicle,
          coalesce(array_agg(r.vehicle_id::text) filter (where r.vehicle_id is not null), ${none}) as vehicle_ids,
          ${keyLists}
        from r left join up on up.k = r.k`;

  return sql<UpsertBatchResult>`
    with x as (
      select * from unnest(${sql.join(inputs)}) as x(${sql.join(aliases.map((a) => sql.id(a)))})
    ), r as (
      select x.*${resolved.length > 0 ? sql`, ${sql.join(resolved)}` : sql``} from x${current} ${joins.length > 0 ? sql.join(joins, sql` `) : sql``}
    ), up as (
      insert into ${sql.table(spec.table)} as t (${ids(target)})
      select ${sql.join(select)} from r ${refs.customers ? sql`where r.customer_id is not null` : sql``}
      on conflict (store_id, ${sql.id(spec.keyColumn)}) ${onConflict}
      returning t.${sql.id(spec.keyColumn)} as k, (t.xmax = 0) as inserted
    )
    ${answer}`;
}
