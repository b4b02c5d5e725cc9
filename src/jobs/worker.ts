import type { Logger } from 'pino';
import { deleteExpiredSessions } from '../auth/sessions.store.ts';
import type { Db } from '../db/connect.ts';
import type { Dispatcher } from '../delivery/dispatcher.ts';
import { RECEIPT_DAYS } from '../delivery/webhooks/signatures.ts';
import type { PrintFileCloser } from '../channels/print/print-file.closer.ts';
import type { Clock } from '../shared/clock.ts';
import type { ExportRunsService } from '../exports/export-runs.service.ts';
import type { LifecycleRunService } from '../lifecycle/lifecycle-run.service.ts';
import type { BatchScheduler } from './batch-scheduler.ts';

export interface Worker {
  stop(): Promise<void>;
}

interface Task {
  name: string;
  everyMs: number;
  run(): Promise<string | undefined>;
}

/**
 * The background side of the product: the outbox dispatcher (sending) and housekeeping on fixed
 * intervals; batch runs, lifecycle steps and exports join it as their issues land. A task that throws is
 * logged and retried on its next tick; one task never stops the others.
 */
export function startWorker(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  dispatcher?: Dispatcher;
  printFiles?: Pick<PrintFileCloser, 'closeDue'>;
  batches?: BatchScheduler;
  lifecycle?: Pick<LifecycleRunService, 'runDue'>;
  exports?: Pick<ExportRunsService, 'retryDue'>;
}): Worker {
  const { printFiles, batches, lifecycle, exports } = deps;
  const tasks: Task[] = [
    {
      name: 'purge-expired-sessions',
      everyMs: 15 * 60_000,
      run: async () => {
        const n = await deleteExpiredSessions(deps.db.kysely, deps.clock.now());
        return n > 0 ? `${n} expired sessions removed` : undefined;
      },
    },
    {
      name: 'purge-webhook-receipts',
      everyMs: 60 * 60_000,
      run: async () => {
        const before = new Date(deps.clock.now().getTime() - RECEIPT_DAYS * 86_400_000);
        const res = await deps.db.kysely
          .deleteFrom('webhook_receipts')
          .where('received_at', '<', before)
          .executeTakeFirst();
        const n = Number(res.numDeletedRows);
        return n > 0 ? `${n} old webhook receipts removed` : undefined;
      },
    },
    ...(printFiles
      ? [
          {
            // A day's file closes soon after the store's midnight; a batch run's once idle (print-file.closer.ts).
            name: 'close-print-files',
            everyMs: 60_000,
            run: async () => {
              const n = await printFiles.closeDue();
              return n > 0 ? `${n} print files closed` : undefined;
            },
          },
        ]
      : []),
    ...(batches
      ? [
          {
            // Daily schedules run from pg-boss cron; one-off campaigns start within a minute of their time.
            name: 'run-due-campaigns',
            everyMs: 60_000,
            run: async () => {
              const n = await batches.runDueCampaigns();
              return n > 0 ? `${n} campaigns started` : undefined;
            },
          },
        ]
      : []),
    ...(lifecycle
      ? [
          {
            // Each store's 360° run starts within a minute of its run time; a day missed while the
            // server was down is caught up by the next run (lifecycle.rules.ts, catchUpDays).
            name: 'run-due-lifecycle',
            everyMs: 60_000,
            run: async () => {
              const reports = await lifecycle.runDue();
              const ran = reports.filter((r) => r.outcome === 'done');
              return ran.length > 0
                ? `360° Customer Contact ran for ${ran.length} stores: ${ran.map((r) => `store ${r.storeId} ${r.enqueued} sent, ${r.skipped} skipped`).join('; ')}`
                : undefined;
            },
          },
        ]
      : []),
    ...(exports
      ? [
          {
            // A failed upload is tried again with the same file after 5, 15 and 45 minutes.
            name: 'retry-export-uploads',
            everyMs: 60_000,
            run: async () => {
              const n = await exports.retryDue();
              return n > 0 ? `${n} export uploads retried` : undefined;
            },
          },
        ]
      : []),
  ];
  const running = new Set<Promise<void>>();
  const timers = tasks.map((task) => {
    // A tick while the task's previous one still works (a long lifecycle run) is skipped, not stacked.
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = task
        .run()
        .then((msg) => {
          if (msg) deps.logger.info({ task: task.name }, msg);
        })
        .catch((err: unknown) => deps.logger.error({ err, task: task.name }, 'task failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    tick();
    return setInterval(tick, task.everyMs);
  });
  deps.dispatcher?.start();
  deps.logger.info(
    { tasks: tasks.map((t) => t.name), outbox: Boolean(deps.dispatcher), batchCron: Boolean(batches) },
    'worker started',
  );
  return {
    async stop() {
      timers.forEach(clearInterval);
      await batches?.stop();
      await deps.dispatcher?.stop();
      await Promise.all(running);
    },
  };
}
