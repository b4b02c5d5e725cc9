import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle } from '../../test/support/factories.ts';
import { closedPort, FTP_PASSWORD, startFtp, type TestFtp } from '../../test/support/ftp-server.ts';
import type { Db } from '../db/connect.ts';
import type { Store, User } from '../db/schema.ts';
import { fixedClock } from '../shared/clock.ts';
import { createExportRunsService } from './export-runs.service.ts';
import { createExportTargetsService } from './export-targets.service.ts';
import { createFtpUploader } from './ftp.uploader.ts';
import { createSftpUploader } from './sftp.uploader.ts';

const AT = new Date('2026-06-15T06:00:00Z'); // 02:00 in Toronto
let db: Db;
let ftp: TestFtp;
let dataDir: string;
let admin: User;
const clock = fixedClock(AT);
const secretsKey = randomBytes(32);

function services() {
  const targets = createExportTargetsService({ db: db.kysely, clock, secretsKey });
  const runs = createExportRunsService({
    db: db.kysely,
    clock,
    targets,
    dataDir,
    timeoutMs: 5_000,
    uploaderFor: (c, p) => (c.protocol === 'sftp' ? createSftpUploader(c, p) : createFtpUploader(c, p)),
  });
  return { targets, runs };
}

async function storeWithCustomers(): Promise<Store> {
  const store = await buildStore(db.kysely, { addressLine1: '1 Main St', city: 'Toronto', phone: '+14165550100' });
  const keep = await buildCustomer(db.kysely, store.id, {
    first_name: 'Keep',
    last_name: 'Mailable',
    email: 'keep@example.test',
  });
  await buildVehicle(db.kysely, keep, { vin: '2HGFC2F59KH500001' });
  await buildCustomer(db.kysely, store.id, { first_name: 'Never', last_name: 'Mailme', do_not_mail: true });
  await buildCustomer(db.kysely, store.id, {
    first_name: 'Quiet',
    last_name: 'Email',
    email: 'quiet@example.test',
    email_on: false,
  });
  return store;
}

async function enable(store: Store, port: number, over: { password?: string; allowPrivateHost?: boolean } = {}) {
  return services().targets.save(
    store.id,
    'customerlink',
    {
      enabled: true,
      confirm: true,
      settings: { accountNumber: 'CL-42', host: '127.0.0.1', port, user: 'dealer', directory: 'in' },
      password: over.password ?? FTP_PASSWORD,
      allowPrivateHost: over.allowPrivateHost ?? true,
    },
    { userId: admin.id, role: 'admin' },
  );
}

beforeAll(async () => {
  db = await openTestDb();
  ftp = await startFtp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'forecourt-exports-'));
  admin = await buildUser(db.kysely, { role: 'admin' });
});
afterAll(async () => {
  await ftp.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('export runs against an FTP server on 127.0.0.1', () => {
  it('writes the extract, uploads it and records file, rows, bytes and destination', async () => {
    const store = await storeWithCustomers();
    await enable(store, ftp.port);
    const run = await services().runs.run(store.id, 'customerlink', { trigger: 'manual', userId: admin.id });
    expect(run).toMatchObject({ status: 'uploaded', file_name: 'CL_CL-42_20260615.csv', row_count: 2, attempts: 1 });
    expect(run.destination).toMatch(/^ftp:\/\/dealer@127\.0\.0\.1:\d+\/in → /);
    const remote = await readFile(path.join(ftp.root, 'in', 'CL_CL-42_20260615.csv'), 'utf8');
    expect(Number(run.bytes)).toBe(Buffer.byteLength(remote));
    expect(remote).toContain('Keep,Mailable');
    expect(remote).toContain('2HGFC2F59KH500001');
    // Do Not Mail customers are left out; an e-mail address switched off is blank.
    expect(remote).not.toContain('Mailme');
    expect(remote).not.toContain('quiet@example.test');
    expect(remote).toContain('Quiet,Email');
    expect(remote).not.toContain(FTP_PASSWORD);
    // The file stays in the data folder.
    expect((await stat(run.file_path ?? '')).size).toBe(Number(run.bytes));
  });

  it('a wrong password fails with the reason, keeps the file and retries with backoff until it gives up', async () => {
    const store = await storeWithCustomers();
    await enable(store, ftp.port, { password: 'wrong-password' });
    const { runs } = services();
    const first = await runs.run(store.id, 'customerlink', { trigger: 'schedule' });
    expect(first).toMatchObject({ status: 'retrying', error_code: 'auth_failed', attempts: 1 });
    expect(first.error).toMatch(/refused the user name or password.*Retrying after attempt 1 of 4/);
    expect(first.error).not.toContain('wrong-password');
    expect(first.next_attempt_at?.getTime()).toBe(AT.getTime() + 5 * 60_000);
    expect(await runs.retryDue()).toBe(0); // not yet due
    for (const minutes of [5, 15, 45]) {
      clock.advance(minutes * 60_000);
      expect(await runs.retryDue()).toBe(1);
    }
    const last = await db.kysely
      .selectFrom('export_runs')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ status: 'failed', attempts: 4, error_code: 'auth_failed', next_attempt_at: null });
    expect((await stat(last.file_path ?? '')).isFile()).toBe(true);
    clock.set(AT);
  });

  it('a retry after the password is fixed uploads the same file', async () => {
    const store = await storeWithCustomers();
    await enable(store, ftp.port, { password: 'wrong-password' });
    const { runs, targets } = services();
    const first = await runs.run(store.id, 'customerlink', { trigger: 'schedule' });
    expect(first.status).toBe('retrying');
    await targets.save(store.id, 'customerlink', { password: FTP_PASSWORD }, { userId: admin.id, role: 'admin' });
    clock.advance(5 * 60_000);
    expect(await runs.retryDue()).toBe(1);
    clock.set(AT);
    const after = await db.kysely
      .selectFrom('export_runs')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'uploaded', attempts: 2, error: null });
  });

  it('an unreachable host and a full disk say why', async () => {
    const store = await storeWithCustomers();
    await enable(store, await closedPort());
    const down = await services().runs.run(store.id, 'customerlink', { trigger: 'manual' });
    expect(down).toMatchObject({ status: 'retrying', error_code: 'unreachable' });
    const full = await startFtp({ fullDisk: true });
    try {
      const store2 = await storeWithCustomers();
      await enable(store2, full.port);
      const run = await services().runs.run(store2.id, 'customerlink', { trigger: 'manual' });
      expect(run).toMatchObject({ status: 'retrying', error_code: 'remote_full' });
      expect(run.error).toMatch(/space|full/i);
    } finally {
      await full.close();
    }
  });

  it('a loopback host is refused unless an administrator allowed it, and that does not retry', async () => {
    const store = await storeWithCustomers();
    await enable(store, ftp.port, { allowPrivateHost: false });
    const before = ftp.connections();
    const run = await services().runs.run(store.id, 'customerlink', { trigger: 'manual' });
    expect(run).toMatchObject({ status: 'failed', error_code: 'host_refused', attempts: 1 });
    expect(run.error).toMatch(/127\.0\.0\.1.*administrator/);
    expect(ftp.connections()).toBe(before);
  });

  it('--out writes the file for the user and sends nothing, even while the target is off', async () => {
    const store = await storeWithCustomers();
    const { targets, runs } = services();
    await targets.save(
      store.id,
      'carfax',
      { settings: { host: 'ftp.example.test' } },
      { userId: admin.id, role: 'admin' },
    );
    await expect(runs.run(store.id, 'carfax', { trigger: 'manual' })).rejects.toThrow(/switched off/);
    const out = path.join(dataDir, 'carfax-out.csv');
    const run = await runs.run(store.id, 'carfax', { trigger: 'cli', out });
    expect(run).toMatchObject({ status: 'written', destination: out, row_count: 0 });
    expect(await readFile(out, 'utf8')).toMatch(/^Repair Order Date,Repair Order Number,VIN/);
  });
});
