import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createStore, ensureOrganisation } from '../src/stores/stores.store.ts';
import { importCsvTuned, DEFAULT_BATCH_SIZE } from '../src/customers/import/import.service.ts';
import { copyFromFile } from './copy-stream.ts';
import { BENCH_HEADER, COPY_COLUMNS, likeCustomersDdl, STAGING_DDL, writeCustomersCsv } from './customers-csv.ts';
import { openBenchPGlite } from './pglite-db.ts';

/**
 * `bench import [--rows N] [--batch N] [--target pglite|postgres|all]`: the customers import
 * against a plain COPY of the same file, on PGlite (fresh data folder) and on PostgreSQL when
 * DATABASE_URL is set. The baseline the ratio uses is COPY into a table with customers' columns,
 * unique key, secondary indexes and store FK (what the import must maintain); COPY into an
 * index-free staging table is printed as a second reference. Prints rows/s, the ratio and peak memory.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rows = Number(opt('rows') ?? 1_000_000);
  const batchSize = Number(opt('batch') ?? DEFAULT_BATCH_SIZE);
  const target = opt('target') ?? 'all';
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(batchSize) || batchSize < 1)
    throw new Error('--rows and --batch take positive integers');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-bench-'));
  try {
    const file = path.join(dir, 'customers.csv');
    const t = performance.now();
    const size = await writeCustomersCsv(file, rows);
    log(
      `generated ${rows} customers (${(size / 1e6).toFixed(1)} MB, ${BENCH_HEADER.length} columns) in ${secs(t)} s: ${file}`,
    );
    log(`node ${process.version}, ${os.cpus().length} cores, batch ${batchSize} rows`);

    if (target === 'all' || target === 'pglite') await benchPGlite(dir, file, size, rows, batchSize);
    const url = process.env.DATABASE_URL;
    if (target === 'all' || target === 'postgres') {
      if (url) await benchPostgres(url, file, size, rows, batchSize);
      else
        log(
          '\nPostgreSQL: skipped (DATABASE_URL is not set). Run with DATABASE_URL=postgres://user:pass@host:port/db npm run bench -- import',
        );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const WITH_INDEXES = "COPY into a table with customers' columns and indexes";
const WITHOUT_INDEXES = 'COPY into an index-free staging table (reference)';

async function benchPGlite(dir: string, file: string, size: number, rows: number, batchSize: number): Promise<void> {
  log('\nPGlite (a fresh data folder in a temp dir; the COPYs and the import share one instance)');
  // The Db handle does not expose PGlite's blob option, so the bench opens its own instance.
  const { db, pglite, mutex } = await openBenchPGlite(path.join(dir, 'pglite'));
  try {
    await migrateToLatest(db);
    const storeId = await benchStore(db);
    const copy = async (what: string, ddl: string, table: string, columns: string): Promise<Baseline> =>
      mutex.run(async () => {
        await pglite.exec(ddl);
        const mem = sampleMemory();
        const t = performance.now();
        const blob = await fs.openAsBlob(file);
        const copied = await pglite.query(
          `copy ${table} ${columns} from '/dev/blob' with (format csv, header true)`,
          [],
          { blob },
        );
        const seconds = (performance.now() - t) / 1000;
        report(what, copied.affectedRows ?? rows, seconds, mem.stop());
        await pglite.exec(`drop table ${table}`);
        return { what, seconds };
      });
    // The import runs first: PGlite's memory grows with what it is given and is never handed back,
    // so an import measured after the COPYs would carry their peak in its RSS.
    const imports = await measureImport(db, storeId, file, size, rows, batchSize);
    await db.exec('checkpoint');
    const plain = await copy(WITHOUT_INDEXES, STAGING_DDL, 'bench_copy_plain', '');
    const like = await copy(WITH_INDEXES, likeCustomersDdl(storeId), 'bench_copy_like', `(${COPY_COLUMNS})`);
    summarise(rows, imports, like, plain);
  } finally {
    await db.close();
  }
}

async function benchPostgres(url: string, file: string, size: number, rows: number, batchSize: number): Promise<void> {
  log(`\nPostgreSQL (${new URL(url).host}, a fresh database)`);
  const name = `forecourt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  try {
    const db = await openPostgres(dbUrl.toString(), 2);
    try {
      await migrateToLatest(db);
      const storeId = await benchStore(db);
      const client = new pg.Client({ connectionString: dbUrl.toString() });
      await client.connect();
      const copy = async (what: string, ddl: string, table: string, columns: string): Promise<Baseline> => {
        await client.query(ddl);
        const mem = sampleMemory();
        const t = performance.now();
        const copied = await copyFromFile(
          client,
          `copy ${table} ${columns} from stdin with (format csv, header true)`,
          file,
        );
        const seconds = (performance.now() - t) / 1000;
        report(what, copied, seconds, mem.stop());
        await client.query(`drop table ${table}`);
        return { what, seconds };
      };
      const imports = await measureImport(db, storeId, file, size, rows, batchSize);
      await client.query('checkpoint').catch(() => undefined);
      const plain = await copy(WITHOUT_INDEXES, STAGING_DDL, 'bench_copy_plain', '');
      const like = await copy(WITH_INDEXES, likeCustomersDdl(storeId), 'bench_copy_like', `(${COPY_COLUMNS})`);
      await client.end();
      summarise(rows, imports, like, plain);
    } finally {
      await db.close();
    }
  } finally {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
}

interface Baseline {
  what: string;
  seconds: number;
}

async function benchStore(db: Db): Promise<number> {
  const org = await ensureOrganisation(db.kysely);
  const store = await createStore(db.kysely, org, {
    code: 'BENCH',
    name: 'Bench',
    country: 'CA',
    timeZone: 'America/Toronto',
  });
  return store.id;
}

interface ImportRun {
  pass: string;
  seconds: number;
  peak: Peak;
}

async function measureImport(
  db: Db,
  storeId: number,
  file: string,
  size: number,
  rows: number,
  batchSize: number,
): Promise<ImportRun[]> {
  const runs: ImportRun[] = [];
  for (const pass of ['first import', 're-import (all unchanged)'] as const) {
    const mem = sampleMemory();
    const t = performance.now();
    const r = await importCsvTuned(
      { db, storeId, kind: 'customers', input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), size },
      { batchSize },
    );
    const seconds = (performance.now() - t) / 1000;
    const peak = mem.stop();
    report(`importCsv, ${pass}`, rows, seconds, peak);
    log(
      `    inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected.length}, warnings ${r.warnings.length}`,
    );
    runs.push({ pass, seconds, peak });
  }
  return runs;
}

function summarise(rows: number, imports: ImportRun[], copy: Baseline, plain: Baseline): void {
  log(
    `  baseline: ${copy.what}: ${rate(rows, copy.seconds)} rows/s (${plain.what}: ${rate(rows, plain.seconds)} rows/s)`,
  );
  for (const { pass, seconds, peak } of imports) {
    const ratio = copy.seconds / seconds;
    log(
      `  ${pass}: import ${rate(rows, seconds)} rows/s vs COPY ${rate(rows, copy.seconds)} rows/s = ${(ratio * 100).toFixed(0)}% (target >= 50%) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}; vs index-free COPY ${((plain.seconds / seconds) * 100).toFixed(0)}%; peak RSS ${mb(peak.rss)} MB (target <= 512) ${peak.rss <= 512e6 ? 'MET' : 'NOT MET'}`,
    );
  }
}

interface Peak {
  rss: number;
  heapUsed: number;
  /** RSS when sampling started (PGlite's WebAssembly memory is in it). */
  startRss: number;
}

/** Samples RSS and heap every 100 ms until stopped; returns the peaks. */
function sampleMemory(): { stop(): Peak } {
  const peak: Peak = { rss: 0, heapUsed: 0, startRss: process.memoryUsage().rss };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const mb = (n: number) => (n / 1e6).toFixed(0);

function report(what: string, rows: number, seconds: number, peak: Peak): void {
  log(
    `  ${what.padEnd(40)} ${rows} rows in ${seconds.toFixed(2)} s = ${rate(rows, seconds)} rows/s; peak RSS ${mb(peak.rss)} MB (${mb(peak.startRss)} at start), peak heap ${mb(peak.heapUsed)} MB`,
  );
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString('en-US');
