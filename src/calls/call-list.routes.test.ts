import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer } from '../../test/support/factories.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';

let t: TestApp;
let agent: Client;
let codeId: (key: string) => Promise<number>;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-06-15T18:00:00Z'); // 14:00 in Toronto
  await ensureContactDefaults(t.db.kysely, t.storeA.id);
  agent = await login(t.app, 'agent.a@example.test');
  for (const [first_name, preferred] of [
    ['Cora', 'home_phone'],
    ['Dale', null],
  ] as const) {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, {
      first_name,
      last_name: 'Caller',
      name: null,
      home_phone: '+14165550190',
      preferred_contact_method: preferred,
    });
    await t.db.kysely
      .insertInto('visits')
      .values({
        store_id: t.storeA.id,
        customer_id: c.id,
        ro_number: `RO-CL-${c.id}`,
        visit_date: '2025-11-27',
        department: 'service',
      })
      .execute();
  }
  codeId = async (key) =>
    (
      await t.db.kysely
        .selectFrom('recycle_codes')
        .select('id')
        .where('store_id', '=', t.storeA.id)
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
    ).id;
});
afterAll(() => t.close());

describe('Call Select over HTTP', () => {
  it('lists, takes with a tel: link for the preferred number, logs, refuses a second log, releases', async () => {
    const lists = await agent.get(`/api/stores/${t.storeA.id}/call-lists`);
    expect(lists.json<{ lists: { key: string }[] }>().lists.map((l) => l.key)).toContain('maintenance');
    const opened = await agent.post(`/api/stores/${t.storeA.id}/call-list/open`, { list: 'maintenance' });
    expect(opened.json()).toMatchObject({ size: 2, open: 2, purpose: 'service' });
    const next = await agent.post(`/api/stores/${t.storeA.id}/call-list/next`, { list: 'maintenance' });
    const entry = next.json<{
      entry: { entryId: number; customerName: string; dial: { href: string; line: string } };
    }>().entry;
    expect(entry.customerName).toBe('Cora Caller');
    expect(entry.dial).toMatchObject({ line: 'home_phone', href: 'tel:+14165550190' });
    const logged = await agent.post(`/api/call-list/entries/${entry.entryId}/result`, {
      recycleCodeId: await codeId('left_message'),
      note: 'Left a voicemail about the 6-month service',
      phone: '+14165550190',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ recycleCode: 'left_message', productive: false });
    const twice = await agent.post(`/api/call-list/entries/${entry.entryId}/result`, {
      recycleCodeId: await codeId('left_message'),
    });
    expect(twice.statusCode).toBe(409);
    const second = (await agent.post(`/api/stores/${t.storeA.id}/call-list/next`, { list: 'maintenance' })).json<{
      entry: { entryId: number; customerName: string };
    }>().entry;
    expect(second.customerName).toBe('Dale Caller');
    const unknown = await agent.post(`/api/call-list/entries/${second.entryId}/result`, { recycleCodeId: 987_654 });
    expect(unknown.statusCode).toBe(422);
    expect((await agent.post(`/api/call-list/entries/${second.entryId}/release`, {})).statusCode).toBe(204);
    const calls = await agent.get(`/api/customers/${logged.json<{ customerId: number }>().customerId}/call-results`);
    expect(calls.json()).toMatchObject({
      calls: [
        {
          agentName: expect.any(String),
          recycleCodeName: 'Left a message',
          note: 'Left a voicemail about the 6-month service',
        },
      ],
    });
    const bad = await agent.post(`/api/stores/${t.storeA.id}/call-list/open`, { list: 'no_such_type' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/no contact type "no_such_type"/);
  });
});
