import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { BatchRunService } from '../campaigns/batch-run.service.ts';
import type { Db } from '../db/connect.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { createBatchCron, type BatchCron } from './batch-cron.ts';
import { openBoss, stopBoss } from './boss.ts';

export interface BatchScheduler {
  /** The process's pg-boss, for other crons (exports) to share. */
  readonly boss: PgBoss;
  /** Re-reads the schedules now (after one was created or changed in this process). */
  poke(): void;
  /** Starts one-off campaigns whose time has come; returns how many ran. */
  runDueCampaigns(): Promise<number>;
  stop(): Promise<void>;
}

const RESYNC_MS = 5 * 60_000;

/**
 * Batch runs on time: daily schedules through pg-boss cron (one entry per schedule at its run
 * time in the store's zone), one-off campaigns by a minute check of their send time. The cron is
 * re-synced from the table every few minutes and whenever this process changes a schedule, so a
 * schedule changed by another process is picked up within RESYNC_MS.
 */
export async function startBatchScheduler(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  runs: BatchRunService;
  pollingIntervalSeconds?: number;
}): Promise<BatchScheduler> {
  const { db, clock, logger, runs } = deps;
  const k = db.kysely;

  async function runOne(scheduleId: number, at: Date): Promise<void> {
    try {
      const report = await runs.run(scheduleId, { at });
      logger.info(
        {
          scheduleId,
          runId: report.runId,
          outcome: report.outcome,
          selected: report.selected,
          enqueued: report.enqueued,
          excluded: report.excluded,
        },
        'batch run',
      );
    } catch (err) {
      // A schedule that can no longer run (template switched off, query archived) is the manager's
      // to fix; retrying would not help, so it is logged with the reasons and not rethrown.
      if (err instanceof DomainError) logger.warn({ scheduleId, err: err.message }, 'batch run refused');
      else throw err;
    }
  }

  const boss = await openBoss(db, logger);
  const cron: BatchCron = createBatchCron({
    boss,
    logger,
    onRun: (scheduleId, firedAt) => runOne(scheduleId, firedAt),
    ...(deps.pollingIntervalSeconds ? { pollingIntervalSeconds: deps.pollingIntervalSeconds } : {}),
  });

  async function sync(): Promise<void> {
    const rows = await k
      .selectFrom('batch_schedules as s')
      .innerJoin('stores', 'stores.id', 's.store_id')
      .select(['s.id', 's.run_time', 's.run_days', 's.active', 'stores.time_zone'])
      .where('s.recurrence', '=', 'daily')
      .execute();
    await cron.sync(
      rows.map((r) => ({
        id: r.id,
        runTime: r.run_time,
        runDays: r.run_days.map(Number),
        timeZone: r.time_zone,
        active: r.active,
      })),
    );
  }

  let syncing: Promise<void> = Promise.resolve();
  const resync = () => {
    syncing = syncing.then(sync).catch((err: unknown) => logger.error({ err }, 'batch cron sync failed'));
  };
  resync();
  await syncing;
  const timer = setInterval(resync, RESYNC_MS);

  return {
    boss,
    poke: resync,

    async runDueCampaigns() {
      const now = clock.now();
      const due = await k
        .selectFrom('batch_schedules as s')
        .select(['s.id', 's.once_at'])
        .where('s.recurrence', '=', 'once')
        .where('s.active', '=', true)
        .where('s.once_at', '<=', now)
        .where((eb) =>
          // A failed run is taken up again (it resumes); a done or running one is left alone.
          eb.not(
            eb.exists(
              eb
                .selectFrom('batch_runs as r')
                .select('r.id')
                .whereRef('r.schedule_id', '=', 's.id')
                .where('r.status', '<>', 'failed'),
            ),
          ),
        )
        .execute();
      for (const c of due) await runOne(c.id, now);
      return due.length;
    },

    async stop() {
      clearInterval(timer);
      await syncing;
      await cron.stop();
      await stopBoss(boss);
    },
  };
}
