import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildVehicle } from '../../test/support/factories.ts';
import type { Customer } from '../db/schema.ts';

let t: TestApp;
let a: Client;
let b: Client;
let admin: Client;
let alice: Customer;
let bob: Customer;

beforeAll(async () => {
  t = await startTestApp();
  alice = await buildCustomer(t.db.kysely, t.storeA.id, {
    first_name: 'Alice',
    last_name: 'Tremblay',
    cell_phone: '+14165550123',
    email: 'alice@example.ca',
    dms_customer_number: '1001',
  });
  bob = await buildCustomer(t.db.kysely, t.storeB.id, {
    first_name: 'Bob',
    last_name: 'Tremblay',
    cell_phone: '+14165550124',
    dms_customer_number: '1001',
  });
  await buildVehicle(t.db.kysely, alice, {
    vin: '2HGFC2F59KH512345',
    plate: 'CAFE123',
    make: 'Honda',
    model: 'Civic',
    year: 2019,
  });
  a = await login(t.app, 'agent.a@example.test');
  b = await login(t.app, 'agent.b@example.test');
  admin = await login(t.app, 'admin@example.test');
});
afterAll(() => t.close());

const names = (res: { json(): { customers: { displayName: string }[] } }) =>
  res.json().customers.map((c) => c.displayName);

describe('customer search', () => {
  it.each([
    ['name', 'tremblay'],
    ['first and last name', 'alice trem'],
    ['phone', '(416) 555-0123'],
    ['e-mail', 'ALICE@example'],
    ['DMS number', '1001'],
    ['VIN', '2HGFC2F59KH512345'],
    ['VIN tail', 'KH512345'],
    ['plate', 'cafe123'],
  ])('finds a customer by %s', async (_what, q) => {
    const res = await a.get(`/api/stores/${t.storeA.id}/customers?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['Alice Tremblay']);
  });

  it('never returns another store’s customers, even with the same name and DMS number', async () => {
    expect(names(await b.get(`/api/stores/${t.storeB.id}/customers?q=1001`))).toEqual(['Bob Tremblay']);
  });

  it('answers 404 for a store the user may not see', async () => {
    const res = await a.get(`/api/stores/${t.storeB.id}/customers?q=tremblay`);
    expect(res.statusCode).toBe(404);
  });

  it('gives a 400 naming the bad parameter', async () => {
    const res = await a.get(`/api/stores/${t.storeA.id}/customers?limit=0`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/limit/);
  });
});

describe('customer profile', () => {
  it('shows the profile with vehicles to a user of the store', async () => {
    const res = await a.get(`/api/customers/${alice.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.customer).toMatchObject({
      displayName: 'Alice Tremblay',
      cellPhone: '+14165550123',
      email: 'alice@example.ca',
    });
    expect(body.vehicles).toHaveLength(1);
  });

  it('answers 404 for another store’s customer on every customer route', async () => {
    expect((await a.get(`/api/customers/${bob.id}`)).statusCode).toBe(404);
    expect((await a.post(`/api/customers/${bob.id}/verify`)).statusCode).toBe(404);
    expect((await b.get(`/api/customers/${alice.id}`)).statusCode).toBe(404);
  });

  it('lets an admin of the group see every store', async () => {
    expect((await admin.get(`/api/customers/${bob.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/customers/${alice.id}`)).statusCode).toBe(200);
  });

  it('records "verified" with the time and an audit entry', async () => {
    const res = await a.post(`/api/customers/${alice.id}/verify`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lastVerifiedAt).toBe(t.clock.now().toISOString());
    const profile = (await a.get(`/api/customers/${alice.id}`)).json();
    expect(profile.customer.lastVerifiedAt).toBe(t.clock.now().toISOString());
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('subject_id', '=', alice.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'customer.verified', user_id: t.agentA.id });
  });

  it('derives the salesperson from the latest deal, reassignment or activity', async () => {
    const db = t.db.kysely;
    const sp = await db
      .insertInto('salespeople')
      .values([
        { store_id: t.storeA.id, name: 'Dana Deal' },
        { store_id: t.storeA.id, name: 'Rita Reassigned' },
      ])
      .returning(['id', 'name'])
      .execute();
    await db
      .insertInto('deals')
      .values({
        store_id: t.storeA.id,
        customer_id: alice.id,
        deal_number: 'D1',
        sold_on: '2024-01-10',
        salesperson_id: sp[0]!.id,
      })
      .execute();
    await db
      .insertInto('salesperson_assignments')
      .values({ store_id: t.storeA.id, customer_id: alice.id, salesperson_id: sp[1]!.id, assigned_on: '2025-03-01' })
      .execute();
    const body = (await a.get(`/api/customers/${alice.id}`)).json();
    expect(body.customer.salesperson).toMatchObject({
      name: 'Rita Reassigned',
      source: 'reassignment',
      since: '2025-03-01',
    });
    expect(body.deals[0]).toMatchObject({ dealNumber: 'D1', salesperson: 'Dana Deal' });
  });
});
