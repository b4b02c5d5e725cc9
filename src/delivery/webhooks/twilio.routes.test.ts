import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { buildCustomer } from '../../../test/support/factories.ts';
import { outboxMessage } from '../../../test/support/outbox.ts';
import { insertMessages } from '../outbox.store.ts';
import { classifyInbound } from './inbound-keyword.rules.ts';
import { twilioSignature } from './signatures.ts';

let t: TestApp;
let admin: Client;
const TOKEN = 'twilio-auth-token-for-tests';
const SENDER = '+14165550100';
beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, 'admin@example.test');
  const res = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/sms`, {
    provider: 'twilio',
    settings: { accountSid: `AC${'b'.repeat(32)}`, senders: [SENDER], helpText: 'Alpha Motors service: 416-555-0100.' },
    secrets: { authToken: TOKEN },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

function post(
  path: string,
  fields: Record<string, string>,
  signature = twilioSignature(TOKEN, `http://localhost${path}`, fields),
) {
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('inbound keywords', () => {
  it('reads STOP and its synonyms only when they are the whole message', () => {
    for (const w of [
      'STOP',
      'stop',
      ' Stop! ',
      'STOPALL',
      'unsubscribe',
      'CANCEL',
      'end',
      'QUIT',
      'REVOKE',
      'OPTOUT',
      'ARRET',
      'Arrêt',
    ])
      expect(classifyInbound(w), w).toBe('stop');
    expect(classifyInbound('Can you stop by at 5?')).toBe('message');
    expect(classifyInbound('HELP')).toBe('help');
    expect(classifyInbound('aide')).toBe('help');
    expect(classifyInbound('START')).toBe('start');
    expect(classifyInbound('Yes please book me')).toBe('message');
  });
});

describe('Twilio webhooks', () => {
  const inbound = () => `/api/webhooks/twilio/${t.storeA.id}/inbound`;

  it('turns texting off and withdraws SMS consent on STOP, and refuses a replay', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { cell_phone: '+14165550177' });
    const fields = { From: '+14165550177', To: SENDER, Body: 'STOP', MessageSid: `SM${'1'.repeat(32)}` };
    const res = await post(inbound(), fields);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('<Response></Response>');
    const after = await t.db.kysely
      .selectFrom('customers')
      .select('cell_phone_on')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.cell_phone_on).toBe(false);
    const consent = await t.db.kysely
      .selectFrom('consent_events')
      .select(['channel', 'granted', 'source'])
      .where('customer_id', '=', c.id)
      .execute();
    expect(consent).toHaveLength(2);
    expect(consent.every((e) => e.channel === 'sms' && !e.granted && e.source === 'inbound_stop')).toBe(true);
    const replay = await post(inbound(), fields);
    expect(replay.statusCode).toBe(409);
    const stored = await t.db.kysely
      .selectFrom('inbound_messages')
      .select('keyword')
      .where('customer_id', '=', c.id)
      .execute();
    expect(stored).toEqual([{ keyword: 'stop' }]);
  });

  it('answers HELP with the store’s help text and keeps other replies for agents', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { cell_phone: '+14165550178' });
    const help = await post(inbound(), {
      From: '+14165550178',
      To: SENDER,
      Body: 'help',
      MessageSid: `SM${'2'.repeat(32)}`,
    });
    expect(help.body).toContain('<Message>Alpha Motors service: 416-555-0100.</Message>');
    const reply = await post(inbound(), {
      From: '+14165550178',
      To: SENDER,
      Body: 'Can I come Tuesday?',
      MessageSid: `SM${'3'.repeat(32)}`,
    });
    expect(reply.statusCode).toBe(200);
    const rows = await t.db.kysely
      .selectFrom('inbound_messages')
      .select(['keyword', 'body'])
      .where('customer_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { keyword: 'help', body: 'help' },
      { keyword: 'message', body: 'Can I come Tuesday?' },
    ]);
  });

  it('refuses a forged signature and changes nothing', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { cell_phone: '+14165550179' });
    const fields = { From: '+14165550179', To: SENDER, Body: 'STOP', MessageSid: `SM${'4'.repeat(32)}` };
    const forged = await post(
      inbound(),
      fields,
      twilioSignature('wrong-token', `http://localhost${inbound()}`, fields),
    );
    expect(forged.statusCode).toBe(403);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: inbound(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(unsigned.statusCode).toBe(403);
    const after = await t.db.kysely
      .selectFrom('customers')
      .select('cell_phone_on')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.cell_phone_on).toBe(true);
    const otherStore = await post(`/api/webhooks/twilio/${t.storeB.id}/inbound`, fields);
    expect(otherStore.statusCode).toBe(404);
  });

  it('records delivery reports for our messages and ignores unknown ones', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const sid = `SM${'5'.repeat(32)}`;
    const { created } = await insertMessages(
      t.db.kysely,
      [outboxMessage(c, t.clock.now(), { channel: 'sms', target: c.cell_phone, html: null, text: 'hi' })],
      t.clock.now(),
    );
    const id = created[0]?.id ?? 0;
    await t.db.kysely
      .updateTable('outbox_messages')
      .set({ status: 'sent', provider: 'twilio', provider_message_id: sid })
      .where('id', '=', id)
      .execute();
    const status = `/api/webhooks/twilio/${t.storeA.id}/status`;
    expect((await post(status, { MessageSid: sid, MessageStatus: 'delivered' })).statusCode).toBe(204);
    const row = await t.db.kysely
      .selectFrom('outbox_messages')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    const unknown = await post(status, {
      MessageSid: `SM${'6'.repeat(32)}`,
      MessageStatus: 'failed',
      ErrorCode: '30003',
    });
    expect(unknown.statusCode).toBe(204);
  });
});
