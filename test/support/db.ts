import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type Db } from '../../src/db/connect.ts';
import { TEMPLATE_DB, withDatabase } from './db-names.ts';

/**
 * A fresh, migrated database of its own for one test file: a clone of the run's template,
 * on PGlite by default or on the PostgreSQL server named by DATABASE_URL.
 */
export async function openTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `forecourt_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const db = await openPostgres(withDatabase(url, name), 5);
    return {
      ...db,
      async close() {
        await db.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dump = inject('templateDump');
  return openPGlite({ loadDataDir: new Blob([fs.readFileSync(dump)]) });
}
