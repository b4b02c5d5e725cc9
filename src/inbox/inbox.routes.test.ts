import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer } from '../../test/support/factories.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';
import type { Customer } from '../db/schema.ts';

let t: TestApp;
let agent: Client;
let ann: Customer;
let bob: Customer;

async function inbound(c: Customer, body: string, keyword: 'message' | 'stop' = 'message') {
  return t.db.kysely
    .insertInto('inbound_messages')
    .values({
      store_id: c.store_id,
      customer_id: c.id,
      channel: 'sms',
      from_address: c.cell_phone ?? '',
      to_address: '+14165550000',
      body,
      keyword,
      provider: 'twilio',
      received_at: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await startTestApp(); // 10:00 in Toronto
  await ensureContactDefaults(t.db.kysely, t.storeA.id);
  agent = await login(t.app, 'agent.a@example.test');
  ann = await buildCustomer(t.db.kysely, t.storeA.id, {
    first_name: 'Ann',
    last_name: 'Texter',
    name: null,
    region: 'ON',
  });
  bob = await buildCustomer(t.db.kysely, t.storeA.id, {
    first_name: 'Bob',
    last_name: 'Stopper',
    name: null,
    region: 'ON',
  });
});
afterAll(() => t.close());

describe('two-way texts', () => {
  it('shows one thread per customer with unread counts; STOP never reaches it; reading marks it read', async () => {
    await inbound(ann, 'Can I come in Friday instead?');
    await inbound(ann, 'Morning is best');
    await inbound(bob, 'STOP', 'stop');
    const list = await agent.get(`/api/stores/${t.storeA.id}/inbox`);
    expect(list.json()).toMatchObject({
      threads: [
        { customerId: ann.id, customerName: 'Ann Texter', lastBody: 'Morning is best', unread: 2, assignedTo: null },
      ],
    });
    const thread = await agent.get(`/api/customers/${ann.id}/texts`);
    expect(thread.json<{ messages: { direction: string; body: string }[] }>().messages.map((m) => m.body)).toEqual([
      'Can I come in Friday instead?',
      'Morning is best',
    ]);
    expect((await agent.get(`/api/stores/${t.storeA.id}/inbox`)).json()).toMatchObject({ threads: [{ unread: 0 }] });
  });

  it('assigns a thread to an agent and answers from it; the reply counts in the productivity report', async () => {
    const me = await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'agent.a@example.test')
      .executeTakeFirstOrThrow();
    expect((await agent.post(`/api/customers/${ann.id}/texts/assign`, { userId: me.id })).statusCode).toBe(204);
    expect((await agent.get(`/api/stores/${t.storeA.id}/inbox?mine=true`)).json()).toMatchObject({
      threads: [{ customerId: ann.id, assignedTo: { id: me.id } }],
    });
    t.clock.advance(6 * 60_000);
    const reply = await agent.post(`/api/customers/${ann.id}/texts/reply`, {
      body: 'Friday at 9 works, see you then!',
      requestKey: 'reply-ann-0001',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ purpose: 'service', status: 'queued' });
    const again = await agent.post(`/api/customers/${ann.id}/texts/reply`, {
      body: 'Friday at 9 works, see you then!',
      requestKey: 'reply-ann-0001',
    });
    expect(again.json<{ messageId: number }>().messageId).toBe(reply.json<{ messageId: number }>().messageId);
    const thread = await agent.get(`/api/customers/${ann.id}/texts`);
    expect(thread.json<{ messages: { direction: string; by: string | null }[] }>().messages.at(-1)).toMatchObject({
      direction: 'out',
      by: expect.any(String),
    });
    const report = await agent.get(`/api/stores/${t.storeA.id}/productivity?from=2026-06-15&to=2026-06-15`);
    expect(report.json()).toMatchObject({
      rows: [{ userId: me.id, day: '2026-06-15', textsAnswered: 1, medianResponseMinutes: 6, callsLogged: 0 }],
    });
  });

  it('refuses a reply in the customer’s quiet hours or without consent, saying why', async () => {
    t.clock.set('2026-06-16T01:30:00Z'); // 21:30 in Toronto, after texting hours
    const late = await agent.post(`/api/customers/${ann.id}/texts/reply`, { body: 'Hi', requestKey: 'reply-ann-late' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'reply_blocked',
      message: expect.stringMatching(/open again at/),
    });
    t.clock.set('2026-06-15T20:00:00Z');
    await t.db.kysely
      .insertInto('consent_events')
      .values({
        store_id: bob.store_id,
        customer_id: bob.id,
        channel: 'sms',
        purpose: 'service',
        granted: false,
        source: 'inbound_stop',
        occurred_at: t.clock.now(),
      })
      .execute();
    const stopped = await agent.post(`/api/customers/${bob.id}/texts/reply`, {
      body: 'Hi',
      requestKey: 'reply-bob-0001',
    });
    expect(stopped.statusCode).toBe(409);
    expect(stopped.json<{ error: { message: string } }>().error.message).toMatch(/cannot get a text/);
  });
});
