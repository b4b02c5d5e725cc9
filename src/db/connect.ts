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
  /**
   * Runs one SQL text for a library that speaks raw SQL (pg-boss's `db.executeSql`). Without
   * values the text may hold several statements; the rows are the last statement's. On PGlite it
   * waits its turn behind Kysely's transactions and never leaves the session in a failed transaction.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
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
      executeSql: (text, values) => mutex.run(() => executePGliteSql(pglite, text, values)),
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

/** Runs one SQL text on PGlite; the caller holds the session's mutex. */
export async function executePGliteSql(
  pglite: PGlite,
  text: string,
  values: unknown[] | undefined,
): Promise<{ rows: unknown[] }> {
  try {
    // The extended protocol takes one statement; parameterless text (pg-boss's schema and its
    // maintenance, wrapped in BEGIN … COMMIT) may hold many.
    if (values === undefined || values.length === 0) return { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] };
    return { rows: (await pglite.query(text, values)).rows };
  } catch (err) {
    // A failure between BEGIN and COMMIT leaves the one shared session in an aborted transaction
    // (a server would end it with the query); every later statement, Kysely's too, would fail.
    // A failing ROLLBACK would leave nothing to save; the original error is the one to report.
    if (pglite.isInTransaction()) await pglite.exec('rollback').catch(() => undefined);
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
    async executeSql(text, values) {
      // pg answers multi-statement text with one result per statement (its types do not say so).
      const result: pg.QueryResult | pg.QueryResult[] = await pool.query(text, values);
      return { rows: [result].flat().at(-1)?.rows ?? [] };
    },
    close: () => kysely.destroy(),
  };
}

/** Opens the database the configuration names: a PostgreSQL server, or PGlite in the data folder. */
export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite({ dataDir: config.dataDir });
}
