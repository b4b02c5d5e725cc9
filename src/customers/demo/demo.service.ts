/**
 * `forecourt demo`: a realistic dealership group, loaded through the real DMS import.
 *
 * Each new store gets its salespeople, then its customers in chunks: a chunk is generated in
 * memory, written as one CSV per kind (customers, vehicles, visits, appointments, deals) and
 * streamed through `importCsv` exactly as a DMS export would be; salesperson reassignments and
 * sales activities, which have no import kind, follow with one set-based insert each. Memory stays
 * flat however many customers are asked for.
 *
 * Re-running adds stores, never touches existing ones: store codes already in the database are
 * skipped and the next dealership of the list is created instead (see `DEMO_STORES`).
 */
import { Readable } from 'node:stream';
import { Faker, base, en, en_CA } from '@faker-js/faker';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { createStore, ensureOrganisation } from '../../stores/stores.store.ts';
import { ensureDefaultTemplates } from '../../templates/templates.store.ts';
import { ensureContactDefaults } from '../../campaigns/contact-types.store.ts';
import { importCsv } from '../import/import.service.ts';
import { IMPORT_KINDS, type ImportKind, type ImportReport } from '../import/import.types.ts';
import { csvLines } from './demo.csv.ts';
import { generateChunk, generateSalespeople } from './demo.generate.ts';
import { epochDayIn, generationContext, newCounters, type DemoChunk, type DemoSalesperson } from './demo.model.ts';
import { demoStoreProfile, type DemoStoreProfile } from './demo.stores.ts';
import { phoneDigits } from './demo.values.ts';

/** Customers generated and imported at a time. Fixed: the data for a seed depends on it. */
export const DEMO_CHUNK = 2500;
export const DEMO_ORGANISATION = 'Northern Lights Auto Group';

export interface DemoOptions {
  db: Db;
  /** Stores to add. */
  stores: number;
  /** Customers over all the new stores. */
  customers: number;
  /** Same seed, same day: same data. Random when omitted (the summary says which was used). */
  seed?: number;
  /** "Today" for the data: visits end here, future appointments start after it. */
  now?: Date;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export const DEMO_TABLES = [
  'salespeople',
  'customers',
  'vehicles',
  'visits',
  'appointments',
  'deals',
  'salesperson_assignments',
  'sales_activities',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export interface DemoImportTotals {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
}

export interface DemoSummary {
  seed: number;
  organisationId: number;
  stores: { id: number; code: string; name: string; customers: number }[];
  storeCodes: string[];
  /** Codes of the list that were already taken, so other dealerships were created instead. */
  skippedStoreCodes: string[];
  /** Rows in each table for the new stores. */
  counts: Record<DemoTable, number>;
  /** What the import did with the generated files, by kind. */
  imports: Record<ImportKind, DemoImportTotals>;
  /** The first few import warnings and refusals, to show what validation caught. */
  samples: { store: string; kind: ImportKind; line: number; field?: string; reason: string }[];
  elapsedMs: number;
}

const SAMPLE_LIMIT = 12;

/** True when the database holds no customer at all (first run). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Splits `total` customers over `stores` stores, the first stores taking the remainder. */
export function splitCustomers(total: number, stores: number): number[] {
  const each = Math.floor(total / stores);
  return Array.from({ length: stores }, (_, i) => each + (i < total % stores ? 1 : 0));
}

function newFaker(seed: readonly number[]): Faker {
  const f = new Faker({ locale: [en_CA, en, base] });
  f.seed([...seed]);
  return f;
}

/** Generates and loads a demo dealership group; see the module comment. */
export async function loadDemo(opts: DemoOptions): Promise<DemoSummary> {
  if (!Number.isInteger(opts.stores) || opts.stores < 1)
    throw new RangeError('stores must be a whole number of 1 or more');
  if (!Number.isInteger(opts.customers) || opts.customers < 0)
    throw new RangeError('customers must be a whole number of 0 or more');
  const started = performance.now();
  const db = opts.db.kysely;
  const now = opts.now ?? new Date();
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const progress = opts.onProgress ?? (() => {});

  const taken = new Set((await db.selectFrom('stores').select('code').execute()).map((s) => s.code));
  const picked: { profile: DemoStoreProfile; ordinal: number }[] = [];
  const skipped: string[] = [];
  for (let n = 0; picked.length < opts.stores; n++) {
    const profile = demoStoreProfile(n);
    if (taken.has(profile.code)) skipped.push(profile.code);
    else picked.push({ profile, ordinal: n });
  }

  const organisationId = await ensureOrganisation(db, DEMO_ORGANISATION);
  const perStore = splitCustomers(opts.customers, picked.length);
  const zero = (): DemoImportTotals => ({ inserted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
  const imports: Record<ImportKind, DemoImportTotals> = {
    customers: zero(),
    vehicles: zero(),
    visits: zero(),
    appointments: zero(),
    deals: zero(),
  };
  const samples: DemoSummary['samples'] = [];
  const stores: DemoSummary['stores'] = [];
  let done = 0;

  for (const [i, { profile, ordinal }] of picked.entries()) {
    const count = perStore[i] ?? 0;
    progress(done, opts.customers, `${profile.code}: creating ${profile.name}`);
    const salespeople = generateSalespeople(newFaker([seed, ordinal, -1]), profile, epochDayIn(now, profile.timeZone));
    const storeId = await createDemoStore(opts.db, organisationId, profile, newFaker([seed, ordinal, -2]), salespeople);
    stores.push({ id: storeId, code: profile.code, name: profile.name, customers: count });
    const ctx = generationContext(profile, salespeople, now);
    const counters = newCounters();

    for (let first = 0, c = 0; first < count; first += DEMO_CHUNK, c++) {
      const size = Math.min(DEMO_CHUNK, count - first);
      const chunk = generateChunk(newFaker([seed, ordinal, c]), ctx, first, size, counters);
      for (const kind of IMPORT_KINDS) {
        progress(done, opts.customers, `${profile.code}: importing ${kind}`);
        const report = await importCsv({ db: opts.db, storeId, kind, input: Readable.from(csvLines(kind, chunk)) });
        tally(imports[kind], report);
        sample(samples, profile.code, kind, report);
      }
      progress(done, opts.customers, `${profile.code}: sales history`);
      await insertSalesHistory(opts.db, storeId, chunk);
      done += size;
      progress(done, opts.customers, `${profile.code}: ${first + size} of ${count} customers`);
    }
  }

  const counts = await countRows(
    opts.db,
    stores.map((s) => s.id),
  );
  progress(done, opts.customers, 'done');
  return {
    seed,
    organisationId,
    stores,
    storeCodes: stores.map((s) => s.code),
    skippedStoreCodes: skipped,
    counts,
    imports,
    samples,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function createDemoStore(
  db: Db,
  organisationId: number,
  p: DemoStoreProfile,
  f: Faker,
  salespeople: readonly DemoSalesperson[],
): Promise<number> {
  const area = p.areas[0];
  if (!area) throw new Error(`demo store ${p.code} has no areas`);
  const digits = phoneDigits(f, area.areaCodes[0] ?? '416');
  const store = await createStore(db.kysely, organisationId, {
    code: p.code,
    name: p.name,
    country: p.country,
    timeZone: p.timeZone,
    addressLine1: p.street,
    city: area.city,
    region: p.region,
    postalCode: `${area.postal[0] ?? ''}${p.country === 'CA' ? ' 1A1' : ''}`.trim(),
    phone: `+1${digits}`,
    email: `service@${p.domain}`,
    ownerName: p.ownerName,
    feedbackUrl: `https://www.${p.domain}/feedback`,
    bodyShopAutoOff: p.bodyShopAutoOff,
  });
  await ensureDefaultTemplates(db.kysely, store.id);
  await ensureContactDefaults(db.kysely, store.id);
  await db.kysely
    .insertInto('salespeople')
    .values(salespeople.map((s) => ({ store_id: store.id, name: s.name, active: s.leftDay === null })))
    .execute();
  return store.id;
}

function tally(t: DemoImportTotals, r: ImportReport): void {
  t.inserted += r.inserted;
  t.updated += r.updated;
  t.unchanged += r.unchanged;
  t.rejected += r.rejected.length;
  t.warnings += r.warnings.length;
}

function sample(samples: DemoSummary['samples'], store: string, kind: ImportKind, r: ImportReport): void {
  for (const x of r.rejected)
    if (samples.length < SAMPLE_LIMIT) samples.push({ store, kind, line: x.line, reason: `refused: ${x.reason}` });
  for (const w of r.warnings) if (samples.length < SAMPLE_LIMIT) samples.push({ store, kind, ...w });
}

/**
 * Reassignments and sales activities of a chunk, one statement each: the rows travel as arrays
 * and are joined to the store's customers and salespeople by number and name.
 */
async function insertSalesHistory(db: Db, storeId: number, chunk: DemoChunk): Promise<void> {
  const a = chunk.assignments;
  if (a.length > 0) {
    await sql`
      insert into salesperson_assignments (store_id, customer_id, salesperson_id, assigned_on)
      select ${storeId}::int8, c.id, s.id, x.d
      from unnest(${a.map((r) => r.dms_customer_number)}::text[], ${a.map((r) => r.salesperson)}::text[], ${a.map((r) => r.assigned_on)}::date[]) as x(num, sp, d)
      join customers c on c.store_id = ${storeId} and c.dms_customer_number = x.num
      join salespeople s on s.store_id = ${storeId} and s.name = x.sp`.execute(db.kysely);
  }
  const s = chunk.activities;
  if (s.length > 0) {
    await sql`
      insert into sales_activities (store_id, customer_id, salesperson_id, activity_on, kind, notes)
      select ${storeId}::int8, c.id, p.id, x.d, x.kind, x.notes
      from unnest(${s.map((r) => r.dms_customer_number)}::text[], ${s.map((r) => r.salesperson)}::text[], ${s.map((r) => r.activity_on)}::date[],
                  ${s.map((r) => r.kind)}::text[], ${s.map((r) => r.notes)}::text[]) as x(num, sp, d, kind, notes)
      join customers c on c.store_id = ${storeId} and c.dms_customer_number = x.num
      join salespeople p on p.store_id = ${storeId} and p.name = x.sp`.execute(db.kysely);
  }
}

async function countRows(db: Db, storeIds: number[]): Promise<Record<DemoTable, number>> {
  const counts: Record<DemoTable, number> = {
    salespeople: 0,
    customers: 0,
    vehicles: 0,
    visits: 0,
    appointments: 0,
    deals: 0,
    salesperson_assignments: 0,
    sales_activities: 0,
  };
  if (storeIds.length === 0) return counts;
  const parts = DEMO_TABLES.map(
    (t) =>
      sql`select ${t}::text as t, count(*)::int8 as n from ${sql.table(t)} where store_id = any(${storeIds}::int8[])`,
  );
  const { rows } = await sql<{ t: DemoTable; n: number }>`${sql.join(parts, sql` union all `)}`.execute(db.kysely);
  for (const r of rows) counts[r.t] = r.n;
  return counts;
}
