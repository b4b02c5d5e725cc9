import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildUser } from '../../test/support/factories.ts';

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

const url = () => `/api/stores/${t.storeA.id}/settings`;

describe('store settings', () => {
  it('shows the seeds’ defaults', async () => {
    const body = (await agent.get(url())).json();
    expect(body).toMatchObject({
      code: 'AAA',
      timeZone: 'America/Toronto',
      sendWindowStart: '08:00',
      sendWindowEnd: '21:00',
      emailBounceLimit: 3,
      voiceImpossibleBlockDays: 14,
      voiceImpossibleForeverAt: 3,
      homeBusyForeverAt: 3,
      campaignImpossibleForeverAfter: 5,
      emailRedDays: 90,
    });
  });

  it('lets a manager change them, audited', async () => {
    const res = await manager.send('PATCH', url(), {
      timeZone: 'America/Regina',
      emailBounceLimit: 5,
      feedbackUrl: 'mailto:service@alpha.example',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ timeZone: 'America/Regina', emailBounceLimit: 5 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'store.settings_changed')
      .executeTakeFirstOrThrow();
    expect(audit.user_id).not.toBeNull();
  });

  it('refuses agents', async () => {
    expect((await agent.send('PATCH', url(), { emailBounceLimit: 2 })).statusCode).toBe(403);
  });

  it('explains bad values: time zone, bounce limit, window, unknown fields', async () => {
    const tz = await manager.send('PATCH', url(), { timeZone: 'Eastern' });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.message).toMatch(/IANA time zone such as America\/Toronto/);
    const limit = await manager.send('PATCH', url(), { emailBounceLimit: 12 });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.message).toMatch(/emailBounceLimit/);
    const window = await manager.send('PATCH', url(), { sendWindowStart: '21:00', sendWindowEnd: '09:00' });
    expect(window.statusCode).toBe(400);
    expect(window.json().error.message).toMatch(/before sendWindowEnd/);
    expect((await manager.send('PATCH', url(), { color: 'red' })).statusCode).toBe(400);
  });
});
