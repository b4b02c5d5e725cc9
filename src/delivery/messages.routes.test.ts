import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser } from '../../test/support/factories.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

let n = 0;
const key = () => `req-${Date.now()}-${++n}`;

type Item = { id: number; status: string; statusReason: string | null; sentBy: string; subject: string | null };

describe('single sends and contact history', () => {
  it('refuses marketing without consent with the eligibility reasons, and sends it once consent is recorded', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { first_name: 'Renée' });
    const body = {
      purpose: 'marketing',
      channel: 'email',
      subject: 'Hi {{ customer.first_name }}',
      body: '<p>Winter tires are in.</p>',
    };
    const refused = await agent.post(`/api/customers/${c.id}/messages`, { ...body, requestKey: key() });
    expect(refused.statusCode).toBe(422);
    const error = refused.json<{ error: { code: string; details: { reasons: { code: string }[] } } }>().error;
    expect(error.code).toBe('not_eligible');
    expect(error.details.reasons.map((r) => r.code)).toContain('no_marketing_consent');

    const grant = await manager.post(`/api/customers/${c.id}/consent`, {
      channel: 'email',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
      source: 'user',
    });
    expect(grant.statusCode, grant.body).toBeLessThan(300);
    const requestKey = key();
    const sent = await agent.post(`/api/customers/${c.id}/messages`, { ...body, requestKey, bccSelf: true });
    expect(sent.statusCode, sent.body).toBe(201);
    const item = sent.json<Item>();
    expect(item).toMatchObject({ status: 'queued', subject: 'Hi Renée', sentBy: expect.any(String) });

    const again = await agent.post(`/api/customers/${c.id}/messages`, { ...body, requestKey });
    expect(again.statusCode).toBe(200);
    expect(again.json<Item>().id).toBe(item.id);

    const detail = (await agent.get(`/api/messages/${item.id}`)).json<{
      html: string;
      bcc: string[];
      events: object[];
    }>();
    expect(detail.html).toContain('Winter tires are in.');
    expect(detail.html).toContain('/u/');
    expect(detail.bcc).toEqual(['agent.a@example.test']);
    expect(detail.events).toHaveLength(1);

    const history = (await agent.get(`/api/customers/${c.id}/history`)).json<{ items: Item[] }>();
    expect(history.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('sends service texts from a template to the customer’s own number only', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const tpl = await manager.post(`/api/stores/${t.storeA.id}/templates`, {
      channel: 'sms',
      contactType: 'confirm',
      language: 'en',
      purpose: 'service',
      name: 'Confirm appointment',
      body: 'Hi {{ customer.first_name }}, see you soon at {{ store.name }}.',
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const templateId = tpl.json<{ id: number }>().id;
    const wrong = await agent.post(`/api/customers/${c.id}/messages`, {
      purpose: 'service',
      channel: 'sms',
      templateId,
      target: '+14165550000',
      requestKey: key(),
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await agent.post(`/api/customers/${c.id}/messages`, {
      purpose: 'service',
      channel: 'sms',
      templateId,
      requestKey: key(),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const msg = (await agent.get(`/api/messages/${ok.json<Item>().id}`)).json<{ text: string; target: string }>();
    expect(msg.text).toBe('Hi Pat, see you soon at Alpha Motors.');
    expect(msg.target).toBe(c.cell_phone);
  });

  it('refuses a marketing template sent as service, and leaves the unsubscribe link out of service e-mail', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const tpl = await manager.post(`/api/stores/${t.storeA.id}/templates`, {
      channel: 'email',
      contactType: 'maintenance',
      language: 'en',
      purpose: 'marketing',
      name: 'Spring offer',
      subject: 'Spring offer',
      body: '<p>20% off brakes.</p>',
    });
    const dodge = await agent.post(`/api/customers/${c.id}/messages`, {
      purpose: 'service',
      channel: 'email',
      templateId: tpl.json<{ id: number }>().id,
      requestKey: key(),
    });
    expect(dodge.statusCode).toBe(400);
    expect(dodge.body).toContain('marketing template');
    const service = await agent.post(`/api/customers/${c.id}/messages`, {
      purpose: 'service',
      channel: 'email',
      subject: 'Your car is ready',
      body: '<p>Pick it up any time.</p>',
      requestKey: key(),
    });
    expect(service.statusCode, service.body).toBe(201);
    const msg = (await agent.get(`/api/messages/${service.json<Item>().id}`)).json<{ html: string; text: string }>();
    expect(msg.html).not.toContain('/u/');
    expect(msg.text).not.toMatch(/unsubscribe/i);
  });

  it('never shows or sends to another store’s customers', async () => {
    const other = await buildCustomer(t.db.kysely, t.storeB.id);
    const res = await agent.post(`/api/customers/${other.id}/messages`, {
      purpose: 'service',
      channel: 'email',
      subject: 'x',
      body: '<p>x</p>',
      requestKey: key(),
    });
    expect(res.statusCode).toBe(404);
    expect((await agent.get(`/api/customers/${other.id}/history`)).statusCode).toBe(404);
  });
});
