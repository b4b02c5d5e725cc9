/**
 * A saved query's filter tree as one SQL condition over `customers c`, for a store at an as-of time.
 *
 * Safety: every user value reaches SQL as a bind parameter (`${value}` in Kysely's `sql` tag);
 * identifiers and operators come only from this file, keyed by the catalogue's field keys, and the
 * tree is validated against the catalogue before anything is compiled. `contains` and `starts_with`
 * escape the LIKE wildcards (`%`, `_`, `\`) in the user's text, so they match literally.
 *
 * Semantics (see fields.catalogue.ts for what each field reads):
 * - Rules on one vehicle (visit, deal) that sit side by side in an AND group become ONE
 *   `exists (… vehicles v where … and rule1 and rule2)`, so they must hold for the same vehicle.
 *   In an OR group, or in different groups, each rule gets its own `exists`.
 * - Day arithmetic uses the as-of time `now`, converted to a calendar day in the store's time zone;
 *   SQL's now() is never used, so a dry run for tomorrow sees tomorrow's customers.
 * - Text comparisons ignore case; `is_empty` treats blank text as empty.
 * - Every table is filtered by the store id, not only the customers.
 */
import { DateTime } from 'luxon';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { displayName } from '../customers/customers.presenter.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../shared/errors.ts';
import type { FieldKey } from './fields.catalogue.ts';
import { isCheckedGroup, type CheckedGroup, type CheckedRule, type Condition } from './filter.types.ts';
import { assertValidFilter } from './filter.validate.ts';

export interface CompileOptions {
  storeId: number;
  /** The as-of time: "days ago" and "next appointment" are measured from it. */
  now: Date;
  /** The store's IANA time zone, which decides what calendar day `now` is. */
  timeZone: string;
}

interface Ctx extends CompileOptions {
  /** `now` as 'YYYY-MM-DD' in the store's zone. */
  today: string;
}

type Sql = RawBuilder<unknown>;
type Row = 'vehicle' | 'visit' | 'deal';
type DateKind = 'date' | 'timestamptz';

/**
 * How a field reads in SQL:
 * - value: an expression over `c` (or over the row alias when `row` is set) compared directly;
 * - items: a text array on a row whose items are compared one by one;
 * - latest: the latest date among a customer's rows, compiled to exists / not exists (semi- and
 *   anti-joins the planner handles well, where a correlated max() would run once per customer).
 */
type FieldSql =
  | { kind: 'value'; row?: Row; expr: (ctx: Ctx) => Sql; dateKind?: DateKind }
  | { kind: 'items'; row: Row; items: Sql }
  | { kind: 'latest'; rows: (ctx: Ctx) => { from: Sql; where: Sql }; column: Sql; dateKind: DateKind };

const ROWS: Record<Row, { from: Sql; alias: Sql }> = {
  vehicle: { from: sql`vehicles v`, alias: sql`v` },
  visit: { from: sql`visits vi`, alias: sql`vi` },
  deal: { from: sql`deals d`, alias: sql`d` },
};

const customerColumn = (column: Sql): FieldSql => ({ kind: 'value', expr: () => column });
const rowColumn = (row: Row, column: Sql, dateKind?: DateKind): FieldSql => ({
  kind: 'value',
  row,
  expr: () => column,
  ...(dateKind ? { dateKind } : {}),
});
const ofCustomer = (alias: Sql, ctx: Ctx) => sql`${alias}.store_id = ${ctx.storeId} and ${alias}.customer_id = c.id`;

const FIELD_SQL: Record<FieldKey, FieldSql> = {
  'customer.language': customerColumn(sql`c.language`),
  'customer.city': customerColumn(sql`c.city`),
  'customer.region': customerColumn(sql`c.region`),
  'customer.postal_code': customerColumn(sql`c.postal_code`),
  'customer.type': customerColumn(sql`c.customer_type`),
  'customer.is_prospect': customerColumn(sql`c.is_prospect`),
  'customer.day_preference': customerColumn(sql`c.day_preference`),
  'customer.created_at': { kind: 'value', expr: () => sql`c.created_at`, dateKind: 'timestamptz' },
  'vehicle.make': rowColumn('vehicle', sql`v.make`),
  'vehicle.model': rowColumn('vehicle', sql`v.model`),
  'vehicle.year': rowColumn('vehicle', sql`v.year`),
  'vehicle.odometer': rowColumn('vehicle', sql`v.odometer`),
  'vehicle.contact_off': rowColumn('vehicle', sql`v.contact_off`),
  'visit.last_service_date': {
    kind: 'latest',
    rows: (ctx) => ({ from: sql`visits x`, where: sql`${ofCustomer(sql`x`, ctx)} and x.department = 'service'` }),
    column: sql`x.visit_date`,
    dateKind: 'date',
  },
  'visit.last_visit_date': {
    kind: 'latest',
    rows: (ctx) => ({ from: sql`visits x`, where: ofCustomer(sql`x`, ctx) }),
    column: sql`x.visit_date`,
    dateKind: 'date',
  },
  'visit.count': {
    kind: 'value',
    expr: (ctx) => sql`(select count(*) from visits x where ${ofCustomer(sql`x`, ctx)})`,
  },
  'visit.total_labour': {
    kind: 'value',
    expr: (ctx) => sql`(select coalesce(sum(x.labour_total), 0) from visits x where ${ofCustomer(sql`x`, ctx)})`,
  },
  'visit.date': rowColumn('visit', sql`vi.visit_date`, 'date'),
  'visit.department': rowColumn('visit', sql`vi.department`),
  'visit.deferred_item': { kind: 'items', row: 'visit', items: sql`vi.deferred_items` },
  'appointment.next': {
    kind: 'value',
    expr: (ctx) =>
      sql`exists (select 1 from appointments a where ${ofCustomer(sql`a`, ctx)}
        and a.status = 'scheduled' and a.scheduled_at > ${ctx.now}::timestamptz)`,
  },
  'appointment.last_status': {
    kind: 'value',
    expr: (ctx) =>
      sql`(select a.status from appointments a where ${ofCustomer(sql`a`, ctx)}
        and a.scheduled_at <= ${ctx.now}::timestamptz order by a.scheduled_at desc, a.id desc limit 1)`,
  },
  'deal.last_sold_on': {
    kind: 'latest',
    rows: (ctx) => ({ from: sql`deals x`, where: ofCustomer(sql`x`, ctx) }),
    column: sql`x.sold_on`,
    dateKind: 'date',
  },
  'deal.sale_type': rowColumn('deal', sql`d.sale_type`),
  'deal.count': {
    kind: 'value',
    expr: (ctx) => sql`(select count(*) from deals x where ${ofCustomer(sql`x`, ctx)})`,
  },
  'contact.last_contacted': {
    kind: 'latest',
    // A queued message counts (it is on its way); one that never went out does not.
    rows: (ctx) => ({
      from: sql`outbox_messages x`,
      where: sql`${ofCustomer(sql`x`, ctx)} and x.source_kind <> 'test'
        and x.status not in ('skipped', 'cancelled', 'failed')`,
    }),
    column: sql`coalesce(x.sent_at, x.created_at)`,
    dateKind: 'timestamptz',
  },
};

/**
 * The filter as a WHERE condition over `customers c`, including `c.store_id = storeId`. Validates
 * the tree first and throws DomainError 'segment_invalid' with every problem when it is not valid.
 */
export function compileFilter(tree: unknown, options: CompileOptions): RawBuilder<boolean> {
  const checked = assertValidFilter(tree);
  const local = DateTime.fromJSDate(options.now, { zone: options.timeZone });
  if (!local.isValid) throw new Error(`Cannot compile a filter for time zone "${options.timeZone}"`);
  const ctx: Ctx = { ...options, today: local.toISODate() };
  return sql<boolean>`(c.store_id = ${options.storeId} and ${group(checked, ctx)})`;
}

function group(g: CheckedGroup, ctx: Ctx): Sql {
  // Same-row rules of an AND group share one exists, placed where the first of them stood.
  const slots: (Sql | Row)[] = [];
  const sameRow = new Map<Row, Sql[]>();
  for (const node of g.rules) {
    if (isCheckedGroup(node)) {
      slots.push(group(node, ctx));
      continue;
    }
    const { row, cond } = rule(node, ctx);
    if (!row) slots.push(cond);
    else if (g.op === 'or') slots.push(existsRow(row, [cond], ctx));
    else {
      const conds = sameRow.get(row);
      if (conds) conds.push(cond);
      else {
        sameRow.set(row, [cond]);
        slots.push(row);
      }
    }
  }
  const parts = slots.map((s) => (typeof s === 'string' ? existsRow(s, sameRow.get(s) ?? [], ctx) : s));
  if (parts.length === 0) return g.op === 'and' ? sql`true` : sql`false`;
  return sql`(${sql.join(parts, g.op === 'and' ? sql` and ` : sql` or `)})`;
}

function existsRow(row: Row, conds: Sql[], ctx: Ctx): Sql {
  const { from, alias } = ROWS[row];
  return sql`exists (select 1 from ${from} where ${ofCustomer(alias, ctx)} and ${sql.join(conds, sql` and `)})`;
}

/** One rule's condition, and the row it is about when it describes one vehicle, visit or deal. */
function rule(r: CheckedRule, ctx: Ctx): { row?: Row; cond: Sql } {
  const f = FIELD_SQL[r.field];
  const c = r.condition;
  switch (f.kind) {
    case 'value': {
      const cond = compare(f.expr(ctx), c, ctx, f.dateKind ?? 'date');
      return f.row ? { row: f.row, cond } : { cond };
    }
    case 'items':
      return { row: f.row, cond: items(f.items, c) };
    case 'latest':
      return { cond: latest(f, c, ctx) };
  }
}

const not = (cond: Sql) => sql`not coalesce(${cond}, false)`;

/** `expr` compared as the condition says; a negative operator matches what its positive one does not. */
function compare(expr: Sql, c: Condition, ctx: Ctx, dateKind: DateKind): Sql {
  switch (c.type) {
    case 'text':
      switch (c.op) {
        case 'is_empty':
          return sql`coalesce(trim(${expr}), '') = ''`;
        case 'is_not_empty':
          return sql`coalesce(trim(${expr}), '') <> ''`;
        case 'is':
        case 'is_not':
        case 'contains':
        case 'starts_with':
          return text(expr, c.op, c.value);
      }
      break;
    case 'enum':
      switch (c.op) {
        case 'is':
          return sql`${expr} = ${c.value}`;
        case 'is_not':
          return not(sql`${expr} = ${c.value}`);
        case 'in':
          return sql`${expr} = any(${c.value}::text[])`;
        case 'not_in':
          return not(sql`${expr} = any(${c.value}::text[])`);
      }
      break;
    case 'number':
      // Numeric parameters: a value beyond the column's own type compares instead of overflowing.
      switch (c.op) {
        case 'eq':
          return sql`${expr} = ${c.value}::numeric`;
        case 'ne':
          return not(sql`${expr} = ${c.value}::numeric`);
        case 'lt':
          return sql`${expr} < ${c.value}::numeric`;
        case 'lte':
          return sql`${expr} <= ${c.value}::numeric`;
        case 'gt':
          return sql`${expr} > ${c.value}::numeric`;
        case 'gte':
          return sql`${expr} >= ${c.value}::numeric`;
        case 'between':
          return sql`${expr} between ${c.value[0]}::numeric and ${c.value[1]}::numeric`;
      }
      break;
    case 'date':
    case 'days_ago': {
      if (c.op === 'never') return sql`${expr} is null`;
      return inDays(expr, dateKind, dayRange(c, ctx), ctx);
    }
    case 'boolean':
      return c.op === 'is_true' ? sql`coalesce(${expr}, false)` : not(expr);
  }
}

/** Case-insensitive text comparison; LIKE patterns carry the user's text with its wildcards escaped. */
function text(expr: Sql, op: 'is' | 'is_not' | 'contains' | 'starts_with', value: string): Sql {
  switch (op) {
    case 'is':
      return sql`lower(${expr}) = lower(${value})`;
    case 'is_not':
      return not(sql`lower(${expr}) = lower(${value})`);
    // In the template `'\\'` is one backslash in SQL, the escape character escapeLike uses.
    case 'contains':
      return sql`${expr} ilike ${`%${escapeLike(value)}%`} escape '\\'`;
    case 'starts_with':
      return sql`${expr} ilike ${`${escapeLike(value)}%`} escape '\\'`;
  }
}

/** The user's text as a LIKE pattern that matches only itself. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A condition on the items of a text array: "has an item that …", or none / some items at all. */
function items(array: Sql, c: Condition): Sql {
  if (c.type !== 'text') throw new Error(`A ${c.type} condition cannot apply to a list of text`);
  const anyItem = (cond: Sql) => sql`exists (select 1 from unnest(${array}) as di(item) where ${cond})`;
  switch (c.op) {
    case 'is_empty':
      return sql`cardinality(${array}) = 0`;
    case 'is_not_empty':
      return sql`cardinality(${array}) > 0`;
    case 'is_not':
      return sql`not ${anyItem(text(sql`di.item`, 'is', c.value))}`;
    case 'is':
    case 'contains':
    case 'starts_with':
      return anyItem(text(sql`di.item`, c.op, c.value));
  }
}

/** The latest of a customer's dates within a range (or no rows at all, for never). */
function latest(f: Extract<FieldSql, { kind: 'latest' }>, c: Condition, ctx: Ctx): Sql {
  if (c.type !== 'date' && c.type !== 'days_ago') throw new Error(`A ${c.type} condition cannot apply to a date`);
  const { from, where } = f.rows(ctx);
  const exists = (cond: Sql) => sql`exists (select 1 from ${from} where ${where} and ${cond})`;
  if (c.op === 'never') return sql`not ${exists(sql`true`)}`;
  const range = dayRange(c, ctx);
  const some = exists(inDays(f.column, f.dateKind, range, ctx));
  // The latest is at most `to` when no row is later than it.
  return range.to === undefined
    ? some
    : sql`(${some} and not ${exists(inDays(f.column, f.dateKind, { from: addDays(range.to, 1) }, ctx))})`;
}

/** Inclusive calendar days in the store's zone; an open end is unbounded. */
interface DayRange {
  from?: string;
  to?: string;
}

function dayRange(c: Extract<Condition, { type: 'date' | 'days_ago' }>, ctx: Ctx): DayRange {
  const ago = (days: number) => addDays(ctx.today, -days);
  switch (c.op) {
    case 'before':
      return { to: addDays(c.value, -1) };
    case 'after':
      return { from: addDays(c.value, 1) };
    case 'on':
      return { from: c.value, to: c.value };
    case 'between':
      return { from: c.value[0], to: c.value[1] };
    case 'more_than_days_ago':
      return { to: ago(c.value + 1) };
    case 'less_than_days_ago':
      return { from: ago(c.value - 1) };
    case 'between_days_ago':
      return { from: ago(c.value[1]), to: ago(c.value[0]) };
    case 'never':
      throw new Error('never has no range of days');
  }
}

/** `expr` within the days; a timestamp is compared with the start of each day in the store's zone. */
function inDays(expr: Sql, kind: DateKind, range: DayRange, ctx: Ctx): Sql {
  const bounds: Sql[] = [];
  if (kind === 'date') {
    if (range.from !== undefined) bounds.push(sql`${expr} >= ${range.from}::date`);
    if (range.to !== undefined) bounds.push(sql`${expr} <= ${range.to}::date`);
  } else {
    const start = (day: string) => DateTime.fromISO(day, { zone: ctx.timeZone }).startOf('day').toJSDate();
    if (range.from !== undefined) bounds.push(sql`${expr} >= ${start(range.from)}::timestamptz`);
    if (range.to !== undefined) bounds.push(sql`${expr} < ${start(addDays(range.to, 1))}::timestamptz`);
  }
  return bounds.length ? sql`(${sql.join(bounds, sql` and `)})` : sql`${expr} is not null`;
}

const addDays = (day: string, n: number) => DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate() ?? day;

async function storeZone(db: Kysely<Database>, storeId: number): Promise<string> {
  const store = await db.selectFrom('stores').select('time_zone').where('id', '=', storeId).executeTakeFirst();
  if (!store) throw notFound('Store');
  return store.time_zone;
}

/** How many of the store's customers the filter matches at `now` (in the store's time zone). */
export async function countMatching(db: Kysely<Database>, storeId: number, tree: unknown, now: Date): Promise<number> {
  const where = compileFilter(tree, { storeId, now, timeZone: await storeZone(db, storeId) });
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from customers c where ${where}`.execute(db);
  return rows[0]?.n ?? 0;
}

export interface SampleCustomer {
  id: number;
  name: string;
  city: string | null;
  /** The latest service-department visit, 'YYYY-MM-DD'. */
  lastServiceOn: string | null;
}

/** Up to `limit` (1–100) matching customers, lowest id first, for the builder's preview. */
export async function sampleMatching(
  db: Kysely<Database>,
  storeId: number,
  tree: unknown,
  now: Date,
  limit: number,
): Promise<SampleCustomer[]> {
  const where = compileFilter(tree, { storeId, now, timeZone: await storeZone(db, storeId) });
  const n = Math.max(1, Math.min(100, Math.floor(limit)));
  const { rows } = await sql<{
    id: number;
    name: string | null;
    first_name: string | null;
    last_name: string | null;
    other_name: string | null;
    dms_customer_number: string;
    city: string | null;
    last_service_on: string | null;
  }>`select c.id, c.name, c.first_name, c.last_name, c.other_name, c.dms_customer_number, c.city,
      (select max(x.visit_date) from visits x
        where x.store_id = c.store_id and x.customer_id = c.id and x.department = 'service') as last_service_on
    from customers c where ${where} order by c.id limit ${n}`.execute(db);
  return rows.map((r) => ({ id: r.id, name: displayName(r), city: r.city, lastServiceOn: r.last_service_on }));
}
