import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { ExportRunsService } from '../exports/export-runs.service.ts';
import { createBatchCron, type BatchCron } from './batch-cron.ts';
import { queueNaming } from './batch-cron.rules.ts';
import type PgBoss from 'pg-boss';

export interface ExportScheduler {
  /** Re-reads the targets now (after one was changed in this process). */
  poke(): void;
  stop(): Promise<void>;
}

const RESYNC_MS = 5 * 60_000;
export const EXPORT_QUEUE_PREFIX = 'export-target-';

/**
 * Nightly partner exports through pg-boss cron: one entry per switched-on target at its run time
 * in the store's zone, re-synced from the table every few minutes. Failed uploads are retried by
 * the worker's `retry-export-uploads` task (the run keeps its file).
 */
export async function startExportScheduler(deps: {
  db: Db;
  /** The process's pg-boss (the batch scheduler's): one per process does the maintenance and cron checks. */
  boss: PgBoss;
  logger: Logger;
  runs: Pick<ExportRunsService, 'runScheduled'>;
  pollingIntervalSeconds?: number;
}): Promise<ExportScheduler> {
  const { db, logger, boss } = deps;
  const cron: BatchCron = createBatchCron({
    boss,
    logger,
    naming: queueNaming(EXPORT_QUEUE_PREFIX),
    what: 'export target',
    onRun: async (targetId, firedAt) => {
      const run = await deps.runs.runScheduled(targetId, firedAt);
      if (run)
        logger.info(
          { targetId, runId: run.id, status: run.status, rows: run.row_count, error: run.error },
          'export run',
        );
    },
    ...(deps.pollingIntervalSeconds ? { pollingIntervalSeconds: deps.pollingIntervalSeconds } : {}),
  });

  async function sync(): Promise<void> {
    const rows = await db.kysely
      .selectFrom('export_targets as t')
      .innerJoin('stores as s', 's.id', 't.store_id')
      .select(['t.id', 't.run_time', 't.enabled', 's.time_zone'])
      .execute();
    await cron.sync(
      rows.map((r) => ({
        id: r.id,
        runTime: r.run_time,
        runDays: [1, 2, 3, 4, 5, 6, 7],
        timeZone: r.time_zone,
        active: r.enabled,
      })),
    );
  }

  let syncing: Promise<void> = Promise.resolve();
  const resync = () => {
    syncing = syncing.then(sync).catch((err: unknown) => logger.error({ err }, 'export cron sync failed'));
  };
  resync();
  await syncing;
  const timer = setInterval(resync, RESYNC_MS);
  return {
    poke: resync,
    async stop() {
      clearInterval(timer);
      await syncing;
      // The boss belongs to the batch scheduler, which stops it after this.
      await cron.stop();
    },
  };
}
