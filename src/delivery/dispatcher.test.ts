import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore } from '../../test/support/factories.ts';
import { outboxMessage } from '../../test/support/outbox.ts';
import { recordingSender } from '../../test/support/recording-sender.ts';
import type { Db } from '../db/connect.ts';
import type { Customer, Store } from '../db/schema.ts';
import { fixedClock } from '../shared/clock.ts';
import { deliveryKey } from './delivery-key.rules.ts';
import { createDispatcher } from './dispatcher.ts';
import { claimDue, enqueueMessages, insertMessages, type NewOutboxMessage } from './outbox.store.ts';

let db: Db;
let store: Store;
const clock = fixedClock('2026-06-15T16:00:00Z'); // noon in Toronto: inside the send window
beforeAll(async () => {
  db = await openTestDb();
  store = await buildStore(db.kysely, { code: 'DSP', name: 'Dispatch Motors', timeZone: 'America/Toronto' });
});
afterAll(() => db.close());
beforeEach(() => clock.set('2026-06-15T16:00:00Z'));

let run = 0;
function message(c: Customer, over: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  const ref = `run-${run}`;
  return outboxMessage(c, clock.now(), {
    deliveryKey: deliveryKey({ sourceKind: 'batch', sourceRef: ref, customerId: c.id, channel: 'email' }),
    sourceKind: 'batch',
    sourceRef: ref,
    contactType: 'maintenance',
    ...over,
  });
}

async function customers(n: number): Promise<Customer[]> {
  run++;
  return Promise.all(Array.from({ length: n }, () => buildCustomer(db.kysely, store.id)));
}

const statusOf = async (storeId: number) =>
  db.kysely
    .selectFrom('outbox_messages')
    .select(['id', 'customer_id', 'status', 'status_reason', 'attempts', 'due_at'])
    .where('store_id', '=', storeId)
    .where('source_ref', '=', `run-${run}`)
    .orderBy('id')
    .execute();

describe('outbox ledger and dispatcher', () => {
  it('enqueuing the same message twice keeps one row', async () => {
    const [c] = await customers(1);
    if (!c) throw new Error('no customer');
    const first = await insertMessages(db.kysely, [message(c)], clock.now());
    const again = await insertMessages(db.kysely, [message(c), message(c)], clock.now());
    expect(first.created).toHaveLength(1);
    expect(again.created).toHaveLength(0);
    expect(again.existing.map((m) => m.id)).toEqual([first.created[0]?.id]);
  });

  it('enqueues a batch in one statement with its history events, once', async () => {
    const cs = await customers(3);
    expect(
      await enqueueMessages(
        db.kysely,
        cs.map((c) => message(c)),
        clock.now(),
      ),
    ).toBe(3);
    expect(
      await enqueueMessages(
        db.kysely,
        cs.map((c) => message(c)),
        clock.now(),
      ),
    ).toBe(0);
    const rows = await statusOf(store.id);
    expect(rows).toHaveLength(3);
    const events = await db.kysely
      .selectFrom('outbox_events')
      .select('status')
      .where(
        'message_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(events.map((e) => e.status)).toEqual(['queued', 'queued', 'queued']);
    await createDispatcher({ db: db.kysely, clock, senders: recordingSender() }).drain();
  });

  it('sends each due message once, with its delivery key, and records the provider id', async () => {
    const cs = await customers(5);
    await insertMessages(
      db.kysely,
      cs.map((c) => message(c)),
      clock.now(),
    );
    const sender = recordingSender();
    const d = createDispatcher({ db: db.kysely, clock, senders: sender, batchSize: 2 });
    await d.drain();
    const rows = await statusOf(store.id);
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill('sent'));
    const mine = () => sender.sent.filter((m) => cs.some((c) => m.target === c.email));
    expect(mine()).toHaveLength(5);
    expect(new Set(mine().map((m) => m.deliveryKey)).size).toBe(5);
    expect(await d.drain()).toBe(0);
    expect(mine()).toHaveLength(5);
  });

  it('retries a transient failure with backoff, and one failing message never blocks the rest', async () => {
    const cs = await customers(3);
    const flaky = cs[1]?.email;
    await insertMessages(
      db.kysely,
      cs.map((c) => message(c)),
      clock.now(),
    );
    const sender = recordingSender((m, attempt) =>
      m.target === flaky && attempt < 3
        ? { kind: 'transient', error: '421 try later', retryAfterMs: 60_000 }
        : { kind: 'sent', providerMessageId: null },
    );
    const d = createDispatcher({ db: db.kysely, clock, senders: sender });
    await d.drain();
    let rows = await statusOf(store.id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'queued', 'sent']);
    expect(rows[1]?.due_at.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 60_000);
    for (let i = 0; i < 2; i++) {
      clock.advance(2 * 3600_000);
      await d.drain();
    }
    rows = await statusOf(store.id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows[1]?.attempts).toBe(3);
    const events = await db.kysely
      .selectFrom('outbox_events')
      .select('status')
      .where('message_id', '=', rows[1]?.id ?? 0)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.status)).toEqual(['queued', 'retry', 'retry', 'sent']);
  });

  it('fails a permanently refused message and gives up after the last retry', async () => {
    const cs = await customers(2);
    await insertMessages(
      db.kysely,
      cs.map((c) => message(c)),
      clock.now(),
    );
    const sender = recordingSender((m) =>
      m.target === cs[0]?.email
        ? { kind: 'permanent', error: '550 no such user' }
        : { kind: 'transient', error: 'timeout' },
    );
    const d = createDispatcher({
      db: db.kysely,
      clock,
      senders: sender,
      retry: { maxAttempts: 2, baseDelayMs: 1000, maxDelayMs: 1000 },
    });
    await d.drain();
    clock.advance(5000);
    await d.drain();
    const rows = await statusOf(store.id);
    expect(rows.map((r) => [r.status, r.status_reason])).toEqual([
      ['failed', 'provider_refused'],
      ['failed', 'retries_exhausted'],
    ]);
  });

  it('checks eligibility again at send time: a withdrawal since queueing skips the message', async () => {
    const cs = await customers(2);
    await insertMessages(
      db.kysely,
      cs.map((c) => message(c)),
      clock.now(),
    );
    await db.kysely
      .updateTable('customers')
      .set({ email_on: false })
      .where('id', '=', cs[0]?.id ?? 0)
      .execute();
    const sender = recordingSender();
    await createDispatcher({ db: db.kysely, clock, senders: sender }).drain();
    const rows = await statusOf(store.id);
    expect(rows.map((r) => [r.status, r.status_reason])).toEqual([
      ['skipped', 'method_off'],
      ['sent', null],
    ]);
    expect(sender.sent).toHaveLength(1);
  });

  it('defers a text due in quiet hours to the recipient’s next window, then sends it', async () => {
    const [c] = await customers(1);
    if (!c) throw new Error('no customer');
    clock.set('2026-06-16T03:00:00Z'); // 23:00 in Toronto
    await insertMessages(
      db.kysely,
      [message(c, { channel: 'sms', target: c.cell_phone, deliveryKey: `sms-${c.id}` })],
      clock.now(),
    );
    const sender = recordingSender();
    const d = createDispatcher({ db: db.kysely, clock, senders: sender });
    await d.drain();
    let [row] = await statusOf(store.id);
    expect(row?.status).toBe('deferred');
    expect(row?.due_at.toISOString()).toBe('2026-06-16T12:00:00.000Z'); // 08:00 in Toronto
    clock.set('2026-06-16T12:00:01Z');
    await d.drain();
    [row] = await statusOf(store.id);
    expect(row?.status).toBe('sent');
    expect(row?.attempts).toBe(1);
  });

  it('runs continuously, claiming the next batch while one is sending, and gives back claims when stopped', async () => {
    const cs = await customers(30);
    await insertMessages(
      db.kysely,
      cs.map((c) => message(c)),
      clock.now(),
    );
    const sender = recordingSender(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { kind: 'sent', providerMessageId: null };
    });
    const d = createDispatcher({ db: db.kysely, clock, senders: sender, batchSize: 8, concurrency: 3, idleMs: 10 });
    d.start();
    const deadline = Date.now() + 20_000;
    while ((await statusOf(store.id)).some((r) => r.status !== 'sent') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await d.stop();
    expect((await statusOf(store.id)).map((r) => r.status)).toEqual(Array(30).fill('sent'));

    const more = await customers(40);
    await insertMessages(
      db.kysely,
      more.map((c) => message(c)),
      clock.now(),
    );
    const slow = recordingSender(async () => {
      await new Promise((r) => setTimeout(r, 30));
      return { kind: 'sent', providerMessageId: null };
    });
    const d2 = createDispatcher({ db: db.kysely, clock, senders: slow, batchSize: 8, concurrency: 2, idleMs: 10 });
    d2.start();
    await new Promise((r) => setTimeout(r, 150));
    await d2.stop();
    const after = await statusOf(store.id);
    expect(after.filter((r) => r.status === 'sending')).toEqual([]);
    expect(after.some((r) => r.status === 'queued')).toBe(true);
    expect(after.filter((r) => r.status === 'queued').every((r) => r.attempts === 0)).toBe(true);
    await createDispatcher({ db: db.kysely, clock, senders: recordingSender() }).drain();
  });

  it('takes over a message whose worker died mid-send once its lease runs out', async () => {
    const [c] = await customers(1);
    if (!c) throw new Error('no customer');
    await insertMessages(db.kysely, [message(c)], clock.now());
    const dead = await claimDue(db.kysely, { now: clock.now(), limit: 10, leaseMs: 60_000, owner: 'dead-worker' });
    expect(dead).toHaveLength(1);
    const sender = recordingSender();
    const d = createDispatcher({ db: db.kysely, clock, senders: sender });
    expect(await d.drain()).toBe(0); // still leased
    clock.advance(61_000);
    await d.drain();
    const [row] = await statusOf(store.id);
    expect(row?.status).toBe('sent');
    expect(row?.attempts).toBe(2);
  });
});
