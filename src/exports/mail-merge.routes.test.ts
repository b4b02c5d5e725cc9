import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser, buildVehicle } from '../../test/support/factories.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';
import type { Customer, Store } from '../db/schema.ts';
import { insertTemplate } from '../templates/templates.store.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
let admin: Client;
let evil: Customer;
let elodie: Customer;
let queryA: number;
let queryB: number;
let scheduleB: number;
let seq = 0;

const HONDA = { op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] };

async function savedQuery(s: Store, filter: unknown) {
  const row = await t.db.kysely
    .insertInto('saved_queries')
    .values({ store_id: s.id, name: `Q${++seq}`, filter: JSON.stringify(filter) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function schedule(s: Store, queryId: number, dailyLimit: number) {
  await ensureContactDefaults(t.db.kysely, s.id);
  const tpl = await t.db.kysely.transaction().execute((trx) =>
    insertTemplate(trx, {
      storeId: s.id,
      channel: 'letter',
      contactType: 'general',
      language: 'en',
      purpose: 'service',
      name: `T${++seq}`,
      subject: null,
      body: 'Dear {{ customer.mailing_name }}',
      createdBy: null,
    }),
  );
  const recycle = await t.db.kysely
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', s.id)
    .where('key', '=', 'letter_sent')
    .executeTakeFirstOrThrow();
  const row = await t.db.kysely
    .insertInto('batch_schedules')
    .values({
      store_id: s.id,
      name: `Letters ${++seq}`,
      recurrence: 'daily',
      channel: 'letter',
      kind: 'fetch',
      saved_query_id: queryId,
      recycle_code_id: recycle.id,
      template_id: tpl.template.id,
      daily_limit: dailyLimit,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The file as records keyed by header, checking the BOM on the way. */
function records(body: string): Record<string, string>[] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  return parse<Record<string, string>>(body.slice(1), { columns: true });
}

const address = { address_line1: '12 King St', city: 'Toronto', region: 'ON', postal_code: 'M5H 1A1' };

beforeAll(async () => {
  t = await startTestApp();
  const k = t.db.kysely;
  await buildUser(k, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  evil = await buildCustomer(k, t.storeA.id, {
    ...address,
    first_name: '=HYPERLINK("http://evil.example/","Click")',
    last_name: 'Smith',
    address_line2: '+1 416 555 0100 ext 2',
  });
  elodie = await buildCustomer(k, t.storeA.id, {
    ...address,
    first_name: 'Élodie',
    last_name: 'Gagné',
    mailing_name: 'Mme Élodie Gagné',
    language: 'fr',
    cell_phone: '+14165550123',
  });
  const toyotaOwner = await buildCustomer(k, t.storeA.id, address);
  const honda = await buildVehicle(k, elodie, { make: 'Honda', model: 'CR-V', year: 2021, vin: '2HKRW2H56MH000001' });
  await buildVehicle(k, evil, { make: 'Honda' });
  await buildVehicle(k, toyotaOwner, { make: 'Toyota', model: 'RAV4' });
  // Yesterday's service visit (Thank You due today) and an appointment in 14 days (Reminder 1 due today).
  await k
    .insertInto('visits')
    .values({
      store_id: t.storeA.id,
      customer_id: elodie.id,
      vehicle_id: honda.id,
      ro_number: 'RO1',
      visit_date: '2026-06-14',
      department: 'service',
      deferred_items: ['Replace front brake pads', 'Rotate tires'],
    })
    .execute();
  await k
    .insertInto('appointments')
    .values({
      store_id: t.storeA.id,
      customer_id: elodie.id,
      vehicle_id: honda.id,
      dms_appointment_number: 'A1',
      scheduled_at: new Date('2026-06-29T14:30:00Z'),
    })
    .execute();
  queryA = await savedQuery(t.storeA, HONDA);
  const bCustomer = await buildCustomer(k, t.storeB.id, address);
  await buildVehicle(k, bCustomer, { make: 'Honda' });
  queryB = await savedQuery(t.storeB, HONDA);
  scheduleB = await schedule(t.storeB, queryB, 10);
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  admin = await login(t.app, 'admin@example.test');
});
afterAll(() => t.close());

describe('GET /api/saved-queries/:queryId/export.csv', () => {
  it('streams the matching customers as a mail-merge CSV, neutralising formulas, and audits it', async () => {
    const res = await manager.get(`/api/saved-queries/${queryA}/export.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mail-merge-query-\d+-2026-06-15\.csv"$/);
    const header = res.body.slice(1).split('\r\n')[0] ?? '';
    expect(header.startsWith('Customer Number,First Name,Last Name,Full Name,Mailing Name,Address To,Address 1')).toBe(
      true,
    );
    const rows = records(res.body);
    expect(rows.map((r) => r['Customer Number'])).toEqual([evil.dms_customer_number, elodie.dms_customer_number]);
    const [e, f] = rows;
    expect(e?.['First Name']).toBe(`'=HYPERLINK("http://evil.example/","Click")`);
    expect(e?.['Full Name']).toBe(`'=HYPERLINK("http://evil.example/","Click") Smith`);
    expect(e?.['Address 2']).toBe("'+1 416 555 0100 ext 2");
    expect(f).toMatchObject({
      'First Name': 'Élodie',
      'Mailing Name': 'Mme Élodie Gagné',
      'Address 1': '12 King St',
      City: 'Toronto',
      'Province/State': 'ON',
      'Postal Code': 'M5H 1A1',
      Language: 'fr',
      'Vehicle Year': '2021',
      'Vehicle Make': 'Honda',
      'Vehicle Model': 'CR-V',
      VIN: '2HKRW2H56MH000001',
      'Last Service Date': '2026-06-14',
      'Appointment Date': '2026-06-29',
      'Deferred Items': 'Replace front brake pads; Rotate tires',
      'Business Name': 'Alpha Motors',
    });
    // Phone numbers are written as people write them, so they need no apostrophe.
    expect(f?.['Cell Phone']).toMatch(/^\(?416\)? ?555-0123$/);
    expect(f?.['Appointment Time']).toMatch(/10 h 30|10:30/);
    // Written once the stream has ended, which may be just after the response did.
    const audit = await vi.waitFor(() =>
      t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'export.mail_merge')
        .where('subject_id', '=', queryA)
        .executeTakeFirstOrThrow(),
    );
    expect(audit.details).toMatchObject({ source: 'saved_query', id: queryA, rows: 2, completed: true });
  });

  it('refuses agents (403) and answers 404 for another store’s query', async () => {
    expect((await agent.get(`/api/saved-queries/${queryA}/export.csv`)).statusCode).toBe(403);
    expect((await manager.get(`/api/saved-queries/${queryB}/export.csv`)).statusCode).toBe(404);
    expect((await agent.get(`/api/saved-queries/${queryB}/export.csv`)).statusCode).toBe(404);
  });
});

describe('GET /api/batch-schedules/:scheduleId/export.csv', () => {
  it('lists whom the dry run would take, up to the daily limit, in its order', async () => {
    const at = '2026-06-15T14:00:00Z';
    for (const limit of [1, 100]) {
      const id = await schedule(t.storeA, queryA, limit);
      const preview = await manager.post(`/api/batch-schedules/${id}/preview`, { at, sampleSize: 100 });
      expect(preview.statusCode, preview.body).toBe(200);
      const dry = preview.json<{ selected: number; sample: { id: number }[] }>();
      const res = await manager.get(`/api/batch-schedules/${id}/export.csv?at=${encodeURIComponent(at)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain(`mail-merge-batch-${id}-2026-06-15.csv`);
      const rows = records(res.body);
      expect(rows).toHaveLength(dry.selected);
      const numberOf = new Map([
        [evil.id, evil.dms_customer_number],
        [elodie.id, elodie.dms_customer_number],
      ]);
      expect(rows.map((r) => r['Customer Number']).sort()).toEqual(dry.sample.map((s) => numberOf.get(s.id)).sort());
      expect(rows.every((r) => r.Channel === 'letter')).toBe(true);
    }
  });

  it('refuses agents (403) and answers 404 for another store’s schedule', async () => {
    const id = await schedule(t.storeA, queryA, 5);
    expect((await agent.get(`/api/batch-schedules/${id}/export.csv`)).statusCode).toBe(403);
    expect((await manager.get(`/api/batch-schedules/${scheduleB}/export.csv`)).statusCode).toBe(404);
  });
});

describe('GET /api/stores/:storeId/lifecycle/export.csv', () => {
  it('lists a day’s 360° messages due, one line per step, with step and due date', async () => {
    const res = await manager.get(`/api/stores/${t.storeA.id}/lifecycle/export.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`mail-merge-360-${t.storeA.id}-2026-06-15.csv`);
    const rows = records(res.body);
    expect(rows.map((r) => [r['Customer Number'], r.Step, r['Due Date']])).toEqual([
      [elodie.dms_customer_number, 'Reminder 1', '2026-06-15'],
      [elodie.dms_customer_number, 'Thank You', '2026-06-15'],
    ]);
    expect(rows[0]?.['Appointment Date']).toBe('2026-06-29');

    const one = records((await admin.get(`/api/stores/${t.storeA.id}/lifecycle/export.csv?step=thank_you`)).body);
    expect(one.map((r) => r.Step)).toEqual(['Thank You']);
    const other = records(
      (await manager.get(`/api/stores/${t.storeA.id}/lifecycle/export.csv?day=2026-06-16&step=thank_you`)).body,
    );
    expect(other).toEqual([]);
  });

  it('refuses agents (403) and answers 404 for another store', async () => {
    expect((await agent.get(`/api/stores/${t.storeA.id}/lifecycle/export.csv`)).statusCode).toBe(403);
    expect((await manager.get(`/api/stores/${t.storeB.id}/lifecycle/export.csv`)).statusCode).toBe(404);
  });
});
