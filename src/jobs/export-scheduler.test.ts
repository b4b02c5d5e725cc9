import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildStore, buildUser } from '../../test/support/factories.ts';
import type { BatchRunService } from '../campaigns/batch-run.service.ts';
import type { Db } from '../db/connect.ts';
import { fixedClock } from '../shared/clock.ts';
import { startBatchScheduler, type BatchScheduler } from './batch-scheduler.ts';
import { startExportScheduler, type ExportScheduler } from './export-scheduler.ts';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
let db: Db;
let batches: BatchScheduler;
let exportsCron: ExportScheduler;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await exportsCron.stop();
  await batches.stop();
  await db.close();
});

describe('the export scheduler', () => {
  it('gives each switched-on target a nightly cron entry at its time in the store’s zone, beside the batches', async () => {
    const store = await buildStore(db.kysely, { timeZone: 'America/Halifax' });
    const user = await buildUser(db.kysely, { role: 'admin' });
    const on = await db.kysely
      .insertInto('export_targets')
      .values({
        store_id: store.id,
        kind: 'carfax',
        enabled: true,
        run_time: '01:45',
        consent_by: user.id,
        consent_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely.insertInto('export_targets').values({ store_id: store.id, kind: 'customerlink' }).execute();
    batches = await startBatchScheduler({
      db,
      clock: fixedClock('2026-06-15T14:00:00Z'),
      logger,
      runs: {} as BatchRunService,
    });
    const ran: number[] = [];
    exportsCron = await startExportScheduler({
      db,
      boss: batches.boss,
      logger,
      pollingIntervalSeconds: 1,
      runs: {
        runScheduled: (id) => {
          ran.push(id);
          return Promise.resolve(null);
        },
      },
    });
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`
      select name, cron, timezone from pgboss.schedule order by name`.execute(db.kysely);
    expect(rows).toEqual([{ name: `export-target-${on.id}`, cron: '45 1 * * *', timezone: 'America/Halifax' }]);
    // A job sent by hand to the target's queue runs it.
    await batches.boss.send(`export-target-${on.id}`, {});
    await expect.poll(() => ran, { timeout: 20_000, interval: 200 }).toEqual([on.id]);
  }, 30_000);
});
