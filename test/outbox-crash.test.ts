import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type Db } from '../src/db/connect.ts';
import { deliveryKey } from '../src/delivery/delivery-key.rules.ts';
import { insertMessages } from '../src/delivery/outbox.store.ts';
import { TEMPLATE_DB, withDatabase } from './support/db-names.ts';
import { buildCustomer, buildStore } from './support/factories.ts';
import { outboxMessage } from './support/outbox.ts';

/**
 * The outbox's promise under a crash: a worker killed with SIGKILL in the middle of a run loses
 * nothing, and after a restart every message is sent; only messages that were in flight at the
 * kill may reach the provider twice (this provider ignores idempotency keys).
 */
const MESSAGES = 120;
const CONCURRENCY = 5;
const ROOT = path.resolve(import.meta.dirname, '..');

let recorder: Server;
let recorderUrl = '';
const calls: string[] = [];
let env: NodeJS.ProcessEnv;
let open: () => Promise<Db>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  recorder = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push((JSON.parse(body) as { key: string }).key);
      setTimeout(() => res.end(`rec-${calls.length}`), 15); // a provider takes a moment
    });
  });
  await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
  const address = recorder.address();
  recorderUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/send`;

  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `forecourt_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    env = { DATABASE_URL: dbUrl };
    open = () => openPostgres(dbUrl, 2);
    cleanup = async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-crash-'));
    const first = await openPGlite({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(inject('templateDump'))]) });
    await first.close();
    env = { FORECOURT_DATA_DIR: dir, DATABASE_URL: '' };
    open = () => openPGlite({ dataDir: dir });
    cleanup = () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true }));
  }

  const db = await open();
  const store = await buildStore(db.kysely, { code: 'CRS', name: 'Crash Motors', timeZone: 'America/Toronto' });
  const now = new Date();
  for (let i = 0; i < MESSAGES; i++) {
    const c = await buildCustomer(db.kysely, store.id);
    await insertMessages(
      db.kysely,
      [
        outboxMessage(c, now, {
          deliveryKey: deliveryKey({ sourceKind: 'batch', sourceRef: 'crash', customerId: c.id, channel: 'email' }),
          sourceKind: 'batch',
          sourceRef: 'crash',
        }),
      ],
      now,
    );
  }
  await db.close();
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => recorder.close(() => r()));
  await cleanup();
});

function startWorker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/outbox-worker.child.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, RECORDER_URL: recorderUrl, CONCURRENCY: String(CONCURRENCY), LEASE_MS: '1500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code)));

describe('outbox under a crash', () => {
  it('loses nothing when a worker is killed mid-send; only in-flight messages may repeat', async () => {
    const first = startWorker();
    const firstExit = exited(first);
    let stderr = '';
    first.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const deadline = Date.now() + 60_000;
    while (calls.length < MESSAGES / 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(calls.length, stderr).toBeGreaterThanOrEqual(MESSAGES / 3);
    first.kill('SIGKILL');
    expect(await firstExit).toBe(-1);
    const callsAtKill = calls.length;

    const db = await open();
    const inFlight = await db.kysely
      .selectFrom('outbox_messages')
      .select('delivery_key')
      .where('status', '=', 'sending')
      .execute();
    await db.close();
    expect(callsAtKill).toBeLessThan(MESSAGES);

    const second = startWorker();
    let out = '';
    second.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    second.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    expect(await exited(second), out).toBe(0);

    const check = await open();
    const rows = await check.kysely.selectFrom('outbox_messages').select(['delivery_key', 'status']).execute();
    await check.close();
    expect(rows).toHaveLength(MESSAGES);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const keys = new Set(rows.map((r) => r.delivery_key));
    expect(new Set(calls)).toEqual(keys);

    const seen = new Map<string, number>();
    for (const k of calls) seen.set(k, (seen.get(k) ?? 0) + 1);
    const repeated = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
    const inFlightKeys = new Set(inFlight.map((r) => r.delivery_key));
    expect(repeated.every((k) => inFlightKeys.has(k))).toBe(true);
    expect(inFlight.length).toBeLessThanOrEqual(20); // at most one claimed batch
  }, 120_000);
});
