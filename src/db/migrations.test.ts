import { describe, expect, it } from 'vitest';
import { openPGlite, openPostgres, type Db } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { withDatabase } from '../../test/support/db-names.ts';

/** An empty database of its own (not the migrated template), on the suite's engine. */
async function emptyDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPGlite();
  const name = `forecourt_mig_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const db = await openPostgres(withDatabase(url, name), 2);
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe('migrations', () => {
  it('apply one by one over a database that already holds data', async () => {
    const db = await emptyDb();
    try {
      const names = Object.keys(migrations);
      const [first] = names;
      if (!first) throw new Error('no migrations');
      await migrateToLatest(db, first);
      const org = await db.kysely
        .insertInto('organisations')
        .values({ name: 'G' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const store = await db.kysely
        .insertInto('stores')
        .values({ organisation_id: org.id, code: 'OLD', name: 'Old store' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('customers')
        .values({ store_id: store.id, dms_customer_number: '1', first_name: 'Kept' })
        .execute();
      const applied = await migrateToLatest(db);
      expect(applied).toEqual(names.slice(1));
      const customer = await db.kysely.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
      expect(customer).toMatchObject({ first_name: 'Kept', email_on: true, do_not_mail: false });
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
