import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { OutgoingMessage, SendResult } from '../channels/channel.ts';
import type { SenderResolver } from '../channels/sender-resolver.ts';
import type { Database, OutboxMessage } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { claimDue, recordAttempts, releaseClaims, type AttemptOutcome } from './outbox.store.ts';
import { DEFAULT_RETRY, nextRetry, type RetryPolicy } from './retry.rules.ts';
import { checkAtSendWith, type SourceCheck, type Verdict } from './send-check.service.ts';

export interface DispatcherOptions {
  db: Kysely<Database>;
  clock: Clock;
  senders: SenderResolver;
  logger?: Logger | undefined;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Sends in flight at once (match the SMTP pool's connections). */
  concurrency?: number;
  /** How long a claim lasts before another worker may take the message over. */
  leaseMs?: number;
  retry?: RetryPolicy;
  /** Pause when there was nothing to do. */
  idleMs?: number;
  /**
   * Results are written in groups of this many (one statement each). A crash can leave at most
   * this many sent-but-unrecorded messages per worker, which the next worker sends again.
   */
  recordEvery?: number;
  /** Extra headers for a message (List-Unsubscribe); from the unsubscribe service. */
  headersFor?: (message: OutboxMessage) => Record<string, string>;
  /** Checks the message's source adds at send time (a lifecycle reminder's appointment). */
  sourceChecks?: readonly SourceCheck[];
  /** Called after each recorded attempt (e.g. to feed bounces to the reachability rules). */
  onOutcome?: (message: OutboxMessage, outcome: AttemptOutcome, result: SendResult | null) => Promise<void>;
}

function outgoing(m: OutboxMessage, headers: Record<string, string>): OutgoingMessage {
  return {
    id: m.id,
    storeId: m.store_id,
    deliveryKey: m.delivery_key,
    channel: m.channel,
    purpose: m.purpose,
    target: m.target ?? '',
    sender: m.sender,
    replyTo: m.reply_to,
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    html: m.body_html,
    text: m.body_text,
    headers,
  };
}

/**
 * Runs `work` over `items` with at most `limit` promises at once; `onLastStarts` is called once,
 * when the items not yet started no longer fill the lanes (time to fetch the next batch).
 */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  onLastStarts?: () => void,
): Promise<void> {
  let next = 0;
  let signalled = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (!signalled && items.length - next <= limit) {
        signalled = true;
        onLastStarts?.();
      }
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * The outbox worker: claims due messages with a lease, checks eligibility again, calls the
 * provider with the delivery key, and records what happened. One message's failure is recorded
 * on that message and never stops the others. A worker that dies mid-send leaves its claims to
 * run out; the next worker takes them over (only those in-flight messages can be sent twice, and
 * only by a provider that ignores the idempotency key).
 */
export function createDispatcher(opts: DispatcherOptions) {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const batchSize = opts.batchSize ?? 200;
  const concurrency = opts.concurrency ?? 10;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const policy = opts.retry ?? DEFAULT_RETRY;
  const idleMs = opts.idleMs ?? 1000;
  const recordEvery = opts.recordEvery ?? 25;
  const { db, clock } = opts;

  interface Result {
    m: OutboxMessage;
    outcome: AttemptOutcome;
    result: SendResult | null;
  }

  /** Batches results into one write per group; writes run one after another. */
  function createRecorder() {
    const pending: Result[] = [];
    let chain: Promise<void> = Promise.resolve();
    const write = async (items: Result[]) => {
      try {
        const recorded = await recordAttempts(
          db,
          owner,
          items.map((i) => ({ id: i.m.id, outcome: i.outcome })),
          clock.now(),
        );
        for (const i of items) {
          if (!recorded.has(i.m.id))
            opts.logger?.warn({ id: i.m.id }, 'outbox message was taken over before its result was recorded');
          else if (opts.onOutcome) await opts.onOutcome(i.m, i.outcome, i.result);
        }
      } catch (err) {
        // The claims run out and another round takes these messages again.
        opts.logger?.error({ err, ids: items.map((i) => i.m.id) }, 'could not record outbox attempts');
      }
    };
    const flush = (): Promise<void> => {
      const items = pending.splice(0);
      if (items.length > 0) chain = chain.then(() => write(items));
      return chain;
    };
    return {
      add(r: Result): void {
        pending.push(r);
        if (pending.length >= recordEvery) void flush();
      },
      flush,
    };
  }

  async function attempt(m: OutboxMessage, verdict: Verdict | undefined): Promise<Result> {
    let outcome: AttemptOutcome;
    let result: SendResult | null = null;
    if (!verdict || verdict.kind === 'skip') {
      outcome = {
        status: 'skipped',
        reason: verdict?.reason ?? 'not_eligible',
        detail: verdict?.detail ?? 'not checked',
      };
    } else if (verdict.kind === 'defer') {
      outcome = { status: 'deferred', until: verdict.until, detail: verdict.detail };
    } else if (!m.target) {
      outcome = { status: 'failed', reason: 'no_target', detail: 'the message has no address or number' };
    } else {
      try {
        const sender = await opts.senders.senderFor(m);
        result = await sender.send(outgoing(m, opts.headersFor?.(m) ?? {}));
        outcome = toOutcome(m, result, sender.provider);
      } catch (err) {
        // A provider adapter that throws is a transient failure of this one message.
        const message = err instanceof Error ? err.message : String(err);
        result = { kind: 'transient', error: message };
        outcome = toOutcome(m, result, 'unknown');
      }
    }
    return { m, outcome, result };
  }

  function toOutcome(m: OutboxMessage, result: SendResult, provider: string): AttemptOutcome {
    switch (result.kind) {
      case 'sent':
        return { status: 'sent', provider, providerMessageId: result.providerMessageId };
      case 'permanent':
        return { status: 'failed', reason: 'provider_refused', detail: result.error };
      case 'transient': {
        const next = nextRetry(m.attempts, clock.now(), policy, result.retryAfterMs);
        return next.retry
          ? { status: 'queued', retryAt: next.at, reason: 'provider_transient', detail: result.error }
          : {
              status: 'failed',
              reason: 'retries_exhausted',
              detail: `gave up after ${m.attempts} attempts: ${result.error}`,
            };
      }
    }
  }

  /** One round: claim, check, send, record. Returns how many messages it took. */
  interface Batch {
    claimed: OutboxMessage[];
    verdicts: Map<number, Verdict>;
  }

  async function claimBatch(): Promise<Batch> {
    const claimed = await claimDue(db, { now: clock.now(), limit: batchSize, leaseMs, owner });
    const verdicts =
      claimed.length > 0
        ? await checkAtSendWith(db, claimed, clock.now(), opts.sourceChecks ?? [])
        : new Map<number, Verdict>();
    return { claimed, verdicts };
  }

  /**
   * Sends a batch; when its last messages start, the next batch is claimed in the background so
   * the provider's connections never wait for the database between batches.
   */
  async function sendBatch(batch: Batch, prefetch: boolean): Promise<{ next: Promise<Batch> | null }> {
    const recorder = createRecorder();
    const ahead: { next: Promise<Batch> | null } = { next: null };
    await eachLimited(
      batch.claimed,
      concurrency,
      async (m) => recorder.add(await attempt(m, batch.verdicts.get(m.id))),
      prefetch
        ? () => {
            ahead.next = claimBatch();
            // Handled where it is awaited; this keeps an early rejection from going unobserved.
            ahead.next.catch(() => undefined);
          }
        : undefined,
    );
    await recorder.flush();
    return ahead;
  }

  /** One round without prefetching: claim, check, send, record. Returns how many messages it took. */
  async function runOnce(): Promise<number> {
    const batch = await claimBatch();
    if (batch.claimed.length === 0) return 0;
    await sendBatch(batch, false);
    return batch.claimed.length;
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  return {
    owner,
    runOnce,
    /** Runs rounds until the outbox has nothing due; for tests and CLI jobs. */
    async drain(): Promise<number> {
      let total = 0;
      for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      return total;
    },
    start(): void {
      if (running) return;
      running = true;
      loop = (async () => {
        let pending: Promise<Batch> | null = null;
        while (running) {
          let n = 0;
          try {
            const batch: Batch = await (pending ?? claimBatch());
            pending = null;
            n = batch.claimed.length;
            if (n > 0) pending = (await sendBatch(batch, true)).next;
          } catch (err) {
            pending = null;
            opts.logger?.error({ err }, 'outbox round failed');
          }
          if (n === 0 && running)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, idleMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
        }
        // A batch claimed ahead is given back rather than left to wait out its lease.
        if (pending) {
          const left = await pending.catch(() => null);
          if (left && left.claimed.length > 0)
            await releaseClaims(
              db,
              owner,
              left.claimed.map((m) => m.id),
              clock.now(),
            ).catch((err: unknown) => opts.logger?.error({ err }, 'could not release claimed messages'));
        }
      })();
    },
    /** Wakes an idle loop (after an enqueue). */
    poke(): void {
      wake?.();
    },
    /** Stops after the batch in hand; a batch claimed ahead is given back to the queue. */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
