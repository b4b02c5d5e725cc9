import { describe, expect, it } from 'vitest';
import { batchQueueName, cronFor, dueAt, scheduleIdOfQueue } from './batch-cron.rules.ts';

describe('cronFor', () => {
  it.each([
    ['09:30', [1, 2, 3, 4, 5], '30 9 * * 1-5'],
    ['07:00', [1, 3, 5], '0 7 * * 1,3,5'],
    ['00:00', [1, 2, 3, 4, 5, 6, 7], '0 0 * * *'],
    ['23:59', [7], '59 23 * * 0'],
    ['08:05', [6, 7], '5 8 * * 0,6'],
    ['08:05', [5, 6, 7], '5 8 * * 0,5,6'],
    ['12:00', [7, 1, 2, 4], '0 12 * * 0-2,4'],
    ['12:00', [2, 2, 1], '0 12 * * 1,2'],
  ])('%s on %j is %s', (time, days, cron) => {
    expect(cronFor(time, days)).toBe(cron);
  });

  it.each([['9:30'], ['24:00'], ['12:60'], ['12:5'], [' 12:00'], ['noon']])('refuses run time %j', (time) => {
    expect(() => cronFor(time, [1])).toThrow(/HH:MM/);
  });

  it.each([[[]], [[0]], [[8]], [[1.5]]])('refuses run days %j', (days) => {
    expect(() => cronFor('09:00', days)).toThrow(/run day/);
  });
});

describe('batch queue names', () => {
  it('round-trips a schedule id and ignores other queues', () => {
    expect(batchQueueName(42)).toBe('batch-schedule-42');
    expect(scheduleIdOfQueue(batchQueueName(42))).toBe(42);
    expect(scheduleIdOfQueue('__pgboss__send-it')).toBeUndefined();
    expect(scheduleIdOfQueue('batch-schedule-')).toBeUndefined();
    expect(scheduleIdOfQueue('batch-schedule-04')).toBeUndefined();
  });

  it('only uses characters pg-boss accepts in queue names', () => {
    expect(batchQueueName(9_007_199_254_740_991)).toMatch(/^[\w-]+$/);
    expect(() => batchQueueName(0)).toThrow();
    expect(() => batchQueueName(1.5)).toThrow();
  });
});

describe('dueAt', () => {
  it('dates a cron job created shortly after the run time at the run time, in the store zone', () => {
    // 23:59 in Toronto (EST) is 04:59 UTC; pg-boss created the job 40 s later, after midnight local.
    const created = new Date('2026-01-06T05:00:10Z');
    expect(dueAt('23:59', 'America/Toronto', created).toISOString()).toBe('2026-01-06T04:59:00.000Z');
  });

  it('keeps the creation time of a job sent long after the run time', () => {
    const created = new Date('2026-01-06T15:00:00Z');
    expect(dueAt('09:00', 'America/Toronto', created)).toBe(created);
  });

  it('follows daylight saving time', () => {
    // 09:00 in Toronto is 13:00 UTC in summer (EDT).
    const created = new Date('2026-07-06T13:00:20Z');
    expect(dueAt('09:00', 'America/Toronto', created).toISOString()).toBe('2026-07-06T13:00:00.000Z');
  });
});
