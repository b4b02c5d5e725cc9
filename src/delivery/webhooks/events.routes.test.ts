import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildCustomer } from '../../../test/support/factories.ts';
import { outboxMessage } from '../../../test/support/outbox.ts';
import { insertMessages } from '../outbox.store.ts';
import { hmacSignature } from './signatures.ts';

let t: TestApp;
const SECRET = 'esp-webhook-secret-0123456789';
let messageId: number;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await login(t.app, 'admin@example.test');
  const res = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/email`, {
    provider: 'smtp',
    settings: { host: '127.0.0.1', port: 2525, from: 'service@alpha.test' },
    secrets: { webhookSecret: SECRET },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = await buildCustomer(t.db.kysely, t.storeA.id);
  const { created } = await insertMessages(t.db.kysely, [outboxMessage(c, t.clock.now())], t.clock.now());
  messageId = created[0]?.id ?? 0;
  await t.db.kysely
    .updateTable('outbox_messages')
    .set({ status: 'sent', provider: 'smtp', provider_message_id: '<esp-1@alpha.test>' })
    .where('id', '=', messageId)
    .execute();
});
afterAll(() => t.close());

function post(body: string, opts: { ts?: number; secret?: string } = {}) {
  const ts = String(opts.ts ?? Math.floor(t.clock.now().getTime() / 1000));
  return t.app.inject({
    method: 'POST',
    url: `/api/webhooks/events/${t.storeA.id}/email`,
    headers: {
      'content-type': 'application/json',
      'x-forecourt-timestamp': ts,
      'x-forecourt-signature': hmacSignature(opts.secret ?? SECRET, ts, body),
    },
    payload: body,
  });
}

describe('generic signed provider events', () => {
  it('records a signed event once, refuses the replay, a stale timestamp and a forged signature', async () => {
    const body = JSON.stringify({
      events: [
        { messageId: '<esp-1@alpha.test>', event: 'delivered' },
        { messageId: '<nope@x>', event: 'bounced' },
      ],
    });
    const stale = await post(body, { ts: Math.floor(t.clock.now().getTime() / 1000) - 3600 });
    expect(stale.statusCode).toBe(403);
    const forged = await post(body, { secret: 'guess' });
    expect(forged.statusCode).toBe(403);
    const ok = await post(body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ recorded: 1, unknown: 1 });
    const replay = await post(body);
    expect(replay.statusCode).toBe(409);
    const row = await t.db.kysely
      .selectFrom('outbox_messages')
      .select('status')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    const bad = await post('{"events": "nope"}');
    expect(bad.statusCode).toBe(400);
  });
});
