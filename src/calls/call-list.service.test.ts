import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildUser } from '../../test/support/factories.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';
import type { Db } from '../db/connect.ts';
import type { Customer, NewCustomer, Store, User } from '../db/schema.ts';
import { fixedClock } from '../shared/clock.ts';
import { createCallListService } from './call-list.service.ts';
import { createCallResultsService } from './call-results.service.ts';

/** 14:00 in Toronto on Monday 2026-06-15: inside calling hours. */
const AT = new Date('2026-06-15T18:00:00Z');
let db: Db;
let store: Store;
let agents: User[];
const clock = fixedClock(AT);
const calls = () => createCallListService({ db: db.kysely, clock });
const results = () => createCallResultsService({ db: db.kysely, clock });

/** A customer due for maintenance: last service visit 200 days ago (`daysAgo` of their last contact). */
async function due(over: Partial<NewCustomer> = {}, lastContactDaysAgo?: number): Promise<Customer> {
  const c = await buildCustomer(db.kysely, store.id, { region: 'ON', ...over });
  await db.kysely
    .insertInto('visits')
    .values({
      store_id: store.id,
      customer_id: c.id,
      ro_number: `RO-${c.id}`,
      visit_date: '2025-11-27',
      department: 'service',
    })
    .execute();
  if (lastContactDaysAgo !== undefined)
    await db.kysely
      .insertInto('customer_contact_state')
      .values({
        customer_id: c.id,
        store_id: store.id,
        last_contacted_at: new Date(AT.getTime() - lastContactDaysAgo * 86_400_000),
      })
      .execute();
  return c;
}

async function codeId(key: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', store.id)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  clock.set(AT);
  store = await buildStore(db.kysely);
  await ensureContactDefaults(db.kysely, store.id);
  agents = [];
  for (let i = 0; i < 3; i++) agents.push(await buildUser(db.kysely, { role: 'agent', storeIds: [store.id] }));
});

describe('the call list', () => {
  it('is ordered by who was contacted longest ago, and leaves out the reserved, recycling and unreachable', async () => {
    const recent = await due({ first_name: 'Recent' }, 3);
    const old = await due({ first_name: 'Old' }, 90);
    const never = await due({ first_name: 'Never' });
    const reserved = await due({ first_name: 'Reserved' });
    await db.kysely
      .insertInto('customer_contact_state')
      .values({
        customer_id: reserved.id,
        store_id: store.id,
        reserved_by: 'run:1',
        reserved_until: new Date(AT.getTime() + 3_600_000),
      })
      .onConflict((oc) =>
        oc
          .column('customer_id')
          .doUpdateSet({ reserved_by: 'run:1', reserved_until: new Date(AT.getTime() + 3_600_000) }),
      )
      .execute();
    const recycling = await due({ first_name: 'Recycling' });
    await db.kysely
      .insertInto('customer_contact_state')
      .values({ customer_id: recycling.id, store_id: store.id, recycle_until: new Date(AT.getTime() + 86_400_000) })
      .execute();
    await due({ first_name: 'Nophone', cell_phone: null, home_phone: null, work_phone: null });
    const list = await calls().open(store, 'maintenance');
    expect(list).toMatchObject({ listKey: 'maintenance', day: '2026-06-15', purpose: 'service', size: 3, open: 3 });
    const order = [];
    for (const a of agents) order.push((await calls().next(store, 'maintenance', a.id))?.customerId);
    expect(order).toEqual([never.id, old.id, recent.id]);
  });

  it('never hands one customer to two agents, and gives an agent back the customer they hold', async () => {
    for (let i = 0; i < 6; i++) await due();
    const taken = await Promise.all(agents.map((a) => calls().next(store, 'maintenance', a.id)));
    const ids = taken.map((t) => t?.customerId);
    expect(new Set(ids).size).toBe(3);
    const again = await calls().next(store, 'maintenance', agents[0]!.id);
    expect(again?.entryId).toBe(taken[0]?.entryId);
  });

  it('puts a customer back when the lock lapses without a result, and passes over quiet hours for later', async () => {
    const c = await due();
    const first = await calls().next(store, 'maintenance', agents[0]!.id);
    expect(first?.customerId).toBe(c.id);
    expect(await calls().next(store, 'maintenance', agents[1]!.id)).toBeNull();
    clock.advance(11 * 60_000);
    expect((await calls().next(store, 'maintenance', agents[1]!.id))?.customerId).toBe(c.id);
    // 22:00 in Toronto: nobody is offered; the entry waits.
    const store2 = store;
    const late = createCallListService({ db: db.kysely, clock: fixedClock('2026-06-16T02:00:00Z') });
    await due();
    expect(await late.next(store2, 'maintenance', agents[2]!.id)).toBeNull();
  });

  it('re-decides a customer whose consent changed after the list was built', async () => {
    const withdrawn = await due({ first_name: 'Withdrawn' });
    const other = await due({ first_name: 'Other' }, 1);
    await calls().open(store, 'maintenance');
    clock.advance(60_000);
    await db.kysely
      .insertInto('consent_events')
      .values({
        store_id: store.id,
        customer_id: withdrawn.id,
        channel: 'call',
        purpose: 'service',
        granted: false,
        source: 'user',
        occurred_at: clock.now(),
        recorded_at: clock.now(),
      })
      .execute();
    expect((await calls().next(store, 'maintenance', agents[0]!.id))?.customerId).toBe(other.id);
    const entry = await db.kysely
      .selectFrom('call_list_entries')
      .select(['outcome', 'done_at'])
      .where('customer_id', '=', withdrawn.id)
      .executeTakeFirstOrThrow();
    expect(entry.outcome).toBe('skipped:consent_withdrawn');
  });

  it('logs a result: history under the agent, recycle period from the code, productive per the code', async () => {
    const c = await due();
    const t = await calls().next(store, 'maintenance', agents[0]!.id);
    const r = await results().log(
      t!.entryId,
      { userId: agents[0]!.id, storeIds: [store.id] },
      {
        recycleCodeId: await codeId('spoke_booked'),
        note: 'Booked for brakes',
        appointmentAt: new Date('2026-06-22T13:30:00Z'),
      },
    );
    expect(r).toMatchObject({
      customer_id: c.id,
      agent_user_id: agents[0]!.id,
      productive: true,
      recycle_code_key: 'spoke_booked',
    });
    const state = await db.kysely
      .selectFrom('customer_contact_state')
      .selectAll()
      .where('customer_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(state).toMatchObject({ recycle_code: 'spoke_booked', reserved_by: null, last_contacted_at: AT });
    expect(state.recycle_until?.getTime()).toBe(AT.getTime() + 180 * 86_400_000);
    const appt = await db.kysely
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', r.appointment_id!)
      .executeTakeFirstOrThrow();
    expect(appt).toMatchObject({ customer_id: c.id, status: 'scheduled', notes: 'Booked for brakes' });
  });

  it('refuses a result for a customer not taken, twice, or with an unknown code, each with a message', async () => {
    await due();
    await due();
    const t = await calls().next(store, 'maintenance', agents[0]!.id);
    const other = { userId: agents[1]!.id, storeIds: [store.id] };
    await expect(results().log(t!.entryId, other, { recycleCodeId: await codeId('no_answer') })).rejects.toThrow(
      /You have not taken this customer/,
    );
    const me = { userId: agents[0]!.id, storeIds: [store.id] };
    await expect(results().log(t!.entryId, me, { recycleCodeId: 999_999 })).rejects.toThrow(
      /not one of this store's active codes/,
    );
    await results().log(t!.entryId, me, { recycleCodeId: await codeId('no_answer') });
    await expect(results().log(t!.entryId, me, { recycleCodeId: await codeId('no_answer') })).rejects.toThrow(
      /already logged/,
    );
    await expect(
      results().log(t!.entryId, { userId: agents[0]!.id, storeIds: [] }, { recycleCodeId: 1 }),
    ).rejects.toThrow(/not found/);
  });

  it('a confirmed wrong number marks the number invalid, so the customer leaves phone lists', async () => {
    const c = await due({ cell_phone: '+14165550177', home_phone: null, work_phone: null });
    const me = { userId: agents[0]!.id, storeIds: [store.id] };
    const t = await calls().next(store, 'maintenance', me.userId);
    const wrong = await codeId('wrong_number');
    await expect(results().log(t!.entryId, me, { recycleCodeId: wrong, phone: '+14165550177' })).rejects.toThrow(
      /Confirm that \+14165550177 is a wrong number/,
    );
    await results().log(t!.entryId, me, { recycleCodeId: wrong, phone: '+14165550177', confirmWrongNumber: true });
    const state = await db.kysely
      .selectFrom('reachability_state')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('address', '=', '+14165550177')
      .executeTakeFirstOrThrow();
    expect(state.invalid).toBe(true);
    expect(c.id).toBeGreaterThan(0);
  });
});
