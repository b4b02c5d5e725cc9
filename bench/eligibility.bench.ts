import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openPGlite, openPostgres, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { countEligibility, countQuery } from '../src/consent/eligibility.sql.ts';
import { createStore, ensureOrganisation } from '../src/stores/stores.store.ts';

/**
 * `npm run bench -- eligibility [--customers N] [--runs R] [--target pglite|postgres|all]`:
 * the set-based eligibility count for one channel and purpose, grouped by reason, over N
 * customers of one store (default 1,000,000), median of R runs. PostgreSQL needs DATABASE_URL
 * (a server the bench may create a database on); PGlite runs in memory.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const customers = Number(opt('customers', '1000000'));
  const runs = Number(opt('runs', '5'));
  const target = opt('target', 'all');
  process.stdout.write(
    `node ${process.version}; ${customers.toLocaleString('en')} customers; median of ${runs} runs\n`,
  );
  if (target !== 'pglite') {
    const url = process.env.DATABASE_URL;
    if (!url)
      process.stdout.write('PostgreSQL: skipped (set DATABASE_URL, e.g. eval "$(scripts/pg-test-server.sh start)")\n');
    else await onPostgres(url, customers, runs);
  }
  if (target !== 'postgres') {
    const db = await openPGlite();
    try {
      await measure('PGlite (in memory)', db, customers, runs);
    } finally {
      await db.close();
    }
  }
}

async function onPostgres(url: string, customers: number, runs: number): Promise<void> {
  const name = `forecourt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 2);
  try {
    await measure(`PostgreSQL (${u.host})`, db, customers, runs);
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function measure(label: string, db: Db, n: number, runs: number): Promise<void> {
  await migrateToLatest(db);
  const k = db.kysely;
  const org = await ensureOrganisation(k);
  const store = await createStore(k, org, {
    code: 'BENCH',
    name: 'Bench Motors',
    country: 'CA',
    timeZone: 'America/Toronto',
  });
  const t0 = performance.now();
  // A realistic mix: most have a cell and an e-mail, some switches off, a third consented to
  // SMS marketing (some withdrew since), a few numbers blocked.
  await sql`
    insert into customers (store_id, dms_customer_number, first_name, last_name, cell_phone, home_phone, email,
                           address_line1, city, country, region, cell_phone_on, email_on, do_not_mail, casl_opt_out)
    select ${store.id}, 'B' || i, 'First', 'Last' || i,
           case when i % 10 < 8 then '+1416' || lpad((i % 10000000)::text, 7, '0') end,
           case when i % 10 < 5 then '+1905' || lpad((i % 10000000)::text, 7, '0') end,
           case when i % 4 < 3 then 'c' || i || '@example.test' end,
           i || ' Main St', 'Town', 'CA', (array['ON','QC','BC','AB','NS'])[1 + i % 5],
           i % 17 <> 0, i % 19 <> 0, i % 23 = 0, i % 29 = 0
    from generate_series(1, ${n}) as s(i)`.execute(k);
  await sql`
    insert into consent_events (store_id, customer_id, channel, purpose, granted, basis, source, occurred_at)
    select store_id, id, 'sms', 'marketing', true, case when id % 2 = 0 then 'express' else 'implied_purchase' end, 'import',
           now() - ((id % 900) || ' days')::interval
    from customers where store_id = ${store.id} and id % 3 = 0`.execute(k);
  await sql`
    insert into consent_events (store_id, customer_id, channel, purpose, granted, basis, source, occurred_at)
    select store_id, id, 'sms', 'marketing', false, null, 'unsubscribe', now() - interval '1 day'
    from customers where store_id = ${store.id} and id % 30 = 0`.execute(k);
  await sql`
    insert into reachability_state (store_id, address, blocked_forever, blocked_until)
    select store_id, cell_phone, id % 2 = 0, now() + interval '7 days'
    from customers where store_id = ${store.id} and cell_phone is not null and id % 50 = 0
    on conflict do nothing`.execute(k);
  await sql`analyze`.execute(k);
  const loaded = (performance.now() - t0) / 1000;
  const fresh = await k.selectFrom('stores').selectAll().where('id', '=', store.id).executeTakeFirstOrThrow();
  const times: number[] = [];
  let last;
  // BENCH_SETTINGS="jit=off;max_parallel_workers_per_gather=0" tries server settings on the session.
  const settings = (process.env.BENCH_SETTINGS ?? '').split(';').filter(Boolean);
  await k.connection().execute(async (conn) => {
    for (const s of settings) await sql.raw(`set ${s}`).execute(conn);
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      last = await countEligibility(conn, { store: fresh, channel: 'sms', purpose: 'marketing', at: new Date() });
      times.push(performance.now() - s);
    }
  });
  if (settings.length) process.stdout.write(`  session settings: ${settings.join(', ')}\n`);
  times.sort((a, b) => a - b);
  if (process.env.BENCH_EXPLAIN) {
    const plan = await sql<{
      'QUERY PLAN': string;
    }>`explain (analyze, costs off) ${countQuery({ store: fresh, channel: 'sms', purpose: 'marketing', at: new Date() }).query}`.execute(
      k,
    );
    process.stdout.write(plan.rows.map((r) => r['QUERY PLAN']).join('\n') + '\n');
  }
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  process.stdout.write(`\n${label}: data generated in ${loaded.toFixed(1)} s\n`);
  process.stdout.write(
    `  sms/marketing count by reason: median ${(median / 1000).toFixed(3)} s (runs: ${times.map((t) => (t / 1000).toFixed(3)).join(', ')} s)\n`,
  );
  process.stdout.write(`  target <= 1 s median on PostgreSQL: ${median <= 1000 ? 'MET' : 'NOT MET'}\n`);
  process.stdout.write(`  ${JSON.stringify(last)}\n`);
}
