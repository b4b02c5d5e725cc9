import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import { runDemo } from '../../cli/demo.command.ts';
import type { Db } from '../../db/connect.ts';
import { isDatabaseEmpty, loadDemo, type DemoSummary } from './demo.service.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const SEED = 20261123;

let db: Db;
let summary: DemoSummary;
let wasEmpty: boolean;
const phases = new Set<string>();

beforeAll(async () => {
  db = await openTestDb();
  wasEmpty = await isDatabaseEmpty(db);
  summary = await loadDemo({
    db,
    stores: 2,
    customers: 200,
    seed: SEED,
    now: NOW,
    onProgress: (_d, _t, phase) => phases.add(phase),
  });
});
afterAll(() => db.close());

async function one<T>(query: string): Promise<T> {
  const { rows } = await sql.raw<T>(query).execute(db.kysely);
  const row = rows[0];
  if (row === undefined) throw new Error(`no row from ${query}`);
  return row;
}

/** The demo's data without ids or timestamps of the load, for comparing two loads. */
async function snapshot(d: Db) {
  const q = async (text: string) => (await sql.raw(text).execute(d.kysely)).rows;
  return {
    stores: await q(`select code, name, country, time_zone, phone, body_shop_auto_off from stores order by code`),
    salespeople: await q(
      `select st.code, s.name, s.active from salespeople s join stores st on st.id = s.store_id order by 1, 2`,
    ),
    customers:
      await q(`select st.code, c.dms_customer_number, c.first_name, c.last_name, c.name, c.email, c.cell_phone, c.home_phone, c.language,
        c.date_of_birth, c.postal_code, c.last_verified_at, c.prospect_entered_by
      from customers c join stores st on st.id = c.store_id order by 1, 2`),
    vehicles:
      await q(`select st.code, v.vin, c.dms_customer_number, v.year, v.make, v.model, v.plate, v.odometer, v.contact_off
      from vehicles v join stores st on st.id = v.store_id join customers c on c.id = v.customer_id order by 1, 2`),
    visits:
      await q(`select st.code, v.ro_number, v.visit_date, v.department, v.odometer, v.labour_total, v.parts_total, v.deferred_items
      from visits v join stores st on st.id = v.store_id order by 1, 2`),
    appointments: await q(
      `select st.code, a.dms_appointment_number, a.scheduled_at, a.status from appointments a join stores st on st.id = a.store_id order by 1, 2`,
    ),
    deals:
      await q(`select st.code, d.deal_number, d.sold_on, d.sale_type, s.name from deals d join stores st on st.id = d.store_id
      left join salespeople s on s.id = d.salesperson_id order by 1, 2`),
    assignments:
      await q(`select c.dms_customer_number, s.name, a.assigned_on from salesperson_assignments a join customers c on c.id = a.customer_id
      join salespeople s on s.id = a.salesperson_id order by 1, 2, 3`),
    activities:
      await q(`select c.dms_customer_number, s.name, a.activity_on, a.kind from sales_activities a join customers c on c.id = a.customer_id
      join salespeople s on s.id = a.salesperson_id order by 1, 2, 3, 4`),
  };
}

describe('loadDemo', () => {
  it('creates two realistic stores, one of them in Quebec, with salespeople', async () => {
    expect(wasEmpty).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(summary.storeCodes).toEqual(['MRT', 'RSH']);
    const stores = await db.kysely.selectFrom('stores').selectAll().orderBy('code').execute();
    expect(stores.map((s) => [s.code, s.name, s.country, s.time_zone])).toEqual([
      ['MRT', 'Maple Ridge Toyota', 'CA', 'America/Vancouver'],
      ['RSH', 'Rive-Sud Honda', 'CA', 'America/Montreal'],
    ]);
    expect(stores.some((s) => s.body_shop_auto_off)).toBe(true);
    for (const s of stores) {
      expect(s.phone).toMatch(/^\+1\d{10}$/);
      expect(s.feedback_url).toMatch(/^https:\/\//);
      expect(s.owner_name).toBeTruthy();
    }
    expect(summary.counts.salespeople).toBeGreaterThanOrEqual(10);
    expect(summary.counts.salespeople).toBeLessThanOrEqual(16);
    expect(phases.size).toBeGreaterThan(5);
  });

  it('puts customers in both stores, with fleet, prospect and French-speaking customers', async () => {
    expect(summary.counts.customers).toBe(200);
    const rows = await sql<{ code: string; n: number; fleet: number; prospects: number; fr: number; emails: number }>`
      select s.code, count(*)::int8 as n,
             count(*) filter (where c.customer_type = 'fleet')::int8 as fleet,
             count(*) filter (where c.is_prospect)::int8 as prospects,
             count(*) filter (where c.language = 'fr')::int8 as fr,
             count(c.email)::int8 as emails
      from customers c join stores s on s.id = c.store_id group by s.code order by s.code`.execute(db.kysely);
    expect(rows.rows.map((r) => [r.code, r.n])).toEqual([
      ['MRT', 100],
      ['RSH', 100],
    ]);
    const [mrt, rsh] = rows.rows;
    expect((mrt?.fleet ?? 0) + (rsh?.fleet ?? 0)).toBeGreaterThan(0);
    expect((mrt?.prospects ?? 0) + (rsh?.prospects ?? 0)).toBeGreaterThan(0);
    expect(rsh?.fr).toBeGreaterThan(15);
    expect(mrt?.fr).toBeLessThan(5);
    expect((mrt?.emails ?? 0) + (rsh?.emails ?? 0)).toBeGreaterThan(120);
    // Quebec customers live in Quebec, with Quebec postal codes (FSA starting with G, H or J).
    const elsewhere = await one<{ n: number }>(
      `select count(*)::int8 as n from customers c join stores s on s.id = c.store_id
       where s.code = 'RSH' and (c.region <> 'QC' or c.postal_code !~ '^[GHJ][0-9][A-Z] [0-9][A-Z][0-9]$')`,
    );
    expect(elsewhere.n).toBe(0);
  });

  it('goes through the import, whose validation drops the bad phone numbers and e-mails it contains', () => {
    expect(summary.imports.customers.inserted).toBe(200);
    for (const kind of ['customers', 'vehicles', 'visits', 'appointments', 'deals'] as const) {
      expect(summary.imports[kind].rejected, kind).toBe(0);
    }
    expect(summary.imports.customers.warnings).toBeGreaterThan(0);
    expect(summary.samples.some((w) => w.kind === 'customers' && /phone/.test(w.field ?? ''))).toBe(true);
    expect(summary.imports.vehicles.warnings + summary.imports.visits.warnings + summary.imports.deals.warnings).toBe(
      0,
    );
  });

  it('gives vehicles with valid, unique VINs and a service history whose odometer only rises', async () => {
    expect(summary.counts.vehicles).toBeGreaterThan(200);
    const vins = await db.kysely.selectFrom('vehicles').select('vin').execute();
    for (const { vin } of vins) expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    expect(new Set(vins.map((v) => v.vin)).size).toBe(vins.length);
    const backwards = await one<{ n: number }>(
      `select count(*)::int8 as n from (
         select odometer < lag(odometer) over (partition by vehicle_id order by visit_date, id) as back
         from visits where odometer is not null and vehicle_id is not null) x where back`,
    );
    expect(backwards.n).toBe(0);
    const visits = await one<{ service: number; body_shop: number; deferred: number; future: number; oldest: string }>(
      `select count(*) filter (where department = 'service')::int8 as service,
              count(*) filter (where department = 'body_shop')::int8 as body_shop,
              count(*) filter (where cardinality(deferred_items) > 0)::int8 as deferred,
              count(*) filter (where visit_date > '2026-11-23')::int8 as future,
              min(visit_date) as oldest
       from visits`,
    );
    expect(visits.service).toBeGreaterThan(300);
    expect(visits.body_shop).toBeGreaterThan(0);
    expect(visits.deferred).toBeGreaterThan(20);
    expect(visits.future).toBe(0);
    expect(visits.oldest >= '2022-11-01').toBe(true);
  });

  it('books future appointments after now and keeps past ones completed, missed or cancelled', async () => {
    const appts = await db.kysely.selectFrom('appointments').select(['scheduled_at', 'status']).execute();
    const scheduled = appts.filter((a) => a.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(0);
    for (const a of scheduled) {
      expect(a.scheduled_at.getTime()).toBeGreaterThan(NOW.getTime());
      expect(a.scheduled_at.getTime()).toBeLessThan(NOW.getTime() + 62 * 86_400_000);
    }
    for (const a of appts.filter((x) => x.status === 'completed' || x.status === 'no_show')) {
      expect(a.scheduled_at.getTime()).toBeLessThan(NOW.getTime());
    }
    expect(appts.some((a) => a.status === 'completed')).toBe(true);
  });

  it('records deals with their salesperson, reassignments and sales activities', async () => {
    expect(summary.counts.deals).toBeGreaterThan(0);
    const withoutSalesperson = await one<{ n: number }>(
      `select count(*)::int8 as n from deals where salesperson_id is null`,
    );
    expect(withoutSalesperson.n).toBe(0);
    const types = await db.kysely.selectFrom('deals').select('sale_type').distinct().execute();
    expect(types.map((t) => t.sale_type).sort()).toEqual(expect.arrayContaining(['new', 'used']));
    expect(summary.counts.salesperson_assignments).toBeGreaterThan(0);
    expect(summary.counts.sales_activities).toBeGreaterThan(0);
    // Salespeople from the deals file are the store's own staff: the import added nobody.
    const salespeople = await one<{ n: number }>(`select count(*)::int8 as n from salespeople`);
    expect(salespeople.n).toBe(summary.counts.salespeople);
  });

  it('is deterministic for a seed and a day', async () => {
    const other = await openTestDb();
    try {
      await loadDemo({ db: other, stores: 2, customers: 200, seed: SEED, now: NOW });
      expect(await snapshot(other)).toEqual(await snapshot(db));
    } finally {
      await other.close();
    }
  });

  it('adds new stores on a second run and leaves existing ones alone', async () => {
    const before = await one<{ n: number }>(`select count(*)::int8 as n from customers`);
    const again = await loadDemo({ db, stores: 1, customers: 30, seed: SEED, now: NOW });
    expect(again.skippedStoreCodes).toEqual(['MRT', 'RSH']);
    expect(again.storeCodes).toEqual(['LSF']);
    expect(again.counts.customers).toBe(30);
    const after = await one<{ n: number }>(`select count(*)::int8 as n from customers`);
    expect(after.n).toBe(before.n + 30);
  });

  it('runs as a command: progress on stderr, a summary on stdout, exit code 0', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let printed = '';
    let progress = '';
    out.on('data', (b: Buffer) => (printed += b.toString()));
    err.on('data', (b: Buffer) => (progress += b.toString()));
    expect(await runDemo({ db, stores: 1, customers: 10, seed: 3, out, err })).toBe(0);
    expect(printed).toContain('Stores:');
    expect(printed).toMatch(/BYH +Bytown Hyundai \(10 customers\)/);
    expect(progress).toContain('demo: BYH');
  });
});
