import { IANAZone } from 'luxon';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { Mutex } from '../shared/mutex.ts';
import { BOSS_SCHEMA } from './boss.ts';
import { batchQueueName, cronFor, dueAt, scheduleIdOfQueue, type QueueNaming } from './batch-cron.rules.ts';

/** What the batch cron needs to know of a batch schedule. */
export interface BatchCronSchedule {
  id: number;
  /** 'HH:MM', 24 h, store-local. */
  runTime: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  runDays: number[];
  /** The store's IANA zone, e.g. 'America/Toronto'. */
  timeZone: string;
  active: boolean;
}

export interface BatchCron {
  /**
   * Makes pg-boss hold exactly one cron entry, queue and (in this process) worker per active
   * schedule of `schedules`, and none for any other batch schedule. Only differences are written,
   * so calling it again with the same list changes nothing. A schedule that cannot be scheduled
   * (bad time, unknown zone) is logged and treated as inactive; the others still sync. Calls are
   * serialised.
   */
  sync(schedules: readonly BatchCronSchedule[]): Promise<void>;
  /** Stops this process's workers from fetching; running handlers finish (`stopBoss` waits for them). */
  stop(): Promise<void>;
}

export interface BatchCronDeps {
  boss: PgBoss;
  logger: Pick<Logger, 'info' | 'error'>;
  /**
   * Runs one batch schedule. `firedAt` is the run time the cron fired for (a job sent by
   * hand carries its creation time). A throw fails the job; it is retried once, so it must be
   * safe to run twice for the same `firedAt` (a batch run is idempotent per store-local day).
   */
  onRun(scheduleId: number, firedAt: Date): Promise<void>;
  /** How often each worker looks for a due run; a run waits at most this long to start. */
  pollingIntervalSeconds?: number;
  /** A run still going after this long is failed by pg-boss's maintenance; at most 23 h. */
  runTimeoutSeconds?: number;
  /** Queue names per id (default: the batch schedules'); another cron (export targets) uses its own. */
  naming?: QueueNaming;
  /** What the ids are, for log lines (default 'batch schedule'). */
  what?: string;
}

/**
 * 'stately': at most one job per state per queue. So a schedule never runs twice at once (a second
 * job cannot become active while one is), and a run that fires while the previous one is still
 * going waits as the single queued job instead of piling up ('singleton' only prevents the overlap
 * and would let fires queue without bound).
 */
const QUEUE_POLICY = 'stately';
// One retry, a minute later: a run interrupted by a shutdown or a crash resumes after restart
// (our side resumes where it stopped); a handler error gets a second chance, which is safe.
const RETRY_LIMIT = 1;
const RETRY_DELAY_SECONDS = 60;
// A run that could not start within a day is dropped: the next day's fire takes over.
const RETENTION_MINUTES = 24 * 60;

export function createBatchCron(deps: BatchCronDeps): BatchCron {
  const { boss, logger } = deps;
  const naming: QueueNaming = deps.naming ?? { name: batchQueueName, idOf: scheduleIdOfQueue };
  const what = deps.what ?? 'batch schedule';
  const isOurQueue = (name: string) => naming.idOf(name) !== undefined;
  const pollingIntervalSeconds = deps.pollingIntervalSeconds ?? 30;
  const queueOptions = {
    policy: QUEUE_POLICY,
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
    // pg-boss's 15-minute default would fail a long run (and let the next start) while it still works.
    expireInSeconds: deps.runTimeoutSeconds ?? 4 * 3600,
    retentionMinutes: RETENTION_MINUTES,
  } satisfies Omit<PgBoss.Queue, 'name'>;
  // Read by the handlers, so a new run time takes effect without restarting the worker.
  const current = new Map<number, BatchCronSchedule>();
  const workers = new Set<string>();
  const lock = new Mutex();
  let stopped = false;

  async function handle(scheduleId: number, jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    // batchSize is 1, and the queue is the schedule's own: the job's payload is not trusted for the id.
    for (const job of jobs) {
      const schedule = current.get(scheduleId);
      const due = schedule ? dueAt(schedule.runTime, schedule.timeZone, job.createdOn) : job.createdOn;
      try {
        await deps.onRun(scheduleId, due);
      } catch (err) {
        logger.error({ err, id: scheduleId, jobId: job.id }, `${what} run failed`);
        throw err;
      }
    }
  }

  async function remove(name: string, queues: Set<string>, crons: Set<string>): Promise<void> {
    const id = naming.idOf(name);
    // Cron first, so nothing new lands in the queue while it goes.
    if (crons.has(name)) await boss.unschedule(name);
    if (workers.has(name)) {
      await boss.offWork(name);
      workers.delete(name);
    }
    if (queues.has(name)) {
      // pg-boss 10's deleteQueue refuses a queue that still holds any job, done ones included (its
      // foreign key is ON DELETE RESTRICT), so the jobs go first. A job a late cron hand-over adds
      // in between makes deleteQueue fail; the next sync tries again.
      await boss.getDb().executeSql(`delete from ${BOSS_SCHEMA}.job where name = $1`, [name]);
      await boss.deleteQueue(name);
    }
    if (id !== undefined) current.delete(id);
    logger.info({ id, queue: name }, `${what} unscheduled`);
  }

  async function upsert(
    s: BatchCronSchedule,
    cron: string,
    queues: Map<string, PgBoss.QueueResult>,
    crons: Map<string, PgBoss.Schedule>,
  ): Promise<void> {
    const name = naming.name(s.id);
    const queue = queues.get(name);
    if (!queue) await boss.createQueue(name, { name, ...queueOptions });
    else if (!sameQueueOptions(queue, queueOptions)) await boss.updateQueue(name, { name, ...queueOptions });
    const entry = crons.get(name);
    if (!entry || entry.cron !== cron || timezoneOf(entry) !== s.timeZone) {
      await boss.schedule(name, cron, { scheduleId: s.id }, { tz: s.timeZone });
      logger.info({ id: s.id, cron, timeZone: s.timeZone }, `${what} scheduled`);
    }
    current.set(s.id, s);
    if (!workers.has(name)) {
      await boss.work<unknown>(name, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, (jobs) =>
        handle(s.id, jobs),
      );
      workers.add(name);
    }
  }

  async function syncNow(schedules: readonly BatchCronSchedule[]): Promise<void> {
    const wanted = new Map<string, { schedule: BatchCronSchedule; cron: string }>();
    for (const s of schedules) {
      if (!s.active) continue;
      try {
        if (!IANAZone.isValidZone(s.timeZone)) throw new Error(`unknown time zone ${JSON.stringify(s.timeZone)}`);
        wanted.set(naming.name(s.id), { schedule: s, cron: cronFor(s.runTime, s.runDays) });
      } catch (err) {
        logger.error({ err, id: s.id }, `${what} not scheduled`);
      }
    }
    const [queueRows, cronRows] = await Promise.all([boss.getQueues(), boss.getSchedules()]);
    const queues = new Map(queueRows.filter((q) => isOurQueue(q.name)).map((q) => [q.name, q]));
    const crons = new Map(cronRows.filter((c) => isOurQueue(c.name)).map((c) => [c.name, c]));

    const known = new Set([...queues.keys(), ...crons.keys(), ...workers]);
    for (const name of known) {
      if (wanted.has(name)) continue;
      await attempt(name, () => remove(name, new Set(queues.keys()), new Set(crons.keys())));
    }
    for (const [name, { schedule, cron }] of wanted) {
      await attempt(name, () => upsert(schedule, cron, queues, crons));
    }
  }

  // One schedule's failure (say a queue pg-boss will not drop) must not hold back the others.
  async function attempt(name: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      logger.error({ err, id: naming.idOf(name), queue: name }, `${what} sync failed`);
    }
  }

  return {
    sync: (schedules) =>
      lock.run(async () => {
        if (stopped) throw new Error('batch cron is stopped');
        await syncNow(schedules);
      }),
    stop: () =>
      lock.run(async () => {
        stopped = true;
        for (const name of workers) await boss.offWork(name);
        workers.clear();
      }),
  };
}

// pg-boss returns the schedule row as stored, zone included, though its types leave the zone out.
function timezoneOf(entry: PgBoss.Schedule): unknown {
  return 'timezone' in entry ? entry.timezone : undefined;
}

function sameQueueOptions(queue: PgBoss.QueueResult, wanted: Omit<PgBoss.Queue, 'name'>): boolean {
  return (
    queue.policy === wanted.policy &&
    queue.retryLimit === wanted.retryLimit &&
    queue.retryDelay === wanted.retryDelay &&
    queue.expireInSeconds === wanted.expireInSeconds &&
    queue.retentionMinutes === wanted.retentionMinutes
  );
}
