import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Mutex } from '../shared/mutex.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { SerialPGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

/** An open database: the Kysely handle plus what is needed to run raw SQL and to close it. */
export interface Db {
  kysely: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Runs parameterless, possibly multi-statement SQL (used by migrations' helpers and tests). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data folder, loadable with `openPGlite({ loadDataDir })`. */
  dumpDataDir?: () => Promise<Blob>;
}

// One set of type rules for both drivers: ids and counts as numbers, money as numbers,
// calendar dates as 'YYYY-MM-DD' strings (a Date would shift them by the server's zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
export const parsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

export interface PGliteOptions {
  /** Folder for the data; undefined keeps it in memory. */
  dataDir?: string;
  /** A dump made by `dumpDataDir`, to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  /** Skip the folder lock (only for a folder this process owns exclusively). */
  skipLock?: boolean;
}

export async function openPGlite(options: PGliteOptions = {}): Promise<Db> {
  const release = options.dataDir && !options.skipLock ? lockDataDir(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers,
    });
    const mutex = new Mutex();
    const kysely = new Kysely<Database>({ dialect: new SerialPGliteDialect(pglite, mutex) });
    return {
      kysely,
      kind: 'pglite',
      exec: (sql) => mutex.run(async () => void (await pglite.exec(sql))),
      dumpDataDir: () => mutex.run(async () => pglite.dumpDataDir('none')),
      async close() {
        await kysely.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      const parser = (parsers as Record<number, (v: string) => unknown>)[oid];
      return parser ?? (pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle connection the server ends (restart, failover, a forced drop) is replaced on next
  // use; without a listener its error event would crash the process.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'postgres',
    exec: async (sql) => void (await pool.query(sql)),
    close: () => kysely.destroy(),
  };
}

/** Opens the database the configuration names: a PostgreSQL server, or PGlite in the data folder. */
export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite({ dataDir: config.dataDir });
}
