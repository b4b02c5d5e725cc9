import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { Store } from '../db/schema.ts';
import { FIELDS, MAX_DAYS_AGO, type FieldDefinition } from './fields.catalogue.ts';
import { compileFilter } from './filter.sql.ts';
import { MAX_DEPTH, MAX_RULES, type FilterGroup, type FilterNode, type FilterRule } from './filter.types.ts';
import { validateFilter } from './filter.validate.ts';
import { seededRandom, type SeededRandom } from '../../test/support/random.ts';

const rng = seededRandom;
type Rng = SeededRandom;

const NOW = new Date('2026-03-08T07:30:00Z'); // a DST change day in Toronto
const TEXTS = ['Honda', 'brake', '%', '_', '\\', "'; drop table customers; --", 'é', 'Toronto', 'a'.repeat(300)];
const DATES = ['1900-01-01', '2020-02-29', '2026-03-08', '2100-12-31'];

function randomValue(r: Rng, f: FieldDefinition, op: string): unknown {
  const pair = <T extends number | string>(a: T, b: T): [T, T] => (a <= b ? [a, b] : [b, a]);
  switch (f.type) {
    case 'text':
      return op === 'is_empty' || op === 'is_not_empty' ? undefined : r.pick(TEXTS);
    case 'enum': {
      const values = f.values.map((v) => v.value);
      return op === 'in' || op === 'not_in'
        ? values.filter(() => r.chance(0.5)).concat(r.pick(values))
        : r.pick(values);
    }
    case 'number': {
      const n = () => (f.integer ? r.int(f.min, Math.min(f.max, f.min + 200_000)) : f.min + r.next() * (f.max - f.min));
      return op === 'between' ? pair(n(), n()) : n();
    }
    case 'date':
      return op === 'between' ? pair(r.pick(DATES), r.pick(DATES)) : r.pick(DATES);
    case 'days_ago': {
      const d = () => r.pick([0, 1, 30, 180, 365, MAX_DAYS_AGO]);
      return op === 'never' ? undefined : op === 'between_days_ago' ? pair(d(), d()) : d();
    }
    case 'boolean':
      return undefined;
  }
}

function randomRule(r: Rng): FilterRule {
  const f = r.pick(FIELDS);
  const operator: string = r.pick(f.operators);
  const value = randomValue(r, f, operator);
  return value === undefined ? { field: f.key, operator } : { field: f.key, operator, value };
}

function randomTree(r: Rng): FilterGroup {
  let budget = r.int(0, MAX_RULES);
  const grow = (depth: number): FilterGroup => {
    const rules: FilterNode[] = [];
    const width = r.int(depth === 1 ? 0 : 1, 6);
    for (let i = 0; i < width && budget > 0; i++) {
      if (depth < MAX_DEPTH && r.chance(0.3)) rules.push(grow(depth + 1));
      else {
        budget--;
        rules.push(randomRule(r));
      }
    }
    // A nested group must not be empty.
    if (rules.length === 0 && depth > 1) rules.push(randomRule(r));
    return { op: r.pick(['and', 'or'] as const), rules };
  };
  return grow(1);
}

let db: Db;
let store: Store;
let total: number;

beforeAll(async () => {
  db = await openTestDb();
  store = await buildStore(db.kysely);
  const r = rng(7);
  for (let i = 0; i < 30; i++) {
    const c = await buildCustomer(db.kysely, store.id, {
      language: r.pick(['en', 'fr', null]),
      city: r.pick(['Toronto', '%', null, '']),
      customer_type: r.pick(['retail', 'fleet'] as const),
      day_preference: r.pick(['day', 'late_day', null] as const),
    });
    for (let v = r.int(0, 2); v > 0; v--) {
      const vehicle = await buildVehicle(db.kysely, c, {
        make: r.pick(['Honda', 'Ford', null]),
        year: r.pick([2012, 2017, null]),
        odometer: r.pick([0, 61_000, null]),
      });
      await db.kysely
        .insertInto('visits')
        .values({
          store_id: store.id,
          customer_id: c.id,
          vehicle_id: vehicle.id,
          ro_number: `R${c.id}-${v}`,
          visit_date: r.pick(DATES.slice(1, 3)),
          department: r.pick(['service', 'body_shop'] as const),
          deferred_items: r.chance(0.5) ? ['Brake pads', '50% off'] : [],
        })
        .execute();
    }
  }
  total = 30;
});
afterAll(() => db.close());

async function count(tree: FilterGroup): Promise<number> {
  const where = compileFilter(tree, { storeId: store.id, now: NOW, timeZone: 'America/Toronto' });
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from customers c where ${where}`.execute(
    db.kysely,
  );
  return rows[0]?.n ?? -1;
}

describe('random valid trees', () => {
  it('validate, compile and run on every field and operator', async () => {
    const seen = new Set<string>();
    const note = (nodes: FilterNode[]): void =>
      nodes.forEach((n) => ('rules' in n ? note(n.rules) : seen.add(`${n.field} ${n.operator}`)));
    for (let seed = 1; seed <= 150; seed++) {
      const tree = randomTree(rng(seed));
      note(tree.rules);
      const result = validateFilter(tree);
      expect(result.ok ? [] : result.problems, `seed ${seed}`).toEqual([]);
      const n = await count(tree);
      expect(n, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(n, `seed ${seed}`).toBeLessThanOrEqual(total);
    }
    const all = FIELDS.flatMap((f) => f.operators.map((op) => `${f.key} ${op}`));
    expect(all.filter((pair) => !seen.has(pair))).toEqual([]);
  });

  it('a negative operator on a customer-level field matches exactly the rest', async () => {
    const opposite: Record<string, string> = {
      is: 'is_not',
      in: 'not_in',
      eq: 'ne',
      is_empty: 'is_not_empty',
      is_true: 'is_false',
    };
    const customerLevel = FIELDS.filter(
      (f) =>
        ['customer', 'appointment'].includes(f.entity) ||
        ['visit.count', 'visit.total_labour', 'deal.count'].includes(f.key),
    );
    const r = rng(99);
    for (let i = 0; i < 60; i++) {
      const f = r.pick(customerLevel);
      const positive = f.operators.filter((op) => op in opposite);
      if (positive.length === 0) continue;
      const op = r.pick(positive);
      const value = randomValue(r, f, op);
      const negative = opposite[op] ?? op;
      const a = await count({ op: 'and', rules: [{ field: f.key, operator: op, value }] });
      const b = await count({ op: 'and', rules: [{ field: f.key, operator: negative, value }] });
      expect(a + b, `${f.key} ${op} ${JSON.stringify(value)}`).toBe(total);
    }
  });
});
