import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildStore, buildUser } from '../../test/support/factories.ts';
import {
  DEFAULT_CONTACT_TYPES,
  DEFAULT_RECYCLE_CODES,
  ensureContactDefaults,
  ensureContactDefaultsForAllStores,
} from './contact-types.store.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  await ensureContactDefaultsForAllStores(t.db.kysely);
});
afterAll(() => t.close());

type ContactTypeBody = { id: number; storeId: number; key: string; name: string; active: boolean };
type RecycleCodeBody = ContactTypeBody & { days: number; productive: boolean };
const uniqueKey = (base: string) => `${base}_${Math.random().toString(36).slice(2, 8)}`;

const contactTypes = async (c: Client) =>
  (await c.get(`/api/stores/${t.storeA.id}/contact-types`)).json<{ contactTypes: ContactTypeBody[] }>().contactTypes;
const recycleCodes = async (c: Client) =>
  (await c.get(`/api/stores/${t.storeA.id}/recycle-codes`)).json<{ recycleCodes: RecycleCodeBody[] }>().recycleCodes;

const auditOf = (subjectType: string, id: number) =>
  t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'details', 'store_id'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();

describe('contact defaults', () => {
  it('gives each store the default contact types and recycle codes once, keeping its edits', async () => {
    const types = await contactTypes(agent);
    expect(types.map((x) => x.key)).toEqual(expect.arrayContaining(DEFAULT_CONTACT_TYPES.map((d) => d.key)));
    const codes = await recycleCodes(agent);
    expect(codes.find((c) => c.key === 'voice_drop')).toMatchObject({ days: 10, active: true, productive: false });
    expect(codes.find((c) => c.key === 'spoke_booked')).toMatchObject({ days: 180, productive: true });
    expect(codes.filter((c) => c.productive).map((c) => c.key)).toEqual(['spoke_booked', 'spoke_not_interested']);

    const noShow = types.find((x) => x.key === 'no_show');
    await manager.send('PATCH', `/api/contact-types/${noShow?.id}`, { name: 'Missed appointment', active: false });
    expect(await ensureContactDefaults(t.db.kysely, t.storeA.id)).toBe(0);
    await ensureContactDefaultsForAllStores(t.db.kysely);
    const again = await contactTypes(agent);
    expect(again.filter((x) => x.key === 'no_show')).toEqual([
      expect.objectContaining({ name: 'Missed appointment', active: false }),
    ]);
    expect((await recycleCodes(agent)).filter((c) => c.key === 'voice_drop')).toHaveLength(1);
  });

  it('counts what it added for a store that lacks some defaults', async () => {
    const store = await buildStore(t.db.kysely);
    expect(await ensureContactDefaults(t.db.kysely, store.id)).toBe(
      DEFAULT_CONTACT_TYPES.length + DEFAULT_RECYCLE_CODES.length,
    );
    expect(await ensureContactDefaults(t.db.kysely, store.id)).toBe(0);
  });
});

describe('contact types API', () => {
  it('creates, lists and edits a contact type, auditing each change', async () => {
    const key = uniqueKey('recall');
    const created = await manager.post(`/api/stores/${t.storeA.id}/contact-types`, { key, name: ' Safety recall ' });
    expect(created.statusCode, created.body).toBe(201);
    const ct = created.json<ContactTypeBody>();
    expect(ct).toMatchObject({ storeId: t.storeA.id, key, name: 'Safety recall', active: true });
    expect((await contactTypes(agent)).find((x) => x.id === ct.id)).toMatchObject({ key });

    const edited = await manager.send('PATCH', `/api/contact-types/${ct.id}`, { active: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ContactTypeBody>()).toMatchObject({ key, name: 'Safety recall', active: false });

    const audit = await auditOf('contact_type', ct.id);
    expect(audit.map((a) => a.action)).toEqual(['contact_type.created', 'contact_type.updated']);
    expect(audit[1]).toMatchObject({ store_id: t.storeA.id, details: { changes: { active: false } } });
  });

  it('refuses a key the store already uses with 409, and a malformed key or a key change with 400', async () => {
    const dup = await manager.post(`/api/stores/${t.storeA.id}/contact-types`, { key: 'maintenance', name: 'Again' });
    expect(dup.statusCode).toBe(409);
    const bad = await manager.post(`/api/stores/${t.storeA.id}/contact-types`, { key: 'No Show', name: 'X' });
    expect(bad.statusCode).toBe(400);
    const [first] = await contactTypes(agent);
    const rekey = await manager.send('PATCH', `/api/contact-types/${first?.id}`, { key: 'other' });
    expect(rekey.statusCode).toBe(400);
  });

  it('lets agents read but not write', async () => {
    const [first] = await contactTypes(agent);
    expect(
      (await agent.post(`/api/stores/${t.storeA.id}/contact-types`, { key: uniqueKey('x'), name: 'X' })).statusCode,
    ).toBe(403);
    expect((await agent.send('PATCH', `/api/contact-types/${first?.id}`, { active: false })).statusCode).toBe(403);
    expect((await contactTypes(agent)).find((x) => x.id === first?.id)?.active).toBe(first?.active);
  });

  it('answers 404 for another store’s contact type and store, whatever the role', async () => {
    const b = await t.db.kysely
      .selectFrom('contact_types')
      .select('id')
      .where('store_id', '=', t.storeB.id)
      .executeTakeFirstOrThrow();
    expect((await manager.send('PATCH', `/api/contact-types/${b.id}`, { active: false })).statusCode).toBe(404);
    expect((await agent.send('PATCH', `/api/contact-types/${b.id}`, { active: false })).statusCode).toBe(404);
    expect((await manager.get(`/api/stores/${t.storeB.id}/contact-types`)).statusCode).toBe(404);
    expect(
      (await manager.post(`/api/stores/${t.storeB.id}/contact-types`, { key: uniqueKey('x'), name: 'X' })).statusCode,
    ).toBe(404);
  });
});

describe('recycle codes API', () => {
  it('creates, lists and edits a recycle code, auditing the old values', async () => {
    const key = uniqueKey('callback');
    const created = await manager.post(`/api/stores/${t.storeA.id}/recycle-codes`, {
      key,
      name: 'Asked for a call back',
      days: 14,
      productive: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const rc = created.json<RecycleCodeBody>();
    expect(rc).toMatchObject({ storeId: t.storeA.id, key, days: 14, active: true, productive: true });
    expect((await recycleCodes(agent)).find((x) => x.id === rc.id)).toMatchObject({ key, days: 14 });

    const edited = await manager.send('PATCH', `/api/recycle-codes/${rc.id}`, { days: 21, productive: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<RecycleCodeBody>()).toMatchObject({ key, days: 21, productive: false, active: true });

    const audit = await auditOf('recycle_code', rc.id);
    expect(audit.map((a) => a.action)).toEqual(['recycle_code.created', 'recycle_code.updated']);
    expect(audit[1]?.details).toEqual({
      changes: { days: 21, productive: false },
      before: { name: 'Asked for a call back', days: 14, active: true, productive: true },
    });
  });

  it('edits the default voice drop code after the first round, as the seeds describe', async () => {
    const voiceDrop = (await recycleCodes(agent)).find((c) => c.key === 'voice_drop');
    const res = await manager.send('PATCH', `/api/recycle-codes/${voiceDrop?.id}`, { days: 14 });
    expect(res.json<RecycleCodeBody>()).toMatchObject({ key: 'voice_drop', days: 14, productive: false });
  });

  it('refuses a duplicate key with 409 and days outside 0–3650 with 400', async () => {
    const dup = await manager.post(`/api/stores/${t.storeA.id}/recycle-codes`, {
      key: 'voice_drop',
      name: 'Again',
      days: 5,
    });
    expect(dup.statusCode).toBe(409);
    const tooLong = await manager.post(`/api/stores/${t.storeA.id}/recycle-codes`, {
      key: uniqueKey('long'),
      name: 'Long',
      days: 3651,
    });
    expect(tooLong.statusCode).toBe(400);
    const [first] = await recycleCodes(agent);
    expect((await manager.send('PATCH', `/api/recycle-codes/${first?.id}`, { days: -1 })).statusCode).toBe(400);
    expect((await manager.send('PATCH', `/api/recycle-codes/${first?.id}`, { days: 1.5 })).statusCode).toBe(400);
  });

  it('lets agents read but not write', async () => {
    const [first] = await recycleCodes(agent);
    expect(
      (await agent.post(`/api/stores/${t.storeA.id}/recycle-codes`, { key: uniqueKey('x'), name: 'X', days: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await agent.send('PATCH', `/api/recycle-codes/${first?.id}`, { days: 0 })).statusCode).toBe(403);
    expect((await recycleCodes(agent)).find((x) => x.id === first?.id)?.days).toBe(first?.days);
  });

  it('answers 404 for another store’s recycle code and store, whatever the role', async () => {
    const b = await t.db.kysely
      .selectFrom('recycle_codes')
      .select(['id', 'days'])
      .where('store_id', '=', t.storeB.id)
      .where('key', '=', 'voice_drop')
      .executeTakeFirstOrThrow();
    expect((await manager.send('PATCH', `/api/recycle-codes/${b.id}`, { days: 0 })).statusCode).toBe(404);
    expect((await agent.send('PATCH', `/api/recycle-codes/${b.id}`, { days: 0 })).statusCode).toBe(404);
    expect((await manager.get(`/api/stores/${t.storeB.id}/recycle-codes`)).statusCode).toBe(404);
    expect(
      (await manager.post(`/api/stores/${t.storeB.id}/recycle-codes`, { key: uniqueKey('x'), name: 'X', days: 1 }))
        .statusCode,
    ).toBe(404);
    const after = await t.db.kysely
      .selectFrom('recycle_codes')
      .select('days')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(after.days).toBe(b.days);
  });
});
