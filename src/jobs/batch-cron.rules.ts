import { DateTime } from 'luxon';

/** Every batch schedule's pg-boss queue (and cron entry, which pg-boss names after its queue) starts so. */
export const BATCH_QUEUE_PREFIX = 'batch-schedule-';

const RUN_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseRunTime(runTime: string): { hour: number; minute: number } {
  const m = RUN_TIME.exec(runTime);
  if (!m) throw new Error(`run time must be HH:MM (24 h), got ${JSON.stringify(runTime)}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * The 5-field cron expression for a run at `runTime` ('HH:MM', 24 h) on `runDays` (ISO weekdays,
 * 1 = Monday … 7 = Sunday): '30 9 * * 1-5', '0 7 * * 1,3,5', '0 7 * * *'. Sunday is written 0,
 * which every cron dialect reads as Sunday (pg-boss's cron-parser 4 takes 7 too; others do not).
 * Throws on a malformed time, an empty list or a day outside 1–7.
 */
export function cronFor(runTime: string, runDays: readonly number[]): string {
  const { hour, minute } = parseRunTime(runTime);
  if (runDays.length === 0) throw new Error('run days must name at least one day');
  for (const d of runDays) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new Error(`run day must be 1 (Mon) to 7 (Sun), got ${d}`);
  }
  const days = [...new Set(runDays.map((d) => d % 7))].sort((a, b) => a - b);
  return `${minute} ${hour} * * ${days.length === 7 ? '*' : compress(days)}`;
}

/** Sorted cron weekdays (0–6) as a list, runs of three or more as ranges: [1,2,3,4,5] → '1-5'. */
function compress(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === (days[j] ?? 0) + 1) j++;
    const from = days[i];
    const to = days[j];
    if (j - i >= 2) parts.push(`${from}-${to}`);
    else parts.push(...days.slice(i, j + 1).map(String));
    i = j + 1;
  }
  return parts.join(',');
}

/** The pg-boss queue (and cron name) of one batch schedule, e.g. 'batch-schedule-42'. */
export function batchQueueName(scheduleId: number): string {
  if (!Number.isSafeInteger(scheduleId) || scheduleId <= 0) throw new Error(`not a schedule id: ${scheduleId}`);
  return `${BATCH_QUEUE_PREFIX}${scheduleId}`;
}

/** The schedule id in a queue name made by `batchQueueName`; undefined for any other queue. */
export function scheduleIdOfQueue(queueName: string): number | undefined {
  if (!queueName.startsWith(BATCH_QUEUE_PREFIX)) return undefined;
  const rest = queueName.slice(BATCH_QUEUE_PREFIX.length);
  return /^[1-9]\d*$/.test(rest) ? Number(rest) : undefined;
}

/**
 * When a run was due. pg-boss creates a cron job up to a minute after the minute it is due (see the
 * cron settings in boss.ts), so a 23:59 run would otherwise be dated the next day and a per-day
 * idempotency key would skip or repeat a day. A job created within
 * `toleranceMs` after the store-local run time is dated at that run time; any other (a manual
 * "run now") keeps its creation time.
 */
export function dueAt(runTime: string, timeZone: string, createdAt: Date, toleranceMs = 5 * 60_000): Date {
  const { hour, minute } = parseRunTime(runTime);
  const local = DateTime.fromJSDate(createdAt, { zone: timeZone });
  if (!local.isValid) return createdAt;
  let due = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (due > local) due = due.minus({ days: 1 }).set({ hour, minute });
  const lag = createdAt.getTime() - due.toMillis();
  return lag >= 0 && lag <= toleranceMs ? due.toJSDate() : createdAt;
}

/** How a cron's queues are named after the ids of what they run (batch schedules, export targets). */
export interface QueueNaming {
  name(id: number): string;
  idOf(queueName: string): number | undefined;
}

/** Queues named `<prefix><id>`; the batch schedules' naming is `queueNaming(BATCH_QUEUE_PREFIX)`. */
export function queueNaming(prefix: string): QueueNaming {
  return {
    name: (id) => {
      if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`not an id: ${id}`);
      return `${prefix}${id}`;
    },
    idOf: (queueName) => {
      if (!queueName.startsWith(prefix)) return undefined;
      const rest = queueName.slice(prefix.length);
      return /^[1-9]\d*$/.test(rest) ? Number(rest) : undefined;
    },
  };
}
