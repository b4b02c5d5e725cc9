import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { Store } from '../db/schema.ts';
import { compileFilter, countMatching } from './filter.sql.ts';
import type { FilterGroup } from './filter.types.ts';

const NOW = new Date('2026-06-15T16:00:00Z');
const LONG = `${'x'.repeat(4_999)}'"%_\\${'y'.repeat(4_995)}`;
/** Values that would change a query's meaning if they reached its text or a LIKE pattern unescaped. */
const HOSTILE = [
  "'; drop table customers; --",
  "Robert'); DROP TABLE customers;--",
  '%',
  '_',
  '\\',
  "'",
  '"',
  "O'Brien",
  '$1',
  '?',
  '*/ or 1=1 /*',
  'a%b',
  'a_b',
  'a\\b',
  '日本語 🚗',
  'zoë',
  '\u200b',
  LONG,
];
/** Cities on file: the hostile values themselves plus near misses a wildcard would also match. */
const CITIES = [...HOSTILE, 'axb', 'ab', 'plain', 'a\\\\b'];

let db: Db;
let store: Store;

beforeAll(async () => {
  db = await openTestDb();
  store = await buildStore(db.kysely);
  for (const city of CITIES) {
    const c = await buildCustomer(db.kysely, store.id, { city });
    await buildVehicle(db.kysely, c, { make: city });
  }
});
afterAll(() => db.close());

const tree = (field: string, operator: string, value: string): FilterGroup => ({
  op: 'and',
  rules: [{ field, operator, value }],
});
const compiled = (t: FilterGroup) =>
  compileFilter(t, { storeId: store.id, now: NOW, timeZone: 'America/Toronto' }).compile(db.kysely);

async function cities(t: FilterGroup): Promise<string[]> {
  const where = compileFilter(t, { storeId: store.id, now: NOW, timeZone: 'America/Toronto' });
  const { rows } = await sql<{ city: string }>`select c.city from customers c where ${where}`.execute(db.kysely);
  return rows.map((r) => r.city).sort();
}
const sorted = (xs: string[]) => [...xs].sort();
// Only ASCII letters change case in these values, so JavaScript's lowercasing agrees with the database's.
const lower = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

describe('hostile values', () => {
  it.each(['is', 'contains', 'starts_with'])('never change the SQL text (%s)', (operator) => {
    const baseline = compiled(tree('customer.city', operator, 'benign')).sql;
    for (const value of HOSTILE) {
      const { sql: text, parameters } = compiled(tree('customer.city', operator, value));
      expect(text).toBe(baseline);
      if (value.length > 2) expect(text).not.toContain(value);
      // The value travels as a parameter: itself, or as a LIKE pattern with its wildcards escaped.
      const expected =
        operator === 'is'
          ? value
          : operator === 'contains'
            ? `%${value.replace(/[\\%_]/g, '\\$&')}%`
            : `${value.replace(/[\\%_]/g, '\\$&')}%`;
      expect(parameters).toContain(expected);
    }
  });

  it('match literally with is, contains and starts_with', async () => {
    for (const value of HOSTILE) {
      expect(await cities(tree('customer.city', 'is', value))).toEqual(CITIES.filter((c) => lower(c) === lower(value)));
      expect(await cities(tree('customer.city', 'contains', value))).toEqual(
        sorted(CITIES.filter((c) => lower(c).includes(lower(value)))),
      );
      expect(await cities(tree('customer.city', 'starts_with', value))).toEqual(
        sorted(CITIES.filter((c) => lower(c).startsWith(lower(value)))),
      );
    }
  });

  it('match literally inside a vehicle’s exists and with is_not', async () => {
    for (const value of ['%', '_', '\\', "'; drop table customers; --"]) {
      expect(await cities(tree('vehicle.make', 'contains', value))).toEqual(
        sorted(CITIES.filter((c) => c.includes(value))),
      );
      expect(await cities(tree('customer.city', 'is_not', value))).toEqual(sorted(CITIES.filter((c) => c !== value)));
    }
  });

  it('leave the tables in place', async () => {
    expect(await countMatching(db.kysely, store.id, { op: 'and', rules: [] }, NOW)).toBe(CITIES.length);
  });

  it('cannot reach SQL through a field or operator name: those are refused', () => {
    for (const [field, operator] of [
      ['customer.city); drop table customers; --', 'is'],
      ['customer.city', "is'; drop table customers; --"],
    ] as const)
      expect(() => compiled(tree(field, operator, 'x'))).toThrow(expect.objectContaining({ code: 'segment_invalid' }));
  });
});
