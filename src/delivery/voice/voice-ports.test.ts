import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildCustomer, buildUser } from '../../../test/support/factories.ts';
import { ensureContactDefaults } from '../../campaigns/contact-types.store.ts';
import { outboxMessage } from '../../../test/support/outbox.ts';
import { simulatorKeys } from '../../channels/voice/voice-config.ts';
import { createHttpVoiceProvider } from '../../channels/voice/voice-http.provider.ts';
import {
  simulatedResult,
  startVoiceSimulator,
  type ResultMix,
  type VoiceSimulator,
} from '../../channels/voice/voice-simulator.server.ts';
import type { Customer } from '../../db/schema.ts';
import { enqueueMessages } from '../outbox.store.ts';
import { createVoicePorts, type VoicePorts } from './voice-ports.ts';
import { createVoiceResults, createVoiceResultSignal } from './voice-results.service.ts';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
let t: TestApp;
let sim: VoiceSimulator;
let apiUrl: string;
let recordingId: number;
let seq = 0;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const keys = simulatorKeys(t.masterKey);
  sim = await startVoiceSimulator({
    apiKey: keys.apiKey,
    webhookSecret: keys.webhookSecret,
    defaults: { msPerDrop: 40, mix: { delivered: 100, busy: 0, unavailable: 0, impossible: 0, failed: 0 } },
    now: () => t.clock.now(),
  });
  const rec = await t.db.kysely
    .insertInto('voice_recordings')
    .values({
      store_id: t.storeA.id,
      name: 'Reminder',
      format: 'wav',
      duration_ms: 5000,
      size_bytes: 4,
      sha256: 'x',
      content: Buffer.from('RIFF'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  recordingId = rec.id;
});
afterAll(async () => {
  await sim.close();
  await t.close();
});

function ports(mix: ResultMix, maxPorts = 5): VoicePorts {
  const keys = simulatorKeys(t.masterKey);
  const signal = createVoiceResultSignal();
  return createVoicePorts({
    db: t.db.kysely,
    clock: t.clock,
    logger,
    owner: `test-${++seq}`,
    configFor: () =>
      Promise.resolve({
        provider: createHttpVoiceProvider({
          baseUrl: sim.url,
          apiKey: keys.apiKey,
          provider: 'voice_simulator',
          extra: { simulate: { msPerDrop: 40, mix } },
        }),
        maxPorts,
        resultTimeoutMs: 10_000,
      }),
    callbackUrl: (storeId) => `${apiUrl}/api/webhooks/voice/${storeId}`,
    results: createVoiceResults({ db: t.db.kysely, clock: t.clock, signal }),
    signal,
    pollMs: 50,
    resultPollMs: 20,
  });
}

/** `n` drops for one job, to customers with a cell (and a home phone). */
async function job(
  n: number,
  opts: { homeOnly?: boolean; ref?: string } = {},
): Promise<{ ref: string; customers: Customer[] }> {
  const ref = opts.ref ?? `run:${9000 + ++seq}`;
  const customers: Customer[] = [];
  for (let i = 0; i < n; i++) {
    const home = `+1416555${String(2000 + ++seq).slice(-4)}`;
    customers.push(
      await buildCustomer(t.db.kysely, t.storeA.id, {
        home_phone: home,
        ...(opts.homeOnly ? { cell_phone: null } : {}),
      }),
    );
  }
  await enqueueMessages(
    t.db.kysely,
    customers.map((c) =>
      outboxMessage(c, t.clock.now(), {
        sourceKind: 'batch',
        sourceRef: ref,
        deliveryKey: `batch:${ref.replace(':', '%3A')}:${c.id}:voice:`,
        channel: 'voice',
        target: c.cell_phone ?? c.home_phone,
        sender: '+14165550100',
        mediaRef: `recording:${recordingId}`,
        subject: null,
        html: null,
        text: 'Voice drop: Reminder',
      }),
    ),
    t.clock.now(),
  );
  return { ref, customers };
}

// Generous: a loaded CI machine can make each drop's round trips slow; a stall still fails.
async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
}

const messagesOf = (ref: string) =>
  t.db.kysely.selectFrom('outbox_messages').selectAll().where('source_ref', '=', ref).orderBy('id').execute();
const allFinal = (ref: string) => async () =>
  (await messagesOf(ref)).every((m) => m.status === 'delivered' || m.status === 'failed' || m.status === 'skipped');

describe('voice ports', { timeout: 90_000 }, () => {
  it('send each job one drop at a time, jobs side by side, and record In Progress then the result', async () => {
    const before = sim.stats();
    const jobs = [await job(6), await job(6), await job(6)];
    const p = ports({ delivered: 100, busy: 0, unavailable: 0, impossible: 0, failed: 0 });
    p.start();
    for (const j of jobs) await until(allFinal(j.ref));
    await p.stop();
    const stats = sim.stats();
    expect(stats.drops - before.drops).toBe(18);
    for (const j of jobs) expect(stats.maxInFlightByJob.get(`batch:${j.ref.replace(':', '%3A')}`)).toBe(1);
    // Three jobs due together ran on three ports at once.
    expect(stats.maxInFlight).toBeGreaterThanOrEqual(2);
    const [first] = await messagesOf(jobs[0]?.ref ?? '');
    const events = await t.db.kysely
      .selectFrom('outbox_events')
      .select(['status', 'detail'])
      .where('message_id', '=', first?.id ?? 0)
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.status, e.detail])).toEqual([
      ['queued', null],
      ['sent', 'In Progress'],
      ['delivered', 'Delivered to voicemail'],
    ]);
    const timing = await t.db.kysely
      .selectFrom('voice_jobs')
      .selectAll()
      .where('source_ref', '=', jobs[0]?.ref ?? '')
      .executeTakeFirstOrThrow();
    expect(timing.first_drop_at).not.toBeNull();
    expect(timing.last_result_at).not.toBeNull();
    expect(timing.lease_owner).toBeNull();
  });

  it('keeps to the store’s port cap', async () => {
    const before = sim.stats().maxInFlight;
    const jobs = [await job(3), await job(3), await job(3), await job(3)];
    // The cap counts every open port of the store; earlier tests' ports are all released.
    const p = ports({ delivered: 100, busy: 0, unavailable: 0, impossible: 0, failed: 0 }, 2);
    const seen: number[] = [];
    const watch = setInterval(() => seen.push(p.running().length), 5);
    p.start();
    for (const j of jobs) await until(allFinal(j.ref));
    clearInterval(watch);
    await p.stop();
    expect(Math.max(...seen)).toBeLessThanOrEqual(2);
    expect(before).toBeGreaterThan(0);
  });

  it('maps results to statuses and reachability: impossible blocks the cell, busy counts on the home phone', async () => {
    const mix = { delivered: 0, busy: 0, unavailable: 0, impossible: 100, failed: 0 };
    const cells = await job(2);
    const p = ports(mix);
    p.start();
    await until(allFinal(cells.ref));
    await p.stop();
    const rows = await messagesOf(cells.ref);
    expect(rows.map((m) => [m.status, m.status_reason])).toEqual([
      ['failed', 'impossible'],
      ['failed', 'impossible'],
    ]);
    const cell = cells.customers[0]?.cell_phone ?? '';
    const state = await t.db.kysely
      .selectFrom('reachability_state')
      .selectAll()
      .where('address', '=', cell)
      .executeTakeFirstOrThrow();
    // A batch drop impossible on a cell: blocked for 14 days.
    expect(state.blocked_until?.getTime()).toBe(t.clock.now().getTime() + 14 * 86_400_000);

    const homes = await job(1, { homeOnly: true });
    const busy = ports({ delivered: 0, busy: 100, unavailable: 0, impossible: 0, failed: 0 });
    busy.start();
    await until(allFinal(homes.ref));
    await busy.stop();
    const events = await t.db.kysely
      .selectFrom('reachability_events')
      .select(['line', 'outcome', 'source'])
      .where('address', '=', homes.customers[0]?.home_phone ?? '')
      .execute();
    expect(events).toEqual([{ line: 'home_phone', outcome: 'busy', source: 'voice_batch' }]);
  });

  it('reports a job: the time from first drop to last result, the count per result, the numbers blocked', async () => {
    const k = t.db.kysely;
    await ensureContactDefaults(k, t.storeA.id);
    const caller = await k
      .insertInto('voice_caller_ids')
      .values({ store_id: t.storeA.id, number: '+14165550100', label: 'BDC' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const query = await k
      .insertInto('saved_queries')
      .values({ store_id: t.storeA.id, name: 'Everyone', filter: JSON.stringify({ op: 'and', rules: [] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const code = await k
      .selectFrom('recycle_codes')
      .select('id')
      .where('store_id', '=', t.storeA.id)
      .where('key', '=', 'voice_drop')
      .executeTakeFirstOrThrow();
    const schedule = await k
      .insertInto('batch_schedules')
      .values({
        store_id: t.storeA.id,
        name: 'Drops',
        channel: 'voice',
        kind: 'fetch',
        saved_query_id: query.id,
        recycle_code_id: code.id,
        template_id: null,
        recording_id: recordingId,
        caller_id_id: caller.id,
        daily_limit: 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await k
      .insertInto('batch_runs')
      .values({
        store_id: t.storeA.id,
        schedule_id: schedule.id,
        run_date: '2026-06-15',
        status: 'done',
        as_of: t.clock.now(),
        started_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const j = await job(3, { ref: `run:${run.id}` });
    const p = ports({ delivered: 0, busy: 0, unavailable: 0, impossible: 100, failed: 0 });
    p.start();
    await until(allFinal(j.ref));
    await p.stop();
    await buildUser(k, { role: 'agent', storeIds: [t.storeA.id], email: `voice.agent${++seq}@example.test` });
    const agent = await login(t.app, `voice.agent${seq}@example.test`);
    const report = (await agent.get(`/api/batch-runs/${run.id}/voice-report`)).json<{
      drops: number;
      durationMs: number | null;
      byStatus: Record<string, number>;
      newlyBlocked: { number: string; forever: boolean; until: string | null }[];
    }>();
    expect(report).toMatchObject({ drops: 3, byStatus: { impossible: 3 } });
    expect(report.durationMs).not.toBeNull();
    expect(report.newlyBlocked.map((b) => b.number).sort()).toEqual(j.customers.map((c) => c.cell_phone).sort());
    expect(report.newlyBlocked[0]).toMatchObject({ forever: false, until: '2026-06-29T14:00:00.000Z' });
  });

  it('sends a test drop to a staff number once, through a port, outside any customer’s history', async () => {
    const k = t.db.kysely;
    await buildUser(k, { role: 'manager', storeIds: [t.storeA.id], email: `voice.manager${++seq}@example.test` });
    const manager = await login(t.app, `voice.manager${seq}@example.test`);
    const caller = await k
      .insertInto('voice_caller_ids')
      .values({ store_id: t.storeA.id, number: '+14165550177', label: 'Test line' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = { callerIdId: caller.id, to: '(416) 555-0142', requestKey: 'test-drop-key-1' };
    const first = await manager.send('POST', `/api/voice/recordings/${recordingId}/test-drop`, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await manager.send('POST', `/api/voice/recordings/${recordingId}/test-drop`, body);
    expect(again.json<{ messageId: number }>().messageId).toBe(first.json<{ messageId: number }>().messageId);
    const p = ports({ delivered: 100, busy: 0, unavailable: 0, impossible: 0, failed: 0 });
    p.start();
    await until(allFinal('test-drop:test-drop-key-1'));
    await p.stop();
    const [m] = await messagesOf('test-drop:test-drop-key-1');
    expect(m).toMatchObject({ status: 'delivered', customer_id: null, target: '+14165550142', sender: '+14165550177' });
  });

  it('ignores a result for a drop it does not know, and refuses a bad signature', async () => {
    const keys = simulatorKeys(t.masterKey);
    const body = JSON.stringify({ id: 'drop_x', foreignId: 'batch:nope:1:voice:', result: 'delivered' });
    const ts = String(Math.floor(t.clock.now().getTime() / 1000));
    const { hmacSignature } = await import('../webhooks/signatures.ts');
    const ok = await fetch(`${apiUrl}/api/webhooks/voice/${t.storeA.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forecourt-timestamp': ts,
        'x-forecourt-signature': hmacSignature(keys.webhookSecret, ts, body),
      },
      body,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ outcome: 'unknown' });
    const forged = await fetch(`${apiUrl}/api/webhooks/voice/${t.storeA.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forecourt-timestamp': ts, 'x-forecourt-signature': 'ab' },
      body,
    });
    expect(forged.status).toBe(403);
  });

  it('a provider that does not answer puts the drop back and frees the port', async () => {
    const j = await job(1);
    const signal = createVoiceResultSignal();
    const p = createVoicePorts({
      db: t.db.kysely,
      clock: t.clock,
      logger,
      owner: 'down',
      configFor: () =>
        Promise.resolve({
          provider: createHttpVoiceProvider({ baseUrl: 'http://127.0.0.1:9', apiKey: 'x', timeoutMs: 500 }),
          maxPorts: 5,
          resultTimeoutMs: 10_000,
        }),
      callbackUrl: () => `${apiUrl}/x`,
      results: createVoiceResults({ db: t.db.kysely, clock: t.clock, signal }),
      signal,
      pollMs: 50,
    });
    p.start();
    await until(async () => (await messagesOf(j.ref))[0]?.status_reason === 'provider_error');
    await until(() => Promise.resolve(p.running().length === 0));
    await p.stop();
    const [m] = await messagesOf(j.ref);
    expect(m).toMatchObject({ status: 'queued', attempts: 1 });
    expect(m?.due_at.getTime()).toBeGreaterThan(t.clock.now().getTime());
    const lease = await t.db.kysely
      .selectFrom('voice_jobs')
      .select('lease_owner')
      .where('source_ref', '=', j.ref)
      .executeTakeFirstOrThrow();
    expect(lease.lease_owner).toBeNull();
  });

  it('draws results deterministically from the mix', () => {
    const mix = { delivered: 50, busy: 50, unavailable: 0, impossible: 0, failed: 0 };
    expect(simulatedResult('a', mix)).toBe(simulatedResult('a', mix));
    const drawn = new Set(Array.from({ length: 50 }, (_, i) => simulatedResult(`k${i}`, mix)));
    expect(drawn).toEqual(new Set(['delivered', 'busy']));
  });
});
