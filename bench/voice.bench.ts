import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.ts';
import { simulatorKeys } from '../src/channels/voice/voice-config.ts';
import { createHttpVoiceProvider } from '../src/channels/voice/voice-http.provider.ts';
import { startVoiceSimulator, type SimulatorStats } from '../src/channels/voice/voice-simulator.server.ts';
import { openPGlite, openPostgres, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { enqueueMessages, type NewOutboxMessage } from '../src/delivery/outbox.store.ts';
import { createVoicePorts } from '../src/delivery/voice/voice-ports.ts';
import { createVoiceResults, createVoiceResultSignal } from '../src/delivery/voice/voice-results.service.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createStore, ensureOrganisation } from '../src/stores/stores.store.ts';

/**
 * `npm run bench -- voice [--target pglite|postgres] [--jobs 5] [--drops 200] [--ms 50] [--ports 5]
 * [--pool 10] [--result-poll 500]`: issue #7's number. Ringless voice drops, "one port per job",
 * end to end: the ports (createVoicePorts) send each job's drops one at a time to the voice
 * simulator on 127.0.0.1 (`--ms` per drop, 100 % delivered), which posts each signed result to the
 * real API (buildApp, listening on 127.0.0.1); the webhook records the result and wakes the port
 * through the shared result signal. Measured: the wall time from ports.start() until every drop
 * of `--jobs` jobs of `--drops` drops is final, against ONE job of `--drops` drops in the same
 * run (the time of one job); the most drops in flight per job and overall (the simulator's
 * count); results; drops/s. The clock is fixed at 10:00 store time (quiet hours decided, open).
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const jobs = Number(opt('jobs', '5'));
  const drops = Number(opt('drops', '200'));
  const msPerDrop = Number(opt('ms', '50'));
  const maxPorts = Number(opt('ports', '5'));
  const poolSize = Number(opt('pool', '10'));
  const resultPollMs = Number(opt('result-poll', '500'));
  const target = opt('target', process.env.DATABASE_URL ? 'postgres' : 'pglite');

  process.stdout.write(
    `node ${process.version}; voice drops: ${jobs} jobs × ${drops} drops, simulator ${msPerDrop} ms per drop (100 % delivered), ${maxPorts} ports, ports poll 50 ms, result signal wired (result poll ${resultPollMs} ms as fallback); database: ${target}\n`,
  );
  const opened = await openDb(target, poolSize);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'forecourt-voice-bench-'));
  const logger = pino({ level: 'warn' });
  try {
    const db = opened.db;
    const k = db.kysely;
    // 10:00 in Toronto (EDT) on a Monday: inside every quiet-hours window.
    const clock = fixedClock('2026-06-15T14:00:00Z');
    const masterKey = randomBytes(32);
    const keys = simulatorKeys(masterKey);
    const signal = createVoiceResultSignal();

    // --- seed: 1 store, jobs × drops customers with a cell, a recording ---
    const org = await ensureOrganisation(k);
    const store = await createStore(k, org, {
      code: 'VOX',
      name: 'Voice Motors',
      country: 'CA',
      timeZone: 'America/Toronto',
      addressLine1: '1 Main St',
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5V 2T6',
    });
    const nCustomers = jobs * drops;
    await sql`
      insert into customers (store_id, dms_customer_number, first_name, last_name, cell_phone, region, postal_code, country, language)
      select ${store.id}, 'V' || i, 'First' || i, 'Last', '+1416' || (5550000 + i)::text, 'ON', 'M5V 2T6', 'CA', 'en'
      from generate_series(0, ${nCustomers - 1}) as i`.execute(k);
    const customers = await k
      .selectFrom('customers')
      .select(['id', 'cell_phone'])
      .where('store_id', '=', store.id)
      .orderBy('id')
      .execute();
    const recording = await k
      .insertInto('voice_recordings')
      .values({
        store_id: store.id,
        name: 'Service reminder',
        format: 'wav',
        duration_ms: 5000,
        size_bytes: 4,
        sha256: 'x',
        content: Buffer.from('RIFF'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // --- the API (webhooks) and the simulator, on the same clock ---
    const app = await buildApp({
      masterKey,
      config: { publicUrl: 'http://localhost', secureCookies: false, sessionTtlHours: 12, dataDir },
      db,
      clock,
      logger: false,
      webDist: '/nonexistent',
      voiceSignal: signal,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const mix = { delivered: 100, busy: 0, unavailable: 0, impossible: 0, failed: 0 };
    const sim = await startVoiceSimulator({
      apiKey: keys.apiKey,
      webhookSecret: keys.webhookSecret,
      defaults: { msPerDrop, mix },
      logger,
      now: () => clock.now(),
    });

    let runNo = 0;
    /** Enqueues `jobs` jobs of `drops` drops (customers taken in order) and runs them through fresh ports. */
    async function phase(nJobs: number, label: string) {
      const refs: string[] = [];
      const rows: NewOutboxMessage[] = [];
      for (let j = 0; j < nJobs; j++) {
        const ref = `run:${++runNo}`;
        refs.push(ref);
        for (const c of customers.slice(j * drops, (j + 1) * drops))
          rows.push(voiceMessage(store.id, c, ref, recording.id));
      }
      for (let i = 0; i < rows.length; i += 1000) await enqueueMessages(k, rows.slice(i, i + 1000), clock.now());
      const ids = new Set(
        (
          await k
            .selectFrom('outbox_messages')
            .select('id')
            .where('store_id', '=', store.id)
            .where('source_ref', 'in', refs)
            .execute()
        ).map((r) => r.id),
      );
      const total = ids.size;
      const before = sim.stats();

      let finals = 0;
      let doneAt = 0;
      let wake: () => void = () => {};
      const onResult = (id: number) => {
        if (!ids.has(id)) return;
        if (++finals === total) {
          doneAt = performance.now();
          wake();
        }
      };
      signal.on('result', onResult);
      // Drops that end without a webhook (skipped, failed at send) emit nothing: the table decides too.
      const allFinal = async () =>
        Number(
          (
            await k
              .selectFrom('outbox_messages')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('store_id', '=', store.id)
              .where('source_ref', 'in', refs)
              .where('status', 'in', ['delivered', 'failed', 'skipped'])
              .executeTakeFirstOrThrow()
          ).n,
        ) === total;

      const ports = createVoicePorts({
        db: k,
        clock,
        logger,
        owner: `bench-${label}`,
        configFor: () =>
          Promise.resolve({
            provider: createHttpVoiceProvider({
              baseUrl: sim.url,
              apiKey: keys.apiKey,
              provider: 'voice_simulator',
              extra: { simulate: { msPerDrop, mix } },
            }),
            maxPorts,
            resultTimeoutMs: 60_000,
          }),
        callbackUrl: (storeId) => `${apiUrl}/api/webhooks/voice/${storeId}`,
        results: createVoiceResults({ db: k, clock, signal }),
        signal,
        pollMs: 50,
        resultPollMs,
      });
      const limit = drops * (msPerDrop + 500) * nJobs + 60_000;
      const t0 = performance.now();
      ports.start();
      while (doneAt === 0) {
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 250);
        });
        if (doneAt === 0 && (await allFinal())) doneAt = performance.now();
        if (performance.now() - t0 > limit) throw new Error(`${label}: not all final after ${limit} ms`);
      }
      const elapsedMs = doneAt - t0;
      await ports.stop();
      signal.off('result', onResult);
      const after = sim.stats();
      const statuses = await k
        .selectFrom('outbox_messages')
        .select(['status', 'status_reason', (eb) => eb.fn.countAll<number>().as('n')])
        .where('store_id', '=', store.id)
        .where('source_ref', 'in', refs)
        .groupBy(['status', 'status_reason'])
        .orderBy('status')
        .execute();
      const perJob = refs.map((r) => after.maxInFlightByJob.get(`batch:${r.replace(':', '%3A')}`) ?? 0);
      return { label, refs, total, elapsedMs, before, after, perJob, statuses };
    }

    const many = await phase(jobs, `${jobs}-jobs`);
    const one = await phase(1, '1-job');

    report(many, drops, msPerDrop);
    report(one, drops, msPerDrop);
    const ratio = many.elapsedMs / one.elapsedMs;
    process.stdout.write(
      `\n${jobs} jobs vs 1 job: ${fmtS(many.elapsedMs)} vs ${fmtS(one.elapsedMs)} = ${ratio.toFixed(2)}× the time of one job (ideal 1.00× with ${maxPorts} ports ≥ ${jobs} jobs)\n`,
    );
    const maxPerJob = Math.max(...many.perJob, ...one.perJob);
    const stats = sim.stats();
    const delivered = [many, one]
      .flatMap((p) => p.statuses)
      .filter((s) => s.status === 'delivered')
      .reduce((a, s) => a + Number(s.n), 0);
    const expected = many.total + one.total;
    const checks = [
      [
        `every message delivered (${delivered.toLocaleString('en')} of ${expected.toLocaleString('en')})`,
        delivered === expected,
      ],
      [
        `no drop sent twice (simulator drops ${stats.drops.toLocaleString('en')} = messages ${expected.toLocaleString('en')})`,
        stats.drops === expected,
      ],
      [`at most 1 drop in flight per job (max ${maxPerJob})`, maxPerJob <= 1],
      [
        `${jobs} jobs ran side by side (max in flight overall ${many.after.maxInFlight}, expected ${Math.min(jobs, maxPorts)})`,
        many.after.maxInFlight === Math.min(jobs, maxPorts),
      ],
    ] as const;
    process.stdout.write('\nchecks:\n');
    for (const [what, ok] of checks) process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;

    await sim.close();
    await app.close();
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function report(
  p: {
    label: string;
    refs: string[];
    total: number;
    elapsedMs: number;
    before: SimulatorStats;
    after: SimulatorStats;
    perJob: number[];
    statuses: { status: string; status_reason: string | null; n: number }[];
  },
  drops: number,
  msPerDrop: number,
): void {
  const sent = p.after.drops - p.before.drops;
  const perDrop = p.elapsedMs / drops;
  const results = (Object.keys(p.after.results) as (keyof SimulatorStats['results'])[])
    .map((r) => `${r} ${p.after.results[r] - p.before.results[r]}`)
    .join(', ');
  const statuses = p.statuses
    .map((s) => `${s.status}${s.status_reason ? ` (${s.status_reason})` : ''} ${s.n}`)
    .join(', ');
  process.stdout.write(
    [
      `\n${p.label} (${p.refs.join(', ')}): ${p.total.toLocaleString('en')} drops`,
      `  elapsed (ports.start() → all final): ${fmtS(p.elapsedMs)}; ${Math.round(p.total / (p.elapsedMs / 1000)).toLocaleString('en')} drops/s`,
      `  per drop within a job: ${perDrop.toFixed(1)} ms (${msPerDrop} ms simulated + ${(perDrop - msPerDrop).toFixed(1)} ms send, webhook and bookkeeping)`,
      `  max in flight per job: ${p.perJob.join(', ')}; max in flight overall (simulator, cumulative): ${p.after.maxInFlight}`,
      `  simulator: ${sent.toLocaleString('en')} drops; results: ${results}`,
      `  outbox: ${statuses}`,
      '',
    ].join('\n'),
  );
}

/** A queued voice drop of batch run `ref` to the customer's cell, as the batch run enqueues it. */
function voiceMessage(
  storeId: number,
  c: { id: number; cell_phone: string | null },
  ref: string,
  recordingId: number,
): NewOutboxMessage {
  return {
    storeId,
    customerId: c.id,
    deliveryKey: `batch:${ref.replace(':', '%3A')}:${c.id}:voice:`,
    sourceKind: 'batch',
    sourceRef: ref,
    step: '',
    channel: 'voice',
    purpose: 'service',
    contactType: null,
    templateVersionId: null,
    userId: null,
    target: c.cell_phone,
    sender: '+14165550100',
    cc: [],
    bcc: [],
    subject: null,
    html: null,
    text: 'Voice drop: Service reminder',
    mediaRef: `recording:${recordingId}`,
    status: 'queued',
    statusReason: null,
    statusDetail: null,
    dueAt: new Date('2026-06-15T14:00:00Z'),
  };
}

async function openDb(target: string, poolSize: number): Promise<{ db: Db; close(): Promise<void> }> {
  if (target === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('set DATABASE_URL for --target postgres (eval "$(scripts/pg-test-server.sh start)")');
    const name = `forecourt_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString(), poolSize);
    await migrateToLatest(db);
    return {
      db,
      async close() {
        await db.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const db = await openPGlite();
  await migrateToLatest(db);
  return { db, close: () => db.close() };
}
