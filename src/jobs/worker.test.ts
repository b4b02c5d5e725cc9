import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import type { Db } from '../db/connect.ts';
import { fixedClock } from '../shared/clock.ts';
import { startWorker } from './worker.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('worker housekeeping', () => {
  it('forgets webhook receipts older than 30 days and keeps recent ones', async () => {
    const clock = fixedClock('2026-06-30T12:00:00Z');
    await db.kysely
      .insertInto('webhook_receipts')
      .values([
        { digest: 'old', received_at: new Date('2026-05-01T00:00:00Z') },
        { digest: 'recent', received_at: new Date('2026-06-29T00:00:00Z') },
      ])
      .execute();
    const worker = startWorker({ db, clock, logger: pino({ level: 'silent' }) });
    // Every task runs once at start; stop waits for them.
    await worker.stop();
    const left = await db.kysely.selectFrom('webhook_receipts').select('digest').execute();
    expect(left.map((r) => r.digest)).toEqual(['recent']);
  });
});
