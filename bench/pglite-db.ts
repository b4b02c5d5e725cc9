import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { executePGliteSql, parsers, type Db } from '../src/db/connect.ts';
import { SerialPGliteDialect } from '../src/db/pglite-dialect.ts';
import type { Database } from '../src/db/schema.ts';
import { Mutex } from '../src/shared/mutex.ts';

/**
 * A PGlite database for the bench, built like `openPGlite` but keeping the PGlite instance, so the
 * COPY baseline (`COPY ... FROM '/dev/blob'`, which needs the `blob` query option) runs on the very
 * instance the import then writes to. The bench owns its temp folder, so no folder lock.
 */
export async function openBenchPGlite(dir: string): Promise<{ db: Db; pglite: PGlite; mutex: Mutex }> {
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), parsers });
  const mutex = new Mutex();
  const kysely = new Kysely<Database>({ dialect: new SerialPGliteDialect(pglite, mutex) });
  const db: Db = {
    kysely,
    kind: 'pglite',
    exec: (sql) => mutex.run(async () => void (await pglite.exec(sql))),
    executeSql: (text, values) => mutex.run(() => executePGliteSql(pglite, text, values)),
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
  return { db, pglite, mutex };
}
