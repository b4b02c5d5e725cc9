import os from 'node:os';
import { sql } from 'kysely';
import { createCallListService, type TakenEntry } from '../src/calls/call-list.service.ts';
import { createCallResultsService } from '../src/calls/call-results.service.ts';
import type { Clock } from '../src/shared/clock.ts';
import { openPg, openPGlite, prepare, type Opened, type Options } from './batch.bench.ts';

/**
 * `npm run bench -- call-list [--target postgres|pglite] [--customers N] [--agents A] [--takes T] [--keep]`:
 * the agents' call list over N customers (default 1,000,000; the batch bench's data): the day's
 * "maintenance" list is built once (timed), then A agents (default 20) at the same time each take
 * "next customer" T times (default 50): in each round all agents ask at the same moment (timed), then
 * each logs "no answer" for their customer. Prints the build time,
 * the p50, p95 and worst take, and the double hand-outs (a customer handed to two agents), which
 * must be 0. PostgreSQL needs DATABASE_URL; `--keep` shares the batch bench's kept database.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const target = opt('target') ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  if (target !== 'postgres' && target !== 'pglite') throw new Error('--target takes postgres or pglite');
  const customers = Number(opt('customers') ?? (target === 'pglite' ? 200_000 : 1_000_000));
  const agents = Number(opt('agents') ?? 20);
  const takes = Number(opt('takes') ?? 50);
  for (const [k, v] of Object.entries({ customers, agents, takes }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} takes a positive integer`);
  const o: Options = {
    customers,
    matchPercent: 10,
    limit: Math.floor(customers / 10),
    runs: 1,
    pool: agents + 5,
    writes: 2,
    keep: args.includes('--keep'),
    explain: false,
    profile: false,
  };
  log(
    `node ${process.version}, ${os.cpus().length} cores; ${customers.toLocaleString('en')} customers; ${agents} agents × ${takes} takes; database: ${target}`,
  );
  const opened = target === 'postgres' ? await openPg(o) : await openPGlite(o);
  try {
    await measure(opened, o, agents, takes);
  } finally {
    await opened.close();
  }
}

// The agents work tomorrow from 10:00 in Toronto (inside calling hours whenever the bench runs,
// and after the data was loaded, as a day's list always is), their clock ticking in real time
// from there so locks last as long as they should.
const BASE = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(15, 0, 0, 0);
  return d.getTime();
})();
const started = Date.now();
const clock: Clock = { now: () => new Date(BASE + (Date.now() - started)) };

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function measure(opened: Opened, o: Options, agents: number, takes: number): Promise<void> {
  const k = opened.db.kysely;
  log(`\n${opened.label}`);
  const p = await prepare(opened, o);
  log(`  data: ${p.loaded}`);
  const store = await k.selectFrom('stores').selectAll().where('id', '=', p.storeId).executeTakeFirstOrThrow();
  // A clean day: no lists, results or holds from an earlier run.
  await sql`delete from call_results where store_id = ${store.id}`.execute(k);
  await sql`delete from call_lists where store_id = ${store.id}`.execute(k);
  await sql`delete from customer_contact_state where store_id = ${store.id}`.execute(k);
  const agentIds: number[] = [];
  for (let i = 0; i < agents; i++) {
    const email = `bench.agent.${i}@bench-motors.test`;
    const existing = await k.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    agentIds.push(
      existing?.id ??
        (
          await k
            .insertInto('users')
            .values({
              organisation_id: store.organisation_id,
              email,
              name: `Agent ${i}`,
              password_hash: 'x',
              role: 'agent',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    );
  }
  const noAnswer = await k
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', store.id)
    .where('key', '=', 'no_answer')
    .executeTakeFirstOrThrow();
  const calls = createCallListService({ db: k, clock });
  const results = createCallResultsService({ db: k, clock });

  const t0 = performance.now();
  const list = await calls.open(store, 'maintenance');
  log(
    `  built the day's "maintenance" list: ${list.size.toLocaleString('en')} customers in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );

  // Rounds in which every agent asks for the next customer at the same moment (the timed part),
  // then logs "no answer" for them before the next round.
  const latencies: number[] = [];
  const handed: TakenEntry[] = [];
  let empty = 0;
  const t1 = performance.now();
  for (let round = 0; round < takes; round++) {
    const taken = await Promise.all(
      agentIds.map(async (agentId) => {
        const s = performance.now();
        const t = await calls.next(store, 'maintenance', agentId);
        latencies.push(performance.now() - s);
        return { agentId, t };
      }),
    );
    for (const { t } of taken) {
      if (t) handed.push(t);
      else empty++;
    }
    await Promise.all(
      taken.map(({ agentId, t }) =>
        t
          ? results.log(t.entryId, { userId: agentId, storeIds: [store.id] }, { recycleCodeId: noAnswer.id })
          : Promise.resolve(null),
      ),
    );
  }
  const seconds = (performance.now() - t1) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const customersHanded = new Set(handed.map((h) => h.customerId));
  const doubles = handed.length - customersHanded.size;
  const dbDoubles = await sql<{ n: number }>`
    select count(*)::int as n from (
      select customer_id from call_results where store_id = ${store.id} group by customer_id having count(*) > 1
    ) x`.execute(k);
  log(
    `  ${takes} rounds of ${agents} simultaneous takes (${latencies.length} takes, each then logged) in ${seconds.toFixed(2)} s; ${empty} found the list empty`,
  );
  log(
    `\ncall list "next customer", ${o.customers.toLocaleString('en')} customers, ${agents} agents: p50 ${pct(sorted, 50).toFixed(1)} ms, p95 ${pct(sorted, 95).toFixed(1)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(1)} ms (target p95 ≤ 50 ms); double hand-outs ${doubles} (results logged twice for a customer: ${dbDoubles.rows[0]?.n ?? 0})`,
  );
}

const log = (s: string) => process.stdout.write(`${s}\n`);
