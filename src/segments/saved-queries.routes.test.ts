import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser, buildVehicle } from '../../test/support/factories.ts';
import type { Customer } from '../db/schema.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
let honda2017: Customer;
let honda2012: Customer;
beforeAll(async () => {
  t = await startTestApp();
  const k = t.db.kysely;
  await buildUser(k, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');

  // A small population for the preview; the test clock stands at 2026-06-15.
  honda2017 = await buildCustomer(k, t.storeA.id, { first_name: 'Alice', last_name: 'Ames', city: 'Laval' });
  await buildVehicle(k, honda2017, { make: 'Honda', year: 2017 });
  await k
    .insertInto('visits')
    .values({
      store_id: t.storeA.id,
      customer_id: honda2017.id,
      ro_number: 'RO-1',
      visit_date: '2025-10-01',
      department: 'service',
      deferred_items: ['Front brake pads'],
      labour_total: 100,
    })
    .execute();
  honda2012 = await buildCustomer(k, t.storeA.id, { first_name: 'Bob', last_name: 'Best', city: 'Toronto' });
  await buildVehicle(k, honda2012, { make: 'honda', year: 2012 });
  const toyota = await buildCustomer(k, t.storeA.id, { first_name: 'Carol' });
  await buildVehicle(k, toyota, { make: 'Toyota', year: 2018 });
  // Another store's Honda never counts.
  const outsider = await buildCustomer(k, t.storeB.id);
  await buildVehicle(k, outsider, { make: 'Honda', year: 2017 });
});
afterAll(() => t.close());

const hondas = { op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] };
const recentHondas = {
  op: 'and',
  rules: [
    { field: 'vehicle.make', operator: 'is', value: 'Honda' },
    { field: 'vehicle.year', operator: 'between', value: [2015, 2019] },
  ],
};
const unique = (base: string) => `${base} ${Math.random().toString(36).slice(2, 8)}`;

type Detail = {
  id: number;
  storeId: number;
  name: string;
  description: string | null;
  archived: boolean;
  filter: unknown;
  updatedBy: number | null;
};
type Problem = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details: { problems: Problem[] } } };

describe('segment fields', () => {
  it('lists the catalogue with labels, operators, values and units for the builder', async () => {
    const res = await agent.get('/api/segment-fields');
    expect(res.statusCode, res.body).toBe(200);
    const fields = res.json<{ fields: { key: string; unit: string | null; values: unknown }[] }>().fields;
    expect(fields.find((f) => f.key === 'customer.language')).toMatchObject({
      group: 'customer',
      label: { en: 'Language', fr: 'Langue' },
      type: 'enum',
      operators: ['is', 'is_not', 'in', 'not_in'],
      values: [
        { value: 'en', label: { en: 'English', fr: 'Anglais' } },
        { value: 'fr', label: { en: 'French', fr: 'Français' } },
      ],
    });
    expect(fields.find((f) => f.key === 'visit.last_service_date')).toMatchObject({ type: 'days_ago', unit: 'days' });
    expect(fields.find((f) => f.key === 'vehicle.odometer')).toMatchObject({ unit: 'km', integer: true, min: 0 });
  });
});

describe('query preview', () => {
  it('counts and samples the store’s matching customers', async () => {
    const res = await agent.post(`/api/stores/${t.storeA.id}/queries/preview`, { filter: hondas });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      count: 2,
      sample: [
        { id: honda2017.id, name: 'Alice Ames', city: 'Laval', lastServiceOn: '2025-10-01' },
        { id: honda2012.id, name: 'Bob Best', city: 'Toronto', lastServiceOn: null },
      ],
    });
    const recent = await agent.post(`/api/stores/${t.storeA.id}/queries/preview`, {
      filter: recentHondas,
      sampleSize: 1,
    });
    expect(recent.json()).toMatchObject({ count: 1, sample: [{ id: honda2017.id }] });
  });

  it('measures days ago from the as-of time', async () => {
    const filter = {
      op: 'and',
      rules: [{ field: 'visit.last_service_date', operator: 'more_than_days_ago', value: 365 }],
    };
    const now = await agent.post(`/api/stores/${t.storeA.id}/queries/preview`, { filter });
    expect(now.json<{ count: number }>().count).toBe(0);
    const later = await agent.post(`/api/stores/${t.storeA.id}/queries/preview`, {
      filter,
      at: '2027-06-15T14:00:00Z',
    });
    expect(later.json<{ sample: { id: number }[] }>().sample.map((s) => s.id)).toEqual([honda2017.id]);
  });

  it('refuses a bad filter with a 422 naming the field and path, and a sample over 50', async () => {
    const res = await agent.post(`/api/stores/${t.storeA.id}/queries/preview`, {
      filter: { op: 'and', rules: [{ field: 'vehicle.mkae', operator: 'is', value: 'Honda' }] },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('segment_invalid');
    expect(body.error.details.problems[0]).toMatchObject({ path: 'rules[0].field', code: 'unknown_field' });
    expect(body.error.message).toContain('vehicle.mkae');
    const big = await agent.post(`/api/stores/${t.storeA.id}/queries/preview`, { filter: hondas, sampleSize: 51 });
    expect(big.statusCode).toBe(400);
  });

  it('answers 404 for a store the caller cannot see', async () => {
    const res = await agent.post(`/api/stores/${t.storeB.id}/queries/preview`, { filter: hondas });
    expect(res.statusCode).toBe(404);
  });
});

describe('saved queries API', () => {
  it('creates, lists, reads, edits and archives a query, auditing each save', async () => {
    const name = unique('Hondas');
    const created = await manager.post(`/api/stores/${t.storeA.id}/queries`, {
      name,
      description: 'Every Honda owner',
      filter: hondas,
    });
    expect(created.statusCode, created.body).toBe(201);
    const q = created.json<Detail>();
    expect(q).toMatchObject({ storeId: t.storeA.id, name, archived: false, filter: hondas });

    const listed = (await agent.get(`/api/stores/${t.storeA.id}/queries`)).json<{ queries: Detail[] }>().queries;
    expect(listed.find((x) => x.id === q.id)).toMatchObject({ name, description: 'Every Honda owner' });
    expect(listed[0]).not.toHaveProperty('filter');

    const read = await agent.get(`/api/queries/${q.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Detail>().filter).toEqual(hondas);

    const edited = await manager.send('PATCH', `/api/queries/${q.id}`, {
      filter: recentHondas,
      // A cleared description box.
      description: '  ',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Detail>()).toMatchObject({ name, description: null, filter: recentHondas });

    const archived = await manager.send('PATCH', `/api/queries/${q.id}`, { archived: true });
    expect(archived.json<Detail>().archived).toBe(true);
    const active = (await agent.get(`/api/stores/${t.storeA.id}/queries`)).json<{ queries: Detail[] }>().queries;
    expect(active.map((x) => x.id)).not.toContain(q.id);
    const old = (await agent.get(`/api/stores/${t.storeA.id}/queries?archived=true`)).json<{ queries: Detail[] }>();
    expect(old.queries.map((x) => x.id)).toContain(q.id);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_type', '=', 'saved_query')
      .where('subject_id', '=', q.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['saved_query.created', 'saved_query.updated', 'saved_query.updated']);
    expect(audit[1]?.details).toEqual({ changed: ['description', 'filter'] });
  });

  it('refuses a bad filter on save and on edit with a 422 naming the field and path, storing nothing', async () => {
    const name = unique('Bad');
    const res = await manager.post(`/api/stores/${t.storeA.id}/queries`, {
      name,
      filter: {
        op: 'and',
        rules: [{ op: 'or', rules: [{ field: 'vehicle.year', operator: 'gt', value: 'new' }] }],
      },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody>();
    expect(body.error.details.problems).toEqual([
      expect.objectContaining({ path: 'rules[0].rules[0].value', code: 'value_type' }),
    ]);
    expect(body.error.details.problems[0]?.message).toContain('vehicle.year');
    const stored = await t.db.kysely.selectFrom('saved_queries').select('id').where('name', '=', name).execute();
    expect(stored).toEqual([]);

    const ok = (await manager.post(`/api/stores/${t.storeA.id}/queries`, { name, filter: hondas })).json<Detail>();
    const edit = await manager.send('PATCH', `/api/queries/${ok.id}`, {
      filter: { op: 'and', rules: [{ field: 'customer.language', operator: 'is', value: 'de' }] },
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json<ErrorBody>().error.details.problems[0]).toMatchObject({ path: 'rules[0].value' });
    expect((await agent.get(`/api/queries/${ok.id}`)).json<Detail>().filter).toEqual(hondas);
  });

  it('refuses a name the store already uses, ignoring case, with 409', async () => {
    const name = unique('Lapsed');
    expect((await manager.post(`/api/stores/${t.storeA.id}/queries`, { name, filter: hondas })).statusCode).toBe(201);
    const dup = await manager.post(`/api/stores/${t.storeA.id}/queries`, { name: name.toUpperCase(), filter: hondas });
    expect(dup.statusCode).toBe(409);
    const other = (
      await manager.post(`/api/stores/${t.storeA.id}/queries`, { name: unique('Other'), filter: hondas })
    ).json<Detail>();
    const rename = await manager.send('PATCH', `/api/queries/${other.id}`, { name: ` ${name} ` });
    expect(rename.statusCode).toBe(409);
  });

  it('lets agents read and preview but not write', async () => {
    const q = (
      await manager.post(`/api/stores/${t.storeA.id}/queries`, { name: unique('Agents'), filter: hondas })
    ).json<Detail>();
    expect((await agent.get(`/api/queries/${q.id}`)).statusCode).toBe(200);
    expect(
      (await agent.post(`/api/stores/${t.storeA.id}/queries`, { name: unique('X'), filter: hondas })).statusCode,
    ).toBe(403);
    expect((await agent.send('PATCH', `/api/queries/${q.id}`, { archived: true })).statusCode).toBe(403);
    expect((await agent.get(`/api/queries/${q.id}`)).json<Detail>().archived).toBe(false);
  });

  it('answers 404 for another store’s query and store, whatever the role', async () => {
    const b = await t.db.kysely
      .insertInto('saved_queries')
      .values({ store_id: t.storeB.id, name: 'B only', description: null, filter: JSON.stringify(hondas) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await manager.get(`/api/queries/${b.id}`)).statusCode).toBe(404);
    expect((await manager.send('PATCH', `/api/queries/${b.id}`, { archived: true })).statusCode).toBe(404);
    expect((await agent.send('PATCH', `/api/queries/${b.id}`, { archived: true })).statusCode).toBe(404);
    expect((await manager.get(`/api/stores/${t.storeB.id}/queries`)).statusCode).toBe(404);
    expect((await manager.post(`/api/stores/${t.storeB.id}/queries`, { name: 'X', filter: hondas })).statusCode).toBe(
      404,
    );
  });
});
