import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import type { Db } from './connect.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('database', () => {
  it('keeps a rollback in one transaction while another commits concurrently', async () => {
    const org = await db.kysely
      .insertInto('organisations')
      .values({ name: 'Group' })
      .returning('id')
      .executeTakeFirstOrThrow();
    let releaseFirst!: () => void;
    const firstMayFinish = new Promise<void>((r) => (releaseFirst = r));

    const failing = db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ name: 'rolled back' }).execute();
      await firstMayFinish;
      throw new Error('abort');
    });
    const committing = db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ name: 'committed' }).execute();
    });
    // Let the second transaction try to run while the first is open, then abort the first.
    await new Promise((r) => setTimeout(r, 20));
    releaseFirst();
    await expect(failing).rejects.toThrow('abort');
    await committing;

    const names = await db.kysely
      .selectFrom('organisations')
      .select('name')
      .where('id', '>', org.id)
      .orderBy('id')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['committed']);
  });

  it('parses ids and money as numbers and calendar dates as strings on every driver', async () => {
    const row = await sql<{
      n: number;
      m: number;
      d: string;
    }>`select 5::int8 as n, 12.5::numeric as m, '2024-02-29'::date as d`.execute(db.kysely);
    expect(row.rows[0]).toEqual({ n: 5, m: 12.5, d: '2024-02-29' });
  });
});
