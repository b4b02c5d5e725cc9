import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { createLifecycleRunService, type LifecycleRunReport } from '../src/lifecycle/lifecycle-run.service.ts';
import { DEFAULT_SETUP, saveSetup } from '../src/lifecycle/lifecycle-settings.store.ts';
import { STEP_LABELS, type LifecycleStep } from '../src/lifecycle/lifecycle.rules.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createRenderer } from '../src/templates/render.ts';
import { ensureDefaultTemplates } from '../src/templates/templates.store.ts';
import { queryTimer, sampleMemory } from './batch-measure.ts';
import { openPg, openPGlite, prepare, type Opened, type Options } from './batch.bench.ts';

/**
 * `npm run bench -- lifecycle [--target postgres|pglite] [--customers N] [--runs R] [--keep]`:
 * the daily 360° Customer Contact run of one store — find who is due for each step, decide e-mail,
 * postcard or skip with eligibility, render and enqueue — over N customers (default 200,000) with
 * the batch bench's vehicles and visits (5 per customer over six years, so about N/440 service
 * visits a day) plus appointments: a tenth of the customers booked in the next 30 days, and one
 * in a hundred a no-show in the last week. Every step is on with the product's default intervals,
 * e-mail and postcards both on. Each of R runs (default 3) starts from an empty outbox; the as-of
 * day is the day after the newest visit. Not delivery: the dispatcher is not running.
 * PostgreSQL needs DATABASE_URL; `--keep` shares the batch bench's kept database.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const target = opt('target') ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  if (target !== 'postgres' && target !== 'pglite') throw new Error('--target takes postgres or pglite');
  const customers = Number(opt('customers') ?? 200_000);
  const runs = Number(opt('runs') ?? 3);
  for (const [k, v] of Object.entries({ customers, runs }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} takes a positive integer`);
  const o: Options = {
    customers,
    matchPercent: 10,
    limit: Math.floor(customers / 10),
    runs,
    pool: 10,
    writes: 2,
    keep: args.includes('--keep'),
    explain: false,
    profile: false,
  };
  log(
    `node ${process.version}, ${os.cpus().length} cores; ${customers.toLocaleString('en')} customers; ${runs} runs; database: ${target}`,
  );
  const opened = target === 'postgres' ? await openPg(o) : await openPGlite(o);
  try {
    await measure(opened, o);
  } finally {
    await opened.close();
  }
}

// The batch bench's visits end on 2026-11-01; the run is on the next day at 10:00 in Toronto.
const AT = new Date('2026-11-02T15:00:00Z');

async function addAppointments(k: Kysely<Database>, storeId: number): Promise<number> {
  const have = await k
    .selectFrom('appointments')
    .select('id')
    .where('store_id', '=', storeId)
    .limit(1)
    .executeTakeFirst();
  if (have) return 0;
  // Booked: every tenth customer, 1–30 days ahead at 08:00–15:30; no-show: every hundredth, 1–7 days ago.
  const res = await sql`
    insert into appointments (store_id, customer_id, vehicle_id, dms_appointment_number, scheduled_at, status)
    select c.store_id, c.id, (select v.id from vehicles v where v.customer_id = c.id order by v.id limit 1),
      'BA' || c.id,
      case when c.id % 100 = 1
        then ${AT}::timestamptz - ((1 + c.id % 7) || ' days')::interval - ((c.id % 16) * 30 || ' minutes')::interval
        else date_trunc('day', ${AT}::timestamptz) + ((1 + c.id % 30) || ' days')::interval + ((12 + c.id % 16 / 2.0) || ' hours')::interval
      end,
      case when c.id % 100 = 1 then 'no_show' else 'scheduled' end
    from customers c where c.store_id = ${storeId} and (c.id % 10 = 0 or c.id % 100 = 1)`.execute(k);
  await sql`analyze appointments`.execute(k);
  return Number(res.numAffectedRows ?? 0);
}

async function reset(k: Kysely<Database>, storeId: number): Promise<void> {
  await sql`delete from outbox_events e using outbox_messages m where e.message_id = m.id and m.store_id = ${storeId} and m.source_kind = 'automation'`.execute(
    k,
  );
  await sql`delete from outbox_messages where store_id = ${storeId} and source_kind = 'automation'`.execute(k);
  await sql`delete from lifecycle_runs where store_id = ${storeId}`.execute(k);
  await sql`analyze outbox_messages, outbox_events`.execute(k);
}

async function measure(opened: Opened, o: Options): Promise<void> {
  const k = opened.db.kysely;
  log(`\n${opened.label}`);
  const p = await prepare(opened, o);
  log(`  data: ${p.loaded}`);
  const appts = await addAppointments(k, p.storeId);
  if (appts) log(`  appointments added: ${appts.toLocaleString('en')}`);
  await ensureDefaultTemplates(k, p.storeId);
  await k
    .updateTable('stores')
    .set({ feedback_url: 'https://bench-motors.test/feedback' })
    .where('id', '=', p.storeId)
    .execute();
  await saveSetup(k, { storeId: p.storeId, ...DEFAULT_SETUP, emailOn: true, postcardsOn: true }, null, AT);
  const i = DEFAULT_SETUP.intervals;
  log(
    `  set-up: e-mail and postcards on; Reminder 1 ${i.reminder1Days}, Reminder 2 ${i.reminder2Days}, No Show ${i.noShowDays}, ` +
      `Thank You ${i.thankYouDays}, Deferred ${i.deferredDays}, Inactive ${i.inactiveDays} every ${i.inactiveIntervalDays} until ${i.deadDays}; as of ${AT.toISOString()}`,
  );
  const timer = queryTimer();
  const service = createLifecycleRunService({
    db: k.withPlugin(timer.plugin),
    clock: fixedClock(AT),
    renderer: createRenderer(),
    unsubscribe: { urlFor: () => 'https://forecourt.test/u/bench' },
    owner: 'bench',
  });
  const seconds: number[] = [];
  let last: LifecycleRunReport | undefined;
  for (let r = 1; r <= o.runs; r++) {
    await reset(k, p.storeId);
    timer.reset();
    const mem = sampleMemory();
    const t0 = performance.now();
    last = await service.run(p.storeId, { at: AT });
    const s = (performance.now() - t0) / 1000;
    const m = mem.stop();
    seconds.push(s);
    log(
      `  run ${r}: ${s.toFixed(2)} s — due ${last.due}, enqueued ${last.enqueued}, skipped ${last.skipped}; peak RSS ${(m.rss / 1e6).toFixed(0)} MB`,
    );
    const slow = [...timer.totals.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4);
    log(`    slowest queries: ${slow.map(([q, t]) => `${q} ${t.n}× ${(t.ms / 1000).toFixed(2)} s`).join('; ')}`);
  }
  if (last) {
    for (const [step, c] of Object.entries(last.byStep))
      log(
        `    ${STEP_LABELS[step as LifecycleStep].padEnd(11)} due ${String(c.due).padStart(6)}  e-mail ${String(c.email).padStart(6)}  postcard ${String(c.postcard).padStart(5)}  skipped ${String(c.skipped).padStart(5)} ${JSON.stringify(c.reasons)}`,
      );
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  log(
    `\nlifecycle daily run, ${o.customers.toLocaleString('en')} customers: median ${median.toFixed(2)} s over ${seconds.length} runs (target ≤ 30 s on PostgreSQL)`,
  );
  await reset(k, p.storeId);
}

const log = (s: string) => process.stdout.write(`${s}\n`);
