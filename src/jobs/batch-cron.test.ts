import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import type { Db } from '../db/connect.ts';
import { createBatchCron, type BatchCron, type BatchCronSchedule } from './batch-cron.ts';
import { openBoss, stopBoss } from './boss.ts';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });

let db: Db;
let boss: PgBoss;
let cron: BatchCron;
const runs: { scheduleId: number; firedAt: Date }[] = [];
const failing = new Set<number>();

beforeAll(async () => {
  db = await openTestDb();
  boss = await openBoss(db, logger);
  cron = createBatchCron({
    boss,
    logger,
    pollingIntervalSeconds: 0.5,
    onRun: async (scheduleId, firedAt) => {
      if (failing.has(scheduleId)) throw new Error('provider down');
      runs.push({ scheduleId, firedAt });
    },
  });
});
afterAll(async () => {
  await cron.stop();
  await stopBoss(boss);
  await db.close();
});

const toronto: BatchCronSchedule = {
  id: 1,
  runTime: '09:30',
  runDays: [1, 2, 3, 4, 5],
  timeZone: 'America/Toronto',
  active: true,
};
const paris: BatchCronSchedule = { id: 2, runTime: '07:00', runDays: [6, 7], timeZone: 'Europe/Paris', active: true };
const paused: BatchCronSchedule = { ...toronto, id: 3, active: false };

interface Row {
  name: string;
  cron: string;
  timezone: string;
  updated_on: Date;
}
async function scheduleRows(): Promise<Row[]> {
  const { rows } = await sql<Row>`select name, cron, timezone, updated_on from pgboss.schedule order by name`.execute(
    db.kysely,
  );
  return rows;
}
async function queueRows(): Promise<{ name: string; policy: string; updated_on: Date }[]> {
  const { rows } = await sql<{ name: string; policy: string; updated_on: Date }>`
    select name, policy, updated_on from pgboss.queue where name like 'batch-schedule-%' order by name`.execute(
    db.kysely,
  );
  return rows;
}

async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('batch cron', () => {
  it('gives each active schedule a cron entry at its run time in its store zone', async () => {
    await cron.sync([toronto, paris, paused]);
    expect((await scheduleRows()).map(({ name, cron, timezone }) => ({ name, cron, timezone }))).toEqual([
      { name: 'batch-schedule-1', cron: '30 9 * * 1-5', timezone: 'America/Toronto' },
      { name: 'batch-schedule-2', cron: '0 7 * * 0,6', timezone: 'Europe/Paris' },
    ]);
    expect((await queueRows()).map((q) => [q.name, q.policy])).toEqual([
      ['batch-schedule-1', 'stately'],
      ['batch-schedule-2', 'stately'],
    ]);
  });

  it('changes nothing when synced again with the same list', async () => {
    const [schedules, queues] = [await scheduleRows(), await queueRows()];
    await cron.sync([toronto, paris, paused]);
    expect(await scheduleRows()).toEqual(schedules);
    expect(await queueRows()).toEqual(queues);
  });

  it('moves a schedule whose run time or zone changed', async () => {
    await cron.sync([{ ...toronto, runTime: '10:15', timeZone: 'America/Vancouver' }, paris, paused]);
    expect((await scheduleRows())[0]).toMatchObject({ cron: '15 10 * * 1-5', timezone: 'America/Vancouver' });
  });

  it('calls onRun with the schedule id when its queue gets a job', async () => {
    runs.length = 0;
    await boss.send('batch-schedule-2', {});
    const run = await waitFor(() => runs[0]);
    expect(run.scheduleId).toBe(2);
    expect(run.firedAt).toBeInstanceOf(Date);
  });

  it('fails the job of a run that throws, and keeps the other schedules running', async () => {
    failing.add(1);
    const id = await boss.send('batch-schedule-1', {});
    if (!id) throw new Error('job not created');
    // One retry is allowed (a minute later), so a first failure leaves the job waiting to retry.
    const job = await waitFor(async () => {
      const j = await boss.getJobById('batch-schedule-1', id);
      return j && j.state !== 'created' && j.state !== 'active' ? j : undefined;
    });
    expect(job.state).toBe('retry');
    runs.length = 0;
    await boss.send('batch-schedule-2', {});
    expect((await waitFor(() => runs[0])).scheduleId).toBe(2);
  });

  it('removes the cron entry, queue and worker of a schedule that is gone or paused', async () => {
    await cron.sync([{ ...paris, active: false }]);
    expect(await scheduleRows()).toEqual([]);
    expect(await queueRows()).toEqual([]);
    runs.length = 0;
    await cron.sync([paris]);
    await boss.send('batch-schedule-2', {});
    expect((await waitFor(() => runs[0])).scheduleId).toBe(2);
    expect((await scheduleRows()).map((r) => r.name)).toEqual(['batch-schedule-2']);
  });

  it('logs and skips a schedule it cannot schedule, and still syncs the rest', async () => {
    await cron.sync([{ ...toronto, timeZone: 'Mars/Olympus' }, paris]);
    expect((await scheduleRows()).map((r) => r.name)).toEqual(['batch-schedule-2']);
  });
});

describe('db.executeSql (the pg-boss adapter)', () => {
  it('leaves no aborted transaction behind after a failing multi-statement text', async () => {
    await expect(db.executeSql('begin; select 1; select 1/0; commit')).rejects.toThrow(/division by zero/);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db.kysely);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('does not run inside a Kysely transaction that is open at the same time', async () => {
    await db.executeSql('create table exec_probe (n int)');
    const trx = db.kysely
      .transaction()
      .execute(async (t) => {
        await sql`insert into exec_probe values (1)`.execute(t);
        await new Promise((r) => setTimeout(r, 100));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    await db.executeSql('insert into exec_probe values ($1)', [2]);
    await trx;
    expect((await db.executeSql('select n from exec_probe')).rows).toEqual([{ n: 2 }]);
  });
});
