import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { VoiceDropProvider } from '../../channels/voice/voice-drop.provider.ts';
import type { Database, OutboxMessage } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { nextRetry } from '../retry.rules.ts';
import { checkAtSend } from '../send-check.service.ts';
import type { VoiceResults, VoiceResultSignal } from './voice-results.service.ts';

export interface VoiceStoreConfig {
  provider: VoiceDropProvider;
  /** Jobs of the store that may send at once (one port each). */
  maxPorts: number;
  /** How long a port waits for a drop's result before recording it failed and moving on. */
  resultTimeoutMs: number;
}

export interface VoicePorts {
  start(): void;
  /** Look for due jobs now (a batch run just enqueued drops). */
  poke(): void;
  /** Stops taking drops; a port waiting for a result lets go (the result is still recorded when it comes). */
  stop(): Promise<void>;
  /** Ports running in this process, by job ('<store>:<source_ref>'). */
  running(): string[];
}

// Two-key advisory lock (namespace, store): one process at a time decides whether a store may open a port.
const PORTS_LOCK = 734_202;
const CLAIM_MS = 60_000;

/**
 * Ringless voice drops, "one port per job" (dealermine-voice-drops): a job is the voice messages
 * of one batch or campaign run; its port sends one drop, waits for that drop's result, then sends
 * the next. Jobs due together run side by side, each on its own port, up to the store's port cap.
 * A port is a lease on the job's `voice_jobs` row, so across processes a job still has one port;
 * a port whose process died is taken over when its lease runs out.
 *
 * Each drop is checked again at send time (consent, reachability, quiet hours in the recipient's
 * zone), recorded "In Progress" the moment the provider accepts it, and final when the result
 * comes back (voice-results.service.ts). A provider that is down puts the drop back with a
 * back-off and frees the port; a result that never comes fails the drop after resultTimeoutMs.
 */
export function createVoicePorts(deps: {
  db: Kysely<Database>;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  owner: string;
  configFor(storeId: number): Promise<VoiceStoreConfig>;
  callbackUrl(storeId: number): string;
  results: VoiceResults;
  signal: VoiceResultSignal;
  pollMs?: number;
  resultPollMs?: number;
  leaseMs?: number;
}): VoicePorts {
  const { db, clock, logger, owner } = deps;
  const pollMs = deps.pollMs ?? 1000;
  const resultPollMs = deps.resultPollMs ?? 500;
  const leaseMs = deps.leaseMs ?? 60_000;
  const ports = new Map<string, Promise<void>>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  const wakeups = new Set<() => void>();

  const now = () => clock.now();
  const later = (ms: number) => new Date(now().getTime() + ms);

  /** Drops whose claim ran out go back to the queue (the idempotency key stops a double drop);
   * drops still without a result after their deadline are failed. */
  async function recover(): Promise<void> {
    const at = now();
    await db
      .updateTable('outbox_messages')
      .set({ status: 'queued', lease_owner: null, updated_at: at })
      .where('channel', '=', 'voice')
      .where('status', '=', 'sending')
      .where('due_at', '<=', at)
      .execute();
    const silent = await db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('channel', '=', 'voice')
      .where('status', '=', 'sent')
      .where('due_at', '<=', at)
      .limit(500)
      .execute();
    for (const m of silent) await deps.results.record(m, 'failed', 'no result from the provider in time');
  }

  async function dueJobs(): Promise<{ store_id: number; source_ref: string }[]> {
    const { rows } = await sql<{ store_id: number; source_ref: string }>`
      select store_id, source_ref from outbox_messages
      where channel = 'voice' and status in ('queued', 'deferred') and due_at <= ${now()} and source_ref is not null
      group by store_id, source_ref order by min(id) limit 200`.execute(db);
    return rows;
  }

  /** Opens a port for the job if the store has one free and nobody else holds the job. */
  async function claimJob(storeId: number, sourceRef: string, maxPorts: number): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${PORTS_LOCK}, ${storeId}::int)`.execute(trx);
      const at = now();
      const open = await trx
        .selectFrom('voice_jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('store_id', '=', storeId)
        .where('lease_until', '>', at)
        .where('source_ref', '<>', sourceRef)
        .executeTakeFirstOrThrow();
      if (Number(open.n) >= maxPorts) return false;
      const row = await trx
        .insertInto('voice_jobs')
        .values({
          store_id: storeId,
          source_ref: sourceRef,
          lease_owner: owner,
          lease_until: later(leaseMs),
          created_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['store_id', 'source_ref'])
            .doUpdateSet({ lease_owner: owner, lease_until: later(leaseMs) })
            .where((eb) =>
              eb.or([
                eb('voice_jobs.lease_until', 'is', null),
                eb('voice_jobs.lease_until', '<=', at),
                eb('voice_jobs.lease_owner', '=', owner),
              ]),
            ),
        )
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    });
  }

  const releaseJob = (storeId: number, sourceRef: string, until: Date | null = null) =>
    db
      .updateTable('voice_jobs')
      .set({ lease_owner: null, lease_until: until })
      .where('store_id', '=', storeId)
      .where('source_ref', '=', sourceRef)
      .where('lease_owner', '=', owner)
      .execute();

  /** The job's next due drop, claimed for this port. */
  async function claimNext(storeId: number, sourceRef: string): Promise<OutboxMessage | undefined> {
    const at = now();
    const { rows } = await sql<OutboxMessage>`
      with next as (
        select id from outbox_messages
        where store_id = ${storeId} and source_ref = ${sourceRef} and channel = 'voice'
          and status in ('queued', 'deferred') and due_at <= ${at}
        order by id limit 1
        for update skip locked
      )
      update outbox_messages m
      set status = 'sending', lease_owner = ${owner}, due_at = ${later(CLAIM_MS)}, attempts = m.attempts + 1, updated_at = ${at}
      from next where m.id = next.id
      returning m.*`.execute(db);
    return rows[0];
  }

  async function setStatus(
    m: OutboxMessage,
    status: 'queued' | 'deferred' | 'skipped' | 'sent' | 'failed',
    fields: { reason?: string | null; detail: string; dueAt?: Date; provider?: string; providerId?: string },
  ): Promise<void> {
    const at = now();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('outbox_messages')
        .set({
          status,
          status_detail: fields.detail,
          updated_at: at,
          ...(fields.reason !== undefined ? { status_reason: fields.reason } : {}),
          ...(fields.dueAt ? { due_at: fields.dueAt } : {}),
          ...(fields.provider ? { provider: fields.provider } : {}),
          ...(fields.providerId ? { provider_message_id: fields.providerId } : {}),
          ...(status === 'sent' ? { sent_at: at } : {}),
          ...(status === 'skipped' || status === 'failed' ? { finished_at: at, lease_owner: null } : {}),
          ...(status === 'queued' || status === 'deferred' ? { lease_owner: null } : {}),
        })
        .where('id', '=', m.id)
        .execute();
      await trx
        .insertInto('outbox_events')
        .values({ message_id: m.id, store_id: m.store_id, status, detail: fields.detail, occurred_at: at })
        .execute();
    });
  }

  /** Waits until the drop is final (the webhook recorded it) or its deadline passes. */
  async function awaitResult(m: OutboxMessage, deadline: Date): Promise<void> {
    for (;;) {
      if (stopping) return;
      const row = await db.selectFrom('outbox_messages').select('status').where('id', '=', m.id).executeTakeFirst();
      if (!row || (row.status !== 'sent' && row.status !== 'sending')) return;
      if (now() >= deadline) {
        await deps.results.record(m, 'failed', 'no result from the provider in time');
        return;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(t);
          deps.signal.off('result', onResult);
          wakeups.delete(done);
          resolve();
        };
        const onResult = (id: number) => {
          if (id === m.id) done();
        };
        const t = setTimeout(done, resultPollMs);
        deps.signal.on('result', onResult);
        wakeups.add(done);
      });
    }
  }

  /** One drop; returns false when the port should stop (the provider is down). */
  async function sendOne(m: OutboxMessage, cfg: VoiceStoreConfig): Promise<boolean> {
    const verdict = (await checkAtSend(db, [m], now())).get(m.id) ?? { kind: 'send' };
    if (verdict.kind === 'skip') {
      await setStatus(m, 'skipped', { reason: verdict.reason, detail: verdict.detail });
      return true;
    }
    if (verdict.kind === 'defer') {
      await setStatus(m, 'deferred', { reason: 'quiet_hours', detail: verdict.detail, dueAt: verdict.until });
      return true;
    }
    const recording = /^recording:(\d+)$/.exec(m.media_ref ?? '')?.[1];
    if (!m.target || !m.sender || !recording) {
      await setStatus(m, 'failed', {
        reason: 'invalid_message',
        detail: 'a drop needs a number, a caller ID and a recording',
      });
      return true;
    }
    const customer =
      m.customer_id === null
        ? undefined
        : await db.selectFrom('customers').select('postal_code').where('id', '=', m.customer_id).executeTakeFirst();
    const res = await cfg.provider.drop({
      phone: m.target,
      recordingId: `${m.store_id}-${recording}`,
      callerId: m.sender,
      foreignId: m.delivery_key,
      postalCode: customer?.postal_code ?? null,
      callbackUrl: deps.callbackUrl(m.store_id),
    });
    if (res.kind === 'accepted') {
      const deadline = later(cfg.resultTimeoutMs);
      await setStatus(m, 'sent', {
        detail: 'In Progress',
        dueAt: deadline,
        provider: cfg.provider.provider,
        providerId: res.providerId,
      });
      await db
        .updateTable('voice_jobs')
        .set((eb) => ({ first_drop_at: eb.fn.coalesce('first_drop_at', sql<Date>`${now()}::timestamptz`) }))
        .where('store_id', '=', m.store_id)
        .where('source_ref', '=', m.source_ref ?? '')
        .execute();
      await awaitResult(m, deadline);
      return true;
    }
    if (res.kind === 'permanent') {
      await setStatus(m, 'sent', { detail: 'In Progress', provider: cfg.provider.provider });
      await deps.results.record({ ...m, status: 'sent' }, res.result, res.error);
      return true;
    }
    const retry = nextRetry(m.attempts, now(), undefined, res.retryAfterMs);
    if (!retry.retry) {
      await setStatus(m, 'failed', { reason: 'provider_error', detail: res.error });
      return true;
    }
    await setStatus(m, 'queued', { reason: 'provider_error', detail: res.error, dueAt: retry.at });
    return false;
  }

  async function runPort(storeId: number, sourceRef: string, cfg: VoiceStoreConfig): Promise<void> {
    try {
      while (!stopping) {
        const m = await claimNext(storeId, sourceRef);
        if (!m) break;
        await db
          .updateTable('voice_jobs')
          .set({ lease_until: later(leaseMs) })
          .where('store_id', '=', storeId)
          .where('source_ref', '=', sourceRef)
          .execute();
        // The provider is down: free the port; the drop's back-off decides when the job is due again.
        if (!(await sendOne(m, cfg))) break;
      }
    } catch (err) {
      logger.error({ err, storeId, sourceRef }, 'voice port failed');
    } finally {
      await releaseJob(storeId, sourceRef).catch(() => {});
    }
  }

  async function tick(): Promise<void> {
    if (stopping) return;
    await recover();
    const configs = new Map<number, VoiceStoreConfig>();
    for (const job of await dueJobs()) {
      const key = `${job.store_id}:${job.source_ref}`;
      if (ports.has(key)) continue;
      let cfg = configs.get(job.store_id);
      if (!cfg) {
        cfg = await deps.configFor(job.store_id);
        configs.set(job.store_id, cfg);
      }
      if (!(await claimJob(job.store_id, job.source_ref, cfg.maxPorts))) continue;
      const port = runPort(job.store_id, job.source_ref, cfg).finally(() => {
        ports.delete(key);
        poke();
      });
      ports.set(key, port);
    }
  }

  function poke(): void {
    if (stopping) return;
    ticking = ticking.then(tick).catch((err: unknown) => logger.error({ err }, 'voice ports tick failed'));
  }

  return {
    start() {
      poke();
      timer = setInterval(poke, pollMs);
    },
    poke,
    running: () => [...ports.keys()],
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      for (const w of [...wakeups]) w();
      await ticking;
      await Promise.all(ports.values());
    },
  };
}
