import os from 'node:os';
import { Writable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeCsv } from '../src/exports/csv-stream.ts';
import { mailMergeColumns, type MailMergeRow } from '../src/exports/mail-merge.columns.ts';
import { savedQueryRows } from '../src/exports/mail-merge.store.ts';
import { openPGlite, openPg, prepare, type Options } from './batch.bench.ts';
import { sampleMemory } from './batch-measure.ts';

/**
 * `npm run bench -- mail-merge [--target postgres|pglite] [--rows N] [--keep]`: exports a saved
 * query matching every one of N customers (default 1,000,000 on PostgreSQL, 200,000 on PGlite;
 * the batch bench's data: customers, vehicles, visits) as a mail-merge CSV into a sink that
 * discards it, first only its first 1,000 rows, then all of it, and prints rows, bytes, seconds
 * and the peak RSS and heap of each. Flat memory shows as the same peaks for both.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const target = opt('target') ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  if (target !== 'postgres' && target !== 'pglite') throw new Error('--target takes postgres or pglite');
  const customers = Number(opt('rows') ?? (target === 'pglite' ? 200_000 : 1_000_000));
  if (!Number.isInteger(customers) || customers < 1000) throw new Error('--rows takes an integer ≥ 1000');
  const o: Options = {
    customers,
    matchPercent: 10,
    limit: 1,
    runs: 1,
    pool: 10,
    writes: 2,
    keep: args.includes('--keep'),
    explain: false,
    profile: false,
  };
  log(`node ${process.version}, ${os.cpus().length} cores; ${customers.toLocaleString('en')} customers; ${target}`);
  const opened = target === 'postgres' ? await openPg(o) : await openPGlite(o);
  try {
    log(opened.label);
    const { storeId, loaded } = await prepare(opened, o);
    log(`data: ${loaded}`);
    const k = opened.db.kysely;
    const store = await k.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow();
    // Everyone: a prospect or not.
    const everyone = {
      op: 'or',
      rules: [
        { field: 'customer.is_prospect', operator: 'is_true' },
        { field: 'customer.is_prospect', operator: 'is_false' },
      ],
    };
    const now = new Date();
    for (const limit of [1000, Infinity]) {
      const memory = sampleMemory();
      const live = { heap: 0 };
      const t0 = performance.now();
      const rows = first(savedQueryRows(k, store, everyone, now), limit, live);
      const r = await writeCsv(mailMergeColumns('saved_query'), rows, sink(), { bom: true });
      const seconds = (performance.now() - t0) / 1000;
      const peak = memory.stop();
      log(
        `${r.rows.toLocaleString('en').padStart(10)} rows, ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB in ${seconds.toFixed(1).padStart(6)} s ` +
          `(${Math.round(r.rows / seconds).toLocaleString('en')} rows/s); peak RSS ${mb(peak.rss)} MB, ` +
          `heap ${mb(peak.heapUsed)} MB (garbage included), live heap ${mb(live.heap)} MB (after a full GC every 50 pages)`,
      );
    }
  } finally {
    await opened.close();
  }
}

// A full GC on demand, to tell memory the export holds from garbage V8 has not collected yet.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The first `limit` rows of the pages (the export stops reading once it has them); every 50 pages
 * (and at the first) a full GC, then the heap still in use is noted in `live`.
 */
async function* first(
  pages: AsyncIterable<MailMergeRow[]>,
  limit: number,
  live: { heap: number },
): AsyncGenerator<MailMergeRow[]> {
  let n = 0;
  let count = 0;
  for await (const page of pages) {
    if (count++ % 50 === 0) {
      gc();
      live.heap = Math.max(live.heap, process.memoryUsage().heapUsed);
    }
    const take = page.slice(0, limit - n);
    n += take.length;
    yield take;
    if (n >= limit) return;
  }
}

/** A /dev/null that still lets the CSV writer feel backpressure now and then. */
function sink(): Writable {
  return new Writable({
    highWaterMark: 64 * 1024,
    write(_chunk: Buffer, _encoding, done) {
      setImmediate(done);
    },
  });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const log = (s: string) => process.stdout.write(`${s}\n`);
