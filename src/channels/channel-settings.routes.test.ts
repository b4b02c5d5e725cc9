import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildUser } from '../../test/support/factories.ts';

let t: TestApp;
let admin: Client;
let manager: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  admin = await login(t.app, 'admin@example.test');
  manager = await login(t.app, 'manager.a@example.test');
});
afterAll(() => t.close());

const smtp = {
  provider: 'smtp',
  settings: { host: 'smtp.dealer.test', port: 587, from: 'Alpha Motors <service@alpha.test>' },
  secrets: { password: 'correct-horse-SMTP-secret' },
};

describe('store channel settings', () => {
  it('defaults every channel to the local outbox, and voice drops to the local simulator', async () => {
    const res = await admin.get(`/api/stores/${t.storeA.id}/channels`);
    expect(
      res.json<{ channels: { channel: string; provider: string }[] }>().channels.map((c) => [c.channel, c.provider]),
    ).toEqual([
      ['email', 'outbox'],
      ['sms', 'outbox'],
      ['print', 'outbox'],
      ['voice', 'voice_simulator'],
    ]);
  });

  it('stores secrets sealed, never returns or audits them, and keeps them when left out', async () => {
    const saved = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/email`, smtp);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('correct-horse');
    expect(saved.json()).toMatchObject({ provider: 'smtp', secretsSet: ['password'] });
    const row = await t.db.kysely.selectFrom('store_channels').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('correct-horse');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'channel.updated')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('correct-horse');
    const again = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/email`, { ...smtp, secrets: undefined });
    expect(again.json()).toMatchObject({ secretsSet: ['password'] });
    const read = await manager.get(`/api/stores/${t.storeA.id}/channels`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('correct-horse');
  });

  it('refuses bad settings with a message naming the field, and non-administrators', async () => {
    const bad = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/sms`, {
      provider: 'twilio',
      settings: { accountSid: 'nope', senders: ['+14165550100'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('accountSid');
    const wrongChannel = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/sms`, { provider: 'smtp' });
    expect(wrongChannel.statusCode).toBe(400);
    expect((await manager.send('PUT', `/api/stores/${t.storeA.id}/channels/email`, smtp)).statusCode).toBe(403);
  });
});
