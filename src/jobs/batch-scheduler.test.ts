import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildStore } from '../../test/support/factories.ts';
import type { BatchRunService, RunOptions } from '../campaigns/batch-run.service.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';
import type { Db } from '../db/connect.ts';
import type { Store } from '../db/schema.ts';
import { fixedClock } from '../shared/clock.ts';
import { insertTemplate } from '../templates/templates.store.ts';
import { startBatchScheduler, type BatchScheduler } from './batch-scheduler.ts';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
const clock = fixedClock('2026-06-15T14:00:00Z');
let db: Db;
let store: Store;
let scheduler: BatchScheduler;
const calls: { scheduleId: number; at: Date | undefined }[] = [];
const runs = {
  run: (scheduleId: number, options: RunOptions = {}) => {
    calls.push({ scheduleId, at: options.at });
    return Promise.reject(new Error('not under test'));
  },
} as unknown as BatchRunService;

let seq = 0;
async function schedule(o: { recurrence: 'daily' | 'once'; onceAt?: Date; active?: boolean; runTime?: string }) {
  const k = db.kysely;
  const { template } = await k.transaction().execute((trx) =>
    insertTemplate(trx, {
      storeId: store.id,
      channel: 'email',
      contactType: 'general',
      language: 'en',
      purpose: 'service',
      name: `T${++seq}`,
      subject: 'Hi',
      body: 'Hi',
      createdBy: null,
    }),
  );
  const ct = await k
    .selectFrom('contact_types')
    .select('id')
    .where('store_id', '=', store.id)
    .where('key', '=', 'general')
    .executeTakeFirstOrThrow();
  const row = await k
    .insertInto('batch_schedules')
    .values({
      store_id: store.id,
      name: `S${seq}`,
      recurrence: o.recurrence,
      channel: 'email',
      kind: 'contact_type',
      contact_type_id: ct.id,
      template_id: template.id,
      daily_limit: 10,
      run_time: o.runTime ?? '09:30',
      once_at: o.onceAt ?? null,
      active: o.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  db = await openTestDb();
  store = await buildStore(db.kysely, { timeZone: 'America/Vancouver' });
  await ensureContactDefaults(db.kysely, store.id);
});
afterAll(async () => {
  await scheduler.stop();
  await db.close();
});

describe('the batch scheduler', () => {
  it('gives each active daily schedule a cron entry in its store’s zone and starts due campaigns once', async () => {
    const daily = await schedule({ recurrence: 'daily', runTime: '08:15' });
    const off = await schedule({ recurrence: 'daily', active: false });
    const due = await schedule({ recurrence: 'once', onceAt: new Date('2026-06-15T13:00:00Z') });
    const later = await schedule({ recurrence: 'once', onceAt: new Date('2026-06-16T13:00:00Z') });
    scheduler = await startBatchScheduler({ db, clock, logger, runs });
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`
      select name, cron, timezone from pgboss.schedule order by name`.execute(db.kysely);
    expect(rows).toEqual([{ name: `batch-schedule-${daily}`, cron: '15 8 * * 1-5', timezone: 'America/Vancouver' }]);
    expect(rows.some((r) => r.name.endsWith(`-${off}`))).toBe(false);

    // The run service refuses here, so nothing is recorded and the campaign stays due; the call is what counts.
    await expect(scheduler.runDueCampaigns()).rejects.toThrow('not under test');
    expect(calls).toEqual([{ scheduleId: due, at: clock.now() }]);
    expect(calls.some((c) => c.scheduleId === later)).toBe(false);

    // Once its run is done it is not started again.
    await db.kysely
      .insertInto('batch_runs')
      .values({
        store_id: store.id,
        schedule_id: due,
        run_date: '2026-06-15',
        status: 'done',
        as_of: clock.now(),
        started_at: clock.now(),
      })
      .execute();
    calls.length = 0;
    expect(await scheduler.runDueCampaigns()).toBe(0);
    expect(calls).toEqual([]);
  });
});
