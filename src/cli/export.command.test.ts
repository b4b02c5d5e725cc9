import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { captureStreams } from '../../test/support/streams.ts';
import { buildCustomer, buildStore } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import { createExportRunsService } from '../exports/export-runs.service.ts';
import { createExportTargetsService } from '../exports/export-targets.service.ts';
import { UploadError } from '../exports/upload.ts';
import { fixedClock } from '../shared/clock.ts';
import { runExport } from './export.command.ts';

let db: Db;
let dir: string;
beforeAll(async () => {
  db = await openTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'forecourt-export-cli-'));
  const store = await buildStore(db.kysely, { code: 'EXP' });
  await buildCustomer(db.kysely, store.id, { first_name: 'Cli', last_name: 'Export' });
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const runs = () => {
  const clock = fixedClock('2026-06-15T12:00:00Z');
  const targets = createExportTargetsService({ db: db.kysely, clock, secretsKey: randomBytes(32) });
  return createExportRunsService({
    db: db.kysely,
    clock,
    targets,
    dataDir: dir,
    uploaderFor: () => ({
      upload: () => Promise.reject(new UploadError('unreachable', 'Nothing answers at ftp.example.test:21.')),
    }),
  });
};

describe('forecourt export', () => {
  it('--out writes the partner file with its rows and uploads nothing', async () => {
    const store = await db.kysely.selectFrom('stores').select('id').where('code', '=', 'EXP').executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('export_targets')
      .values({ store_id: store.id, kind: 'customerlink', settings: JSON.stringify({ accountNumber: 'A1' }) })
      .execute();
    const out = path.join(dir, 'cl.csv');
    const io = captureStreams();
    const code = await runExport({
      db,
      runs: runs(),
      target: 'CustomerLink',
      storeCode: 'EXP',
      out,
      stdout: io.out,
      stderr: io.err,
    });
    expect(code, io.text.err).toBe(0);
    expect(io.text.out).toMatch(/CustomerLink: wrote CL_A1_20260615\.csv \(1 rows, \d+ bytes\) to /);
    expect(await readFile(out, 'utf8')).toContain('Cli,Export');
  });

  it('says why a run cannot send, and refuses unknown targets and stores', async () => {
    const off = captureStreams();
    expect(
      await runExport({ db, runs: runs(), target: 'customerlink', storeCode: 'EXP', stdout: off.out, stderr: off.err }),
    ).toBe(1);
    expect(off.text.err).toMatch(/switched off/);
    const bad = captureStreams();
    expect(
      await runExport({ db, runs: runs(), target: 'dropbox', storeCode: 'EXP', stdout: bad.out, stderr: bad.err }),
    ).toBe(2);
    expect(bad.text.err).toContain('use customerlink, mechanicnet, carfax');
    const none = captureStreams();
    expect(
      await runExport({ db, runs: runs(), target: 'carfax', storeCode: 'NOPE', stdout: none.out, stderr: none.err }),
    ).toBe(2);
  });
});
