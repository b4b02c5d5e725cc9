import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import { buildCustomer, buildStore } from '../../../test/support/factories.ts';
import type { Db } from '../../db/connect.ts';
import type { Customer, OutboxMessage, Store } from '../../db/schema.ts';
import { fixedClock } from '../../shared/clock.ts';
import { insertMessages } from '../outbox.store.ts';
import { checkAtSend } from '../send-check.service.ts';
import { createVoiceResults } from './voice-results.service.ts';

/**
 * The "Impossible to Contact" rules of dealermine-voice-drops, driven by drop results as the
 * provider reports them, with the clock moving forward between drops.
 */
const DAY = 86_400_000;
const clock = fixedClock('2026-06-15T14:00:00Z');
let db: Db;
let store: Store;
let seq = 0;

beforeAll(async () => {
  db = await openTestDb();
  store = await buildStore(db.kysely, { timeZone: 'America/Toronto' });
});
afterAll(() => db.close());

const results = () => createVoiceResults({ db: db.kysely, clock });

/** A drop to `target` that the provider has accepted (In Progress), as a port leaves it. */
async function sentDrop(c: Customer, target: string, kind: 'batch' | 'campaign' = 'batch'): Promise<OutboxMessage> {
  const ref = `run:${++seq}`;
  const { created } = await insertMessages(
    db.kysely,
    [
      {
        storeId: store.id,
        customerId: c.id,
        deliveryKey: `${kind}:${ref}:${c.id}:voice:`,
        sourceKind: kind,
        sourceRef: ref,
        step: '',
        channel: 'voice',
        purpose: 'service',
        contactType: null,
        templateVersionId: null,
        userId: null,
        target,
        sender: '+14165550100',
        cc: [],
        bcc: [],
        subject: null,
        html: null,
        text: 'Voice drop',
        mediaRef: 'recording:1',
        status: 'queued',
        statusReason: null,
        statusDetail: null,
        dueAt: clock.now(),
      },
    ],
    clock.now(),
  );
  const m = created[0];
  if (!m) throw new Error('not inserted');
  await db.kysely
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: clock.now() })
    .where('id', '=', m.id)
    .execute();
  return { ...m, status: 'sent' };
}

async function state(address: string) {
  return db.kysely.selectFrom('reachability_state').selectAll().where('address', '=', address).executeTakeFirst();
}

/** Whether a new drop to the customer would go out now (the send-time check). */
async function dropAllowed(c: Customer): Promise<boolean> {
  const probe = await sentDrop(c, c.cell_phone ?? c.home_phone ?? '');
  const verdict = (await checkAtSend(db.kysely, [probe], clock.now())).get(probe.id);
  await db.kysely.deleteFrom('outbox_events').where('message_id', '=', probe.id).execute();
  await db.kysely.deleteFrom('outbox_messages').where('id', '=', probe.id).execute();
  return verdict?.kind === 'send';
}

describe('impossible to contact, from real drop results', () => {
  it('a batch drop impossible on a cell blocks it 14 days; the third time, for good', async () => {
    const c = await buildCustomer(db.kysely, store.id, { region: 'ON', country: 'CA' });
    const cell = c.cell_phone ?? '';
    for (let time = 1; time <= 3; time++) {
      expect(await dropAllowed(c)).toBe(true);
      await results().record(await sentDrop(c, cell), 'impossible', null);
      const s = await state(cell);
      if (time < 3) {
        expect(s?.blocked_until?.getTime()).toBe(clock.now().getTime() + 14 * DAY);
        expect(s?.blocked_forever).toBe(false);
        expect(await dropAllowed(c)).toBe(false);
        clock.advance(15 * DAY);
      } else {
        expect(s?.blocked_forever).toBe(true);
      }
    }
    clock.advance(400 * DAY);
    expect(await dropAllowed(c)).toBe(false);
  });

  it('a home phone busy or unavailable 3 times in a row is blocked for good; a delivered drop resets the count', async () => {
    const c = await buildCustomer(db.kysely, store.id, {
      cell_phone: null,
      home_phone: '+14165557001',
      region: 'ON',
      country: 'CA',
    });
    const home = '+14165557001';
    await results().record(await sentDrop(c, home), 'busy', null);
    await results().record(await sentDrop(c, home), 'unavailable', null);
    await results().record(await sentDrop(c, home), 'delivered', null);
    expect((await state(home))?.blocked_forever).toBe(false);
    for (const r of ['busy', 'unavailable', 'busy'] as const) {
      clock.advance(DAY);
      await results().record(await sentDrop(c, home), r, null);
    }
    expect((await state(home))?.blocked_forever).toBe(true);
    expect(await dropAllowed(c)).toBe(false);
  });

  it('a Fetch campaign drop impossible rests the number 2 weeks, and never again after more than 5 in a row', async () => {
    const c = await buildCustomer(db.kysely, store.id, { region: 'ON', country: 'CA' });
    const cell = c.cell_phone ?? '';
    for (let time = 1; time <= 6; time++) {
      await results().record(await sentDrop(c, cell, 'campaign'), 'impossible', null);
      const s = await state(cell);
      if (time <= 5) {
        expect(s?.blocked_until?.getTime(), `after ${time}`).toBe(clock.now().getTime() + 14 * DAY);
        expect(s?.blocked_forever).toBe(false);
        clock.advance(15 * DAY);
        expect(await dropAllowed(c)).toBe(true);
      } else {
        expect(s?.blocked_forever).toBe(true);
      }
    }
  });

  it('records the result once: a repeated report changes nothing', async () => {
    const c = await buildCustomer(db.kysely, store.id);
    const m = await sentDrop(c, c.cell_phone ?? '');
    expect(await results().record(m, 'delivered', null)).toBe('recorded');
    expect(await results().record(m, 'impossible', null)).toBe('stale');
    const row = await db.kysely
      .selectFrom('outbox_messages')
      .select('status')
      .where('id', '=', m.id)
      .executeTakeFirst();
    expect(row?.status).toBe('delivered');
  });
});
