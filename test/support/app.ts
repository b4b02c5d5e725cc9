import { pino } from 'pino';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/connect.ts';
import type { Store, User } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openTestDb } from './db.ts';
import { buildStore, buildUser, TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  storeA: Store;
  storeB: Store;
  admin: User;
  agentA: User;
  agentB: User;
  /** The app's master key (to sign unsubscribe links in tests). */
  masterKey: Buffer;
  /** A data folder of its own (print files), removed on close. */
  dataDir: string;
  close(): Promise<void>;
}

/** A migrated database with two stores, an admin and one agent per store, and the app over it. */
export async function startTestApp(): Promise<TestApp> {
  const db = await openTestDb();
  const clock = fixedClock('2026-06-15T14:00:00Z');
  const storeA = await buildStore(db.kysely, { code: 'AAA', name: 'Alpha Motors' });
  const storeB = await buildStore(db.kysely, { code: 'BBB', name: 'Bravo Auto' });
  const admin = await buildUser(db.kysely, { role: 'admin', email: 'admin@example.test' });
  const agentA = await buildUser(db.kysely, { role: 'agent', storeIds: [storeA.id], email: 'agent.a@example.test' });
  const agentB = await buildUser(db.kysely, { role: 'agent', storeIds: [storeB.id], email: 'agent.b@example.test' });
  const masterKey = randomBytes(32);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'forecourt-app-'));
  const app = await buildApp({
    masterKey,
    config: { publicUrl: 'http://localhost', secureCookies: false, sessionTtlHours: 12, dataDir },
    db,
    clock,
    webDist: '/nonexistent',
    ...(process.env.TEST_APP_LOG ? { logger: pino({ level: 'error' }) } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    storeA,
    storeB,
    admin,
    agentA,
    agentB,
    masterKey,
    dataDir,
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in client for app.inject: carries the cookie and the CSRF header. */
export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: object): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
  return {
    csrfToken,
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, body, headers = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
      }),
    send: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { payload: body }),
      }),
  };
}
