import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildUser } from '../../test/support/factories.ts';
import { recordingSender } from '../../test/support/recording-sender.ts';
import { createDispatcher } from './dispatcher.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
let smsTemplate: number;
let letterTemplate: number;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  const create = async (channel: string, body: string) =>
    (
      await manager.post(`/api/stores/${t.storeA.id}/templates`, {
        channel,
        contactType: 'maintenance',
        language: 'en',
        purpose: 'marketing',
        name: `Test ${channel}`,
        body,
      })
    ).json<{ id: number }>().id;
  smsTemplate = await create('sms', 'Hi {{ customer.first_name }}, winter tires are in.');
  letterTemplate = await create('letter', '<p>Dear {{ customer.mailing_name }}</p>');
});
afterAll(() => t.close());

describe('test sends', () => {
  it('renders for the sample customer, marks it [Test], and sends it once through the outbox', async () => {
    const body = { to: '(416) 555-0199', requestKey: 'test-send-0001' };
    const res = await manager.post(`/api/templates/${smsTemplate}/test-send`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'queued', target: '+14165550199' });
    const again = await manager.post(`/api/templates/${smsTemplate}/test-send`, body);
    expect(again.json<{ messageId: number }>().messageId).toBe(res.json<{ messageId: number }>().messageId);
    const sender = recordingSender();
    await createDispatcher({ db: t.db.kysely, clock: t.clock, senders: sender }).drain();
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.text).toMatch(/^\[Test\] Alpha Motors: Hi Marie, winter tires are in\./);
    expect(sender.sent[0]?.text).toMatch(/Reply STOP/);
  });

  it('refuses agents, letters, and addresses that are not addresses', async () => {
    expect(
      (await agent.post(`/api/templates/${smsTemplate}/test-send`, { to: '4165550199', requestKey: 'test-send-0002' }))
        .statusCode,
    ).toBe(403);
    const letter = await manager.post(`/api/templates/${letterTemplate}/test-send`, {
      to: 'me@example.test',
      requestKey: 'test-send-0003',
    });
    expect(letter.statusCode).toBe(400);
    expect(letter.json<{ error: { message: string } }>().error.message).toContain('PDF');
    const bad = await manager.post(`/api/templates/${smsTemplate}/test-send`, {
      to: 'not a number',
      requestKey: 'test-send-0004',
    });
    expect(bad.statusCode).toBe(400);
  });
});
