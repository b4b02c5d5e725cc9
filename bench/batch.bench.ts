import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type KyselyPlugin } from 'kysely';
import pg from 'pg';
import { createBatchRunService, type RunReport } from '../src/campaigns/batch-run.service.ts';
import { ensureContactDefaults } from '../src/campaigns/contact-types.store.ts';
import { openPostgres, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { compileFilter } from '../src/segments/filter.sql.ts';
import { systemClock } from '../src/shared/clock.ts';
import { createStore, ensureOrganisation } from '../src/stores/stores.store.ts';
import { paragraphs } from '../src/templates/defaults/default-template.ts';
import { createRenderer } from '../src/templates/render.ts';
import { insertTemplate } from '../src/templates/templates.store.ts';
import { loadBatchData, type LoadTarget } from './batch-data.ts';
import { cpuProfile, queryTimer, sampleMemory, timedRenderer } from './batch-measure.ts';
import { copyFromFile } from './copy-stream.ts';
import { openBenchPGlite } from './pglite-db.ts';

/**
 * `npm run bench -- batch [--target postgres|pglite] [--customers N] [--match-percent P] [--limit L]
 *   [--runs R] [--pool N] [--writes W] [--keep] [--explain] [--profile]`:
 * the daily batch run — select, reserve, render and enqueue — of a Fetch Automation e-mail
 * schedule (saved query "vehicle make is Honda", service purpose so no consent rows are needed)
 * over N customers of one store (default 1,000,000; 200,000 on PGlite, whose load is slow; with 1.5 vehicles and 5 visits each; P%
 * own a Honda, default 10), "# to send" L (default N × P%), R runs (default 3) from a clean
 * slate each, beside a plain INSERT … SELECT of as many outbox rows of the same size in the same
 * run. PostgreSQL needs DATABASE_URL (a server the bench may create a database on); PGlite uses
 * a data folder in the temp dir. `--keep` keeps the loaded database for the next run with the
 * same N and P (PostgreSQL: database forecourt_bench_batch_<N>_<P>; PGlite: a folder in the temp
 * dir); without it the database is made fresh and dropped. `--writes` sets how many chunk writes run at once (default 2). `--explain` prints EXPLAIN ANALYZE
 * of the selection and of a chunk's visits look-up; `--profile` writes a CPU profile of the last
 * batch run and prints its top functions.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const target = opt('target') ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  if (target !== 'postgres' && target !== 'pglite') throw new Error('--target takes postgres or pglite');
  // PGlite loads 5M visits at about 15k rows/s and runs single-threaded: 1M customers would take
  // 10+ minutes to load, so it defaults to 200,000 (pass --customers 1000000 for the full size).
  const customers = Number(opt('customers') ?? (target === 'pglite' ? 200_000 : 1_000_000));
  const matchPercent = Number(opt('match-percent') ?? 10);
  const limit = Number(opt('limit') ?? Math.floor((customers * matchPercent) / 100));
  const runs = Number(opt('runs') ?? 3);
  const pool = Number(opt('pool') ?? 10);
  const writes = Number(opt('writes') ?? 2);
  const o: Options = {
    customers,
    matchPercent,
    limit,
    runs,
    pool,
    writes,
    keep: args.includes('--keep'),
    explain: args.includes('--explain'),
    profile: args.includes('--profile'),
  };
  for (const [k, v] of Object.entries({ customers, limit, runs, pool, writes }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} takes a positive integer`);
  if (!(matchPercent > 0 && matchPercent <= 60)) throw new Error('--match-percent takes a number in (0, 60]');
  log(
    `node ${process.version}, ${os.cpus().length} cores; ${customers.toLocaleString('en')} customers, ${matchPercent}% own a Honda; ` +
      `"# to send" ${limit.toLocaleString('en')}; ${runs} runs; database: ${target}`,
  );
  const opened = target === 'postgres' ? await openPg(o) : await openPGlite(o);
  try {
    await measure(opened, o);
  } finally {
    await opened.close();
  }
}

export interface Options {
  customers: number;
  matchPercent: number;
  limit: number;
  runs: number;
  pool: number;
  /** Chunk writes in flight (the batch service's writesInFlight). */
  writes: number;
  keep: boolean;
  explain: boolean;
  profile: boolean;
}

export interface Opened {
  label: string;
  db: Db;
  load: LoadTarget;
  dir: string;
  close(): Promise<void>;
}

export async function openPg(o: Options): Promise<Opened> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL for --target postgres (eval "$(scripts/pg-test-server.sh start)")');
  const name = o.keep
    ? `forecourt_bench_batch_${o.customers}_${String(o.matchPercent).replace('.', '_')}`
    : `forecourt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), o.pool);
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-bench-batch-'));
  return {
    label: `PostgreSQL ${(await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? ''} (${u.host}, database ${name}, pool ${o.pool})`,
    db,
    dir,
    load: {
      copy: (table, columns, file) =>
        copyFromFile(client, `copy ${table} (${columns}) from stdin with (format csv, header true)`, file),
      query: async <T>(text: string) => (await client.query(text)).rows as T[],
    },
    async close() {
      await client.end();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (!o.keep) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function openPGlite(o: Options): Promise<Opened> {
  const dir = o.keep
    ? path.join(os.tmpdir(), `forecourt-bench-batch-pglite-${o.customers}-${o.matchPercent}`)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-bench-batch-'));
  const { db, pglite, mutex } = await openBenchPGlite(dir);
  return {
    label: `PGlite (data folder ${dir})`,
    db,
    dir: path.join(dir, 'csv'),
    load: {
      copy: (table, columns, file) =>
        mutex.run(async () => {
          const blob = await fs.openAsBlob(file);
          const r = await pglite.query(
            `copy ${table} (${columns}) from '/dev/blob' with (format csv, header true)`,
            [],
            {
              blob,
            },
          );
          return r.affectedRows ?? 0;
        }),
      query: (text) => mutex.run(async () => (await pglite.query(text)).rows as never[]),
    },
    async close() {
      await db.close();
      if (!o.keep) fs.rmSync(dir, { recursive: true, force: true });
      else fs.rmSync(path.join(dir, 'csv'), { recursive: true, force: true });
    },
  };
}

const SCHEDULE_NAME = 'Bench batch';
const HONDA = { op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] };

/** A service e-mail of realistic size (about 350 words), with merge tags for customer, vehicle, visit and store. */
const TEMPLATE = {
  subject:
    'Time for service on your {{ vehicle.year }} {{ vehicle.make }}, {{ customer.first_name | default: "there" }}',
  body: paragraphs(
    'Dear {{ customer.mailing_name | default: "Valued Customer" }},',
    'Re: {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }}{% if vehicle.plate %}, Licence {{ vehicle.plate }}{% endif %}',
    '{% if visit.date %}Our records show that your {{ vehicle.make }} was last in our service department on <strong>{{ visit.date | date_long }}</strong>.{% else %}We have not seen your {{ vehicle.make }} in our service department for a while.{% endif %} Based on the manufacturer’s maintenance schedule and on how most of our customers drive, it is now time to book its next visit.',
    'Regular maintenance is the best way to protect your investment. Our factory-trained technicians use genuine parts and the latest diagnostic equipment for your {{ vehicle.make }} {{ vehicle.model }}, and every visit includes a complimentary multi-point inspection: brakes, tires, fluids, belts and hoses, battery and lights. We will tell you about anything that needs attention now and anything that can wait, and we will never do work you have not approved.',
    '<ul><li>Oil and filter change with a multi-point inspection</li><li>Tire rotation and pressure check</li><li>Brake inspection and measurement</li><li>Battery and charging system test</li><li>Fluid top-up and wiper check</li></ul>',
    'Booking is easy. Call us at {{ store.phone | phone }}, reply to this e-mail, or drop by {{ store.name }}. We offer early drop-off, a comfortable waiting area with Wi-Fi, and a shuttle service within town for longer repairs. If you prefer, we can also arrange a loaner vehicle — please ask when you book, as availability is limited.',
    'If you have already had this service done elsewhere, or if you have sold your {{ vehicle.make }}, please let us know so that we can keep our records up to date and avoid sending you reminders you do not need.',
    'Thank you for choosing {{ store.name }}. We look forward to seeing you and your {{ vehicle.model | default: "vehicle" }} soon.',
    'Yours truly,<br>\n{{ store.owner_name }}<br>\n{{ store.name }}<br>\n{{ store.email }}',
  ),
};

/** Creates the store, loads the data and creates the schedule, or finds them when kept from before. */
export async function prepare(
  opened: Opened,
  o: Options,
): Promise<{ storeId: number; scheduleId: number; loaded: string }> {
  const { db, load } = opened;
  const k = db.kysely;
  await migrateToLatest(db);
  const kept = await k
    .selectFrom('batch_schedules')
    .select(['id', 'store_id', 'daily_limit'])
    .where('name', '=', SCHEDULE_NAME)
    .executeTakeFirst();
  if (kept) {
    if (kept.daily_limit !== o.limit)
      await k.updateTable('batch_schedules').set({ daily_limit: o.limit }).where('id', '=', kept.id).execute();
    return { storeId: kept.store_id, scheduleId: kept.id, loaded: 'kept from an earlier run (--keep)' };
  }
  if (await k.selectFrom('stores').select('id').where('code', '=', 'BENCH').executeTakeFirst())
    throw new Error('the kept database holds a half-loaded store: drop it (or its PGlite folder) and run again');
  const org = await ensureOrganisation(k);
  const store = await createStore(k, org, {
    code: 'BENCH',
    name: 'Bench Motors',
    country: 'CA',
    timeZone: 'America/Toronto',
    addressLine1: '1 Main St',
    city: 'Toronto',
    region: 'ON',
    postalCode: 'M5V 2T6',
    phone: '+14165550123',
    email: 'service@bench-motors.test',
    ownerName: 'Pat Bench',
    bodyShopAutoOff: false,
  });
  await ensureContactDefaults(k, store.id);
  const t0 = performance.now();
  const stats = await loadBatchData(load, {
    storeId: store.id,
    customers: o.customers,
    matchPercent: o.matchPercent,
    dir: opened.dir,
    log,
  });
  const total = (performance.now() - t0) / 1000;
  const tpl = await k.transaction().execute((trx) =>
    insertTemplate(trx, {
      storeId: store.id,
      channel: 'email',
      contactType: 'general',
      language: 'en',
      purpose: 'service',
      name: 'Bench service reminder',
      subject: TEMPLATE.subject,
      body: TEMPLATE.body,
      createdBy: null,
    }),
  );
  const query = await k
    .insertInto('saved_queries')
    .values({ store_id: store.id, name: 'Honda owners', filter: JSON.stringify(HONDA) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recycle = await k
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', store.id)
    .where('key', '=', 'email_sent')
    .executeTakeFirstOrThrow();
  const schedule = await k
    .insertInto('batch_schedules')
    .values({
      store_id: store.id,
      name: SCHEDULE_NAME,
      recurrence: 'daily',
      channel: 'email',
      kind: 'fetch',
      saved_query_id: query.id,
      recycle_code_id: recycle.id,
      template_id: tpl.template.id,
      daily_limit: o.limit,
      run_days: [1, 2, 3, 4, 5, 6, 7],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const loaded =
    `${stats.customers.toLocaleString('en')} customers (${stats.hondaOwners.toLocaleString('en')} Honda owners), ` +
    `${stats.vehicles.toLocaleString('en')} vehicles, ${stats.visits.toLocaleString('en')} visits in ${total.toFixed(1)} s ` +
    `(CSV generation ${stats.seconds.generate.toFixed(1)} s, COPY ${stats.seconds.copy.toFixed(1)} s, VACUUM ANALYZE ${stats.seconds.analyze.toFixed(1)} s)`;
  return { storeId: store.id, scheduleId: schedule.id, loaded };
}

/** Empties what a run writes, so every measurement starts from the same table state. */
async function reset(k: Kysely<Database>): Promise<void> {
  await sql`truncate outbox_events, batch_contacts, outbox_messages, batch_runs, customer_contact_state restart identity cascade`.execute(
    k,
  );
  await sql`analyze outbox_events, batch_contacts, outbox_messages, batch_runs, customer_contact_state`.execute(k);
  await sql`checkpoint`.execute(k).catch(() => undefined);
}

interface BatchRun {
  seconds: number;
  selectSeconds: number;
  renderMs: number;
  queries: Map<string, { n: number; ms: number }>;
  rss: number;
  report: RunReport;
}

async function measure(opened: Opened, o: Options): Promise<void> {
  const { db } = opened;
  log(`\n${opened.label}`);
  const p = await prepare(opened, o);
  log(`  data: ${p.loaded}`);
  const k = db.kysely;
  const timer = queryTimer();
  const rendering = timedRenderer(createRenderer());
  const service = createBatchRunService({
    db: k.withPlugin(timer.plugin),
    clock: systemClock,
    renderer: rendering.renderer,
    unsubscribe: { urlFor: () => 'https://forecourt.test/u/bench' },
    owner: 'bench',
    writesInFlight: o.writes,
  });
  const store = await k.selectFrom('stores').selectAll().where('id', '=', p.storeId).executeTakeFirstOrThrow();
  const matching = sql<boolean>`${compileFilter(HONDA, { storeId: p.storeId, now: new Date(), timeZone: store.time_zone })} and c.email is not null`;

  const batch: BatchRun[] = [];
  const baseline: number[] = [];
  let sample:
    | { subject: string | null; body_html: string | null; body_text: string | null; template_version_id: number | null }
    | undefined;
  for (let r = 1; r <= o.runs; r++) {
    await reset(k);
    timer.reset();
    rendering.reset();
    const at = new Date();
    const mem = sampleMemory();
    const t0 = performance.now();
    let selectedAt = 0;
    const go = () =>
      service.run(p.scheduleId, {
        at,
        onProgress: () => {
          if (!selectedAt) selectedAt = performance.now();
        },
      });
    const report =
      o.profile && r === o.runs
        ? await (async () => {
            const file = path.join(os.tmpdir(), `bench-batch-${db.kind}.cpuprofile`);
            const prof = await cpuProfile(file, go);
            profileLines = [`  CPU profile of run ${r}: ${file}; top self time:`].concat(
              prof.top.map((x) => `    ${x.ms.toFixed(0).padStart(6)} ms ${x.pct.toFixed(1).padStart(5)}%  ${x.what}`),
            );
            return prof.result;
          })()
        : await go();
    const seconds = (performance.now() - t0) / 1000;
    const peak = mem.stop();
    await verify(k, report, o.limit);
    const one: BatchRun = {
      seconds,
      selectSeconds: (selectedAt - t0) / 1000,
      renderMs: rendering.ms(),
      queries: new Map(timer.totals),
      rss: peak.rss,
      report,
    };
    batch.push(one);
    const s = (sample ??= await k
      .selectFrom('outbox_messages')
      .select(['subject', 'body_html', 'body_text', 'template_version_id'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow());

    // The baseline: the same number of outbox rows, of the same size, in one INSERT … SELECT.
    await reset(k);
    const b0 = performance.now();
    const ins = await sql`
      insert into outbox_messages (store_id, customer_id, delivery_key, source_kind, source_ref, step, channel, purpose,
        contact_type, template_version_id, target, sender, subject, body_html, body_text, status, due_at, created_at, updated_at)
      select c.store_id, c.id, 'batch:baseline:' || c.id || ':email:', 'batch', 'baseline', '', 'email', 'service',
        null, ${s.template_version_id}::bigint, c.email, null, ${s.subject}::text, ${s.body_html}::text,
        ${s.body_text}::text, 'queued', ${at}::timestamptz, now(), now()
      from customers c where ${matching}
      order by c.id limit ${o.limit}`.execute(k);
    const bs = (performance.now() - b0) / 1000;
    if (Number(ins.numAffectedRows) !== o.limit)
      throw new Error(`the baseline wrote ${ins.numAffectedRows} rows, not ${o.limit}`);
    baseline.push(bs);
    log(
      `  run ${r}: batch run ${one.seconds.toFixed(2)} s (select + reserve ${one.selectSeconds.toFixed(2)} s, ` +
        `render + enqueue ${(one.seconds - one.selectSeconds).toFixed(2)} s); INSERT … SELECT ${bs.toFixed(2)} s; ` +
        `peak RSS ${mb(one.rss)} MB`,
    );
  }

  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const m = med(batch.map((b) => b.seconds));
  const mb0 = med(baseline);
  const last = batch[batch.length - 1];
  log(`\n  ${opened.label}, ${o.customers.toLocaleString('en')} customers, ${o.limit.toLocaleString('en')} to send:`);
  log(
    `  batch run (select, reserve, render, enqueue): median ${m.toFixed(2)} s  (runs: ${batch.map((b) => b.seconds.toFixed(2)).join(', ')} s) = ${Math.round(o.limit / m).toLocaleString('en')} messages/s`,
  );
  log(
    `    select + reserve (to the first progress call): median ${med(batch.map((b) => b.selectSeconds)).toFixed(2)} s; ` +
      `render + enqueue: median ${med(batch.map((b) => b.seconds - b.selectSeconds)).toFixed(2)} s; ` +
      `of which Liquid render ${(med(batch.map((b) => b.renderMs)) / 1000).toFixed(2)} s (CPU, overlaps the writes)`,
  );
  log(
    `  INSERT … SELECT of ${o.limit.toLocaleString('en')} outbox rows of the same size: median ${mb0.toFixed(2)} s (runs: ${baseline.map((b) => b.toFixed(2)).join(', ')} s); batch run = ${(m / mb0).toFixed(1)}× the baseline`,
  );
  if (db.kind === 'postgres' && o.customers === 1_000_000 && o.limit === 100_000)
    log(`  target <= 10 s (PostgreSQL, 1M customers, 100k to send): ${m <= 10 ? 'MET' : 'NOT MET'}`);
  else log('  (the <= 10 s target is for PostgreSQL, 1,000,000 customers and 100,000 to send; not judged here)');
  log(`  peak RSS during the batch runs: ${mb(Math.max(...batch.map((b) => b.rss)))} MB`);
  if (last) {
    const r = last.report;
    log(
      `  last run: matched ${r.matched}, eligible ${r.eligible}, selected ${r.selected}, enqueued ${r.enqueued}, excluded ${JSON.stringify(r.excluded)}`,
    );
    log('  statements in the last run (time from compile to result, summed; parallel ones overlap):');
    for (const [label, t] of [...last.queries].sort((a, b) => b[1].ms - a[1].ms))
      log(`    ${(t.ms / 1000).toFixed(2).padStart(7)} s ${String(t.n).padStart(6)}×  ${label}`);
  }
  for (const line of profileLines) log(line);
  if (o.explain) await explain(k, p.scheduleId, p.storeId);
}

let profileLines: string[] = [];

/** Exactly `limit` outbox rows for the run, one per customer and key, each linked from its batch_contacts row. */
async function verify(k: Kysely<Database>, report: RunReport, limit: number): Promise<void> {
  const ref = `run:${report.runId}`;
  const out = await sql<{ n: number; customers: number; keys: number; queued: number }>`
    select count(*)::int as n, count(distinct customer_id)::int as customers, count(distinct delivery_key)::int as keys,
      count(*) filter (where status = 'queued')::int as queued
    from outbox_messages where source_ref = ${ref}`.execute(k);
  const bc = await sql<{ n: number; customers: number; linked: number; messages: number }>`
    select count(*)::int as n, count(distinct customer_id)::int as customers, count(message_id)::int as linked,
      count(distinct message_id)::int as messages
    from batch_contacts where run_id = ${report.runId}`.execute(k);
  const o = out.rows[0];
  const b = bc.rows[0];
  const ok =
    report.outcome === 'done' &&
    report.enqueued === limit &&
    o?.n === limit &&
    o.customers === limit &&
    o.keys === limit &&
    o.queued === limit &&
    b?.n === limit &&
    b.customers === limit &&
    b.linked === limit &&
    b.messages === limit;
  if (!ok)
    throw new Error(
      `run check failed: ${JSON.stringify({ outcome: report.outcome, enqueued: report.enqueued, outbox: o, batchContacts: b })}`,
    );
}

/** EXPLAIN ANALYZE of the selection and of one chunk's visits look-up, each in a rolled-back transaction. */
async function explain(k: Kysely<Database>, scheduleId: number, storeId: number): Promise<void> {
  await reset(k);
  const captured: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: (a) => {
      const c = k.getExecutor().compileQuery(a.node, a.queryId);
      if (/^\s*with f as materialized/.test(c.sql)) captured.push(c);
      return a.node;
    },
    transformResult: (a) => Promise.resolve(a.result),
  };
  const dry = createBatchRunService({
    db: k.withPlugin(capture),
    clock: systemClock,
    renderer: createRenderer(),
    unsubscribe: { urlFor: () => '' },
    owner: 'explain',
  });
  await dry.run(scheduleId, { dryRun: true });
  const preview = captured[0];
  const print = async (title: string, q: CompiledQuery) => {
    const t0 = performance.now();
    const rows = await k.transaction().execute(async (trx) => {
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]),
      );
      return r.rows;
    });
    log(`\n  EXPLAIN ANALYZE ${title} (${((performance.now() - t0) / 1000).toFixed(2)} s):`);
    log(rows.map((x) => `    ${x['QUERY PLAN']}`).join('\n'));
  };
  if (preview) await print('of the selection (the dry run’s statement: same CTEs, no insert)', preview);
  const ids = (
    await sql<{
      id: number;
    }>`select c.id from customers c where ${compileFilter(HONDA, { storeId, now: new Date(), timeZone: 'America/Toronto' })} order by c.id limit 1000`.execute(
      k,
    )
  ).rows.map((r) => r.id);
  const visits = k
    .selectFrom('visits')
    .selectAll()
    .distinctOn('customer_id')
    .where('store_id', '=', storeId)
    .where(sql<boolean>`customer_id = any(${ids}::bigint[])`)
    .orderBy('customer_id')
    .orderBy('visit_date', 'desc')
    .orderBy('id', 'desc')
    .compile();
  await print('of one chunk’s visits look-up (loadMergeProfiles, 1,000 customers)', visits);
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const mb = (n: number) => (n / 1e6).toFixed(0);
