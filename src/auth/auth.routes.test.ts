import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../../test/support/app.ts';
import { TEST_PASSWORD } from '../../test/support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sessions', () => {
  it('logs in with an HttpOnly, SameSite session cookie and returns the CSRF token and visible stores', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Agent.A@example.test', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'forecourt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.stores.map((s: { code: string }) => s.code)).toEqual(['AAA']);
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('refuses a wrong password with the same message as an unknown e-mail', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'agent.b@example.test', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@example.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('gives an actionable 400 for a malformed login body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect(res.json().error.message).toMatch(/password/);
  });

  it('rate-limits repeated failed logins for one account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'target@example.test', password: `guess${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const c = await login(t.app, 'agent.a@example.test');
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, origin: 'https://evil.example', host: 'localhost' },
    });
    expect(crossSite.statusCode).toBe(403);
    const ok = await c.post('/api/auth/logout');
    expect(ok.statusCode).toBe(204);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const c = await login(t.app, 'agent.a@example.test');
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(13 * 3_600_000);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await t.db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'admin@example.test')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses anonymous calls and serves health and the OpenAPI document publicly', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/stores' })).statusCode).toBe(401);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok' });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const route of [
      '/api/health',
      '/api/auth/login',
      '/api/stores',
      '/api/stores/{storeId}/customers',
      '/api/customers/{customerId}',
      '/api/stores/{storeId}/imports/{kind}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
  });
});
