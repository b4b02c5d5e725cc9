import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { buildCustomer } from '../../test/support/factories.ts';
import { purposeKey } from '../shared/secret-key.ts';
import { signUnsubscribe } from './unsubscribe-token.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tokenFor = (customerId: number, storeId: number) =>
  signUnsubscribe(
    { customerId, storeId, channel: 'email', purpose: 'marketing', messageId: 12, issuedAt: t.clock.now() },
    purposeKey(t.masterKey, 'unsubscribe'),
  );

const events = (customerId: number) =>
  t.db.kysely
    .selectFrom('consent_events')
    .select(['channel', 'purpose', 'granted', 'source', 'actor_user_id', 'wording'])
    .where('customer_id', '=', customerId)
    .execute();

describe('unsubscribe links', () => {
  it('shows a confirmation page in the customer’s language and changes nothing on GET', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { language: 'fr', email: 'renee@example.test' });
    const res = await t.app.inject({ method: 'GET', url: `/u/${tokenFor(c.id, t.storeA.id)}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Me désabonner');
    expect(res.body).toContain('renee@example.test');
    expect(res.body).not.toContain('<script');
    expect(await events(c.id)).toEqual([]);
  });

  it('unsubscribes on a one-click POST without cookies, recording the customer as the source', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/u/${tokenFor(c.id, t.storeA.id)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('You are unsubscribed');
    expect(await events(c.id)).toEqual([
      {
        channel: 'email',
        purpose: 'marketing',
        granted: false,
        source: 'unsubscribe',
        actor_user_id: null,
        wording: 'Unsubscribe link in message #12',
      },
    ]);
  });

  it('refuses a forged or altered token and changes nothing', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const good = tokenFor(c.id, t.storeA.id);
    const forged = `${good.slice(0, -4)}AAAA`;
    const res = await t.app.inject({ method: 'POST', url: `/u/${forged}`, payload: '' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('not valid');
    const wrongStore = tokenFor(c.id, t.storeB.id);
    expect((await t.app.inject({ method: 'POST', url: `/u/${wrongStore}` })).statusCode).toBe(404);
    expect(await events(c.id)).toEqual([]);
  });
});
