import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';

/** The schema pg-boss keeps its tables in, beside ours (our migrations never touch it). */
export const BOSS_SCHEMA = 'pgboss';

/**
 * Starts pg-boss 10 on our database: its schema is created or migrated on first start, cron and
 * maintenance run in this process. It borrows our connection through `db.executeSql`, on PGlite
 * and on a server alike, so there is one pool (and on PGlite one serialised session) for everything.
 * Errors pg-boss reports in the background (maintenance, cron, a worker's fetch) go to the logger.
 */
export async function openBoss(db: Db, logger: Pick<Logger, 'error'>): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.executeSql(text, values) },
    schema: BOSS_SCHEMA,
    // pg-boss versions its own schema; Kysely's migrations only know ours.
    migrate: true,
    // Maintenance (expire stuck jobs, archive, drop), stated rather than left to defaults. Each
    // step runs under an advisory lock, so with many `work` processes only one does it per interval.
    supervise: true,
    maintenanceIntervalSeconds: 120,
    // Kept for a day so "what ran last night" can be answered; archive rows are dropped after a week.
    // Both must stay >= 60 s: below that pg-boss silently disables cron.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
    // Cron: a schedule fires when a check finds its last due time under 60 s old. A check only
    // runs if the shared cron_on stamp is older than the interval, and it often finds the stamp a
    // hair younger and skips, so with pg-boss's 30 s default two checks can be 60 s apart and a run
    // be missed (measured here: one sent 59 s late; pg-boss issues #327, #914). At 15 s the worst
    // gap is 30 s. Fired jobs move to their queues within 5 s.
    cronMonitorIntervalSeconds: 15,
    cronWorkerIntervalSeconds: 5,
    // monitorStateIntervalSeconds stays unset (off): it would count every job by state each
    // interval for a 'monitor-states' event nobody listens to.
  });
  boss.on('error', (err: unknown) => logger.error({ err }, 'pg-boss error'));
  await boss.start();
  return boss;
}

/**
 * Stops pg-boss: no new fetches or cron checks, then waits up to `timeoutMs` for running handlers;
 * jobs still running after that are failed (and retried later when their queue allows it). Does not
 * close the database, which belongs to the caller.
 */
export async function stopBoss(boss: PgBoss, options: { timeoutMs?: number } = {}): Promise<void> {
  await boss.stop({ graceful: true, wait: true, close: false, timeout: options.timeoutMs ?? 10_000 });
}
