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
        try {
          await dropWithRetry(dropper, name);
        } finally {
          await dropper.end();
        }
      },
    };
  }
  const dump = inject('templateDump');
  return openPGlite({ loadDataDir: new Blob([fs.readFileSync(dump)]) });
}

/**
 * Drops a test database. PostgreSQL 15 refuses WITH (FORCE) while an autovacuum worker (a
 * superuser process our test role may not terminate) is busy in it; that worker is done within
 * moments, so the drop is tried again. If it still cannot go, the database is left for the
 * throwaway test server to take with it: a leftover database is no test failure.
 */
async function dropWithRetry(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (err) {
      const permission = err instanceof Error && /pg_signal_backend|role whose process/.test(err.message);
      if (!permission) throw err;
      if (attempt >= 10) {
        console.warn(`test database ${name} left behind: ${err.message}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
