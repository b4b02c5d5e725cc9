import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, OutboxStatus } from '../db/schema.ts';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer } from '../../test/support/factories.ts';
import { outboxMessage } from '../../test/support/outbox.ts';
import { insertMessages } from '../delivery/outbox.store.ts';
import { ensureDefaultTemplates } from '../templates/templates.store.ts';
import { ensureContactDefaultsForAllStores } from './contact-types.store.ts';

let t: TestApp;
let agent: Client;
let agentB: Client;
let scheduleId: number;
let salesScheduleId: number;
let bScheduleId: number;
const customers: Record<string, Customer> = {};

type ContactsPage = {
  range: { from: string; to: string; timeZone: string };
  rows: {
    customerId: number;
    customerNumber: string;
    customerName: string;
    status: string;
    branchName: string;
    contactId: number | null;
  }[];
  total: number;
  statuses: Record<string, number>;
};
type Roi = {
  roiType: string;
  windowDays: number;
  contacted: Record<string, number | null>;
  control: Record<string, number | null>;
  liftPoints: number | null;
};

async function schedule(storeId: number, name: string, roiType: 'service' | 'sales' = 'service') {
  await ensureDefaultTemplates(t.db.kysely, storeId);
  const k = t.db.kysely;
  const template = await k
    .selectFrom('templates')
    .select('id')
    .where('store_id', '=', storeId)
    .where('channel', '=', 'email')
    .executeTakeFirstOrThrow();
  const query = await k
    .insertInto('saved_queries')
    .values({ store_id: storeId, name: `${name} query`, filter: JSON.stringify({ op: 'and', rules: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recycle = await k
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', storeId)
    .executeTakeFirstOrThrow();
  const s = await k
    .insertInto('batch_schedules')
    .values({
      store_id: storeId,
      name,
      channel: 'email',
      kind: 'fetch',
      saved_query_id: query.id,
      recycle_code_id: recycle.id,
      template_id: template.id,
      daily_limit: 10,
      roi_type: roiType,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return s.id;
}

/** A run on `day` at 09:30 Toronto taking each customer with the given status ('held_out': control group). */
async function run(
  id: number,
  storeId: number,
  day: string,
  took: [Customer, OutboxStatus | 'held_out' | 'not_enqueued'][],
) {
  const k = t.db.kysely;
  const at = new Date(`${day}T13:30:00Z`);
  const r = await k
    .insertInto('batch_runs')
    .values({
      store_id: storeId,
      schedule_id: id,
      run_date: day,
      status: 'done',
      as_of: at,
      started_at: at,
      finished_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [c, status] of took) {
    let messageId: number | null = null;
    if (status !== 'held_out' && status !== 'not_enqueued') {
      const { created } = await insertMessages(k, [outboxMessage(c, at, { sourceKind: 'batch' })], at);
      messageId = created[0]?.id ?? null;
      // Where the worker and the provider's webhooks would have taken it by now.
      if (messageId !== null)
        await k.updateTable('outbox_messages').set({ status }).where('id', '=', messageId).execute();
    }
    await k
      .insertInto('batch_contacts')
      .values({
        run_id: r.id,
        schedule_id: id,
        store_id: storeId,
        customer_id: c.id,
        channel: 'email',
        holdout: status === 'held_out',
        message_id: messageId,
        contacted_at: at,
      })
      .execute();
  }
}

const visit = (c: Customer, date: string, labour: number, parts: number) =>
  t.db.kysely
    .insertInto('visits')
    .values({
      store_id: c.store_id,
      customer_id: c.id,
      ro_number: `RO-${c.id}-${date}`,
      visit_date: date,
      department: 'service',
      labour_total: labour,
      parts_total: parts,
    })
    .execute();

beforeAll(async () => {
  t = await startTestApp();
  agent = await login(t.app, 'agent.a@example.test');
  agentB = await login(t.app, 'agent.b@example.test');
  await ensureContactDefaultsForAllStores(t.db.kysely);
  for (const name of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus']) {
    customers[name] = await buildCustomer(t.db.kysely, t.storeA.id, { first_name: name, last_name: 'Test' });
  }
  const c = (name: string) => customers[name] as Customer;
  scheduleId = await schedule(t.storeA.id, 'Oil change reminders');
  await run(scheduleId, t.storeA.id, '2026-06-10', [
    [c('Ann'), 'delivered'],
    [c('Ben'), 'bounced'],
    [c('Cat'), 'held_out'],
    [c('Dan'), 'complained'],
  ]);
  await run(scheduleId, t.storeA.id, '2026-06-12', [
    [c('Eve'), 'sent'],
    [c('Fay'), 'held_out'],
    [c('Gus'), 'not_enqueued'],
  ]);
  // Ann came in the next day (credited); Cat, held out, came anyway; Eve's RO is dated the contact
  // day itself (not credited); Ben's visit is 31 days later (outside the 30-day window).
  await visit(c('Ann'), '2026-06-11', 100, 50.25);
  await visit(c('Cat'), '2026-06-13', 80, 0);
  await visit(c('Eve'), '2026-06-12', 500, 0);
  await visit(c('Ben'), '2026-07-11', 500, 0);
  await t.db.kysely
    .insertInto('consent_events')
    .values({
      store_id: t.storeA.id,
      customer_id: c('Ben').id,
      channel: 'email',
      purpose: 'marketing',
      granted: false,
      basis: null,
      source: 'unsubscribe',
      occurred_at: new Date('2026-06-11T12:00:00Z'),
    })
    .execute();

  salesScheduleId = await schedule(t.storeA.id, 'Trade-up offers', 'sales');
  await run(salesScheduleId, t.storeA.id, '2026-06-10', [[c('Ann'), 'delivered']]);
  await t.db.kysely
    .insertInto('deals')
    .values({ store_id: t.storeA.id, customer_id: c('Ann').id, deal_number: 'D-1', sold_on: '2026-06-20' })
    .execute();

  bScheduleId = await schedule(t.storeB.id, 'Bravo only');
});
afterAll(() => t.close());

const url = (id: number, path: string, query = '') => `/api/batch-schedules/${id}/${path}${query ? `?${query}` : ''}`;

describe('batch contact status', () => {
  it('lists the range’s contacts newest first with customer, status, branch and message', async () => {
    const res = await agent.get(url(scheduleId, 'contacts', 'from=2026-06-10&to=2026-06-15'));
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ContactsPage>();
    expect(page.range).toEqual({ from: '2026-06-10', to: '2026-06-15', timeZone: 'America/Toronto' });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => [r.customerName, r.status])).toEqual([
      ['Gus Test', 'not_enqueued'],
      ['Fay Test', 'held_out'],
      ['Eve Test', 'sent'],
      ['Dan Test', 'complained'],
      ['Cat Test', 'held_out'],
      ['Ben Test', 'bounced'],
      ['Ann Test', 'delivered'],
    ]);
    expect(page.rows[6]).toMatchObject({
      customerNumber: customers.Ann?.dms_customer_number,
      branchName: 'Alpha Motors',
      contactId: expect.any(Number),
    });
    expect(page.rows[1]?.contactId).toBeNull();
    expect(page.statuses).toEqual({ delivered: 1, bounced: 1, held_out: 2, complained: 1, sent: 1, not_enqueued: 1 });
  });

  it('includes or excludes statuses, pages, and keeps the legend counts whole', async () => {
    const held = (
      await agent.get(url(scheduleId, 'contacts', 'from=2026-06-10&to=2026-06-15&include=held_out'))
    ).json<ContactsPage>();
    expect(held.rows.map((r) => r.customerName)).toEqual(['Fay Test', 'Cat Test']);
    expect(held.statuses.delivered).toBe(1);
    const rest = (
      await agent.get(url(scheduleId, 'contacts', 'from=2026-06-10&to=2026-06-15&exclude=held_out,not_enqueued'))
    ).json<ContactsPage>();
    expect(rest.total).toBe(4);
    const second = (
      await agent.get(url(scheduleId, 'contacts', 'from=2026-06-10&to=2026-06-15&page=2&pageSize=3'))
    ).json<ContactsPage>();
    expect(second.rows.map((r) => r.customerName)).toEqual(['Dan Test', 'Cat Test', 'Ben Test']);
    const oneDay = (await agent.get(url(scheduleId, 'contacts', 'from=2026-06-12&to=2026-06-12'))).json<ContactsPage>();
    expect(oneDay.total).toBe(3);
  });

  it('counts statuses per store-local day, quiet days included', async () => {
    const res = await agent.get(url(scheduleId, 'status-series', 'from=2026-06-10&to=2026-06-12'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ days: unknown[] }>().days).toEqual([
      { date: '2026-06-10', counts: { delivered: 1, bounced: 1, held_out: 1, complained: 1 } },
      { date: '2026-06-11', counts: {} },
      { date: '2026-06-12', counts: { sent: 1, held_out: 1, not_enqueued: 1 } },
    ]);
  });

  it('refuses a reversed or over-long range and unknown statuses, naming the allowed ones', async () => {
    const reversed = await agent.get(url(scheduleId, 'contacts', 'from=2026-06-12&to=2026-06-10'));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { message: string } }>().error.message).toMatch(/is after to/);
    const long = await agent.get(url(scheduleId, 'status-series', 'from=2025-01-01&to=2026-06-10'));
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { message: string } }>().error.message).toMatch(/at most 366/);
    const unknown = await agent.get(url(scheduleId, 'contacts', 'include=opened'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toMatch(
      /"opened".*held_out, not_enqueued, queued/,
    );
    expect((await agent.get(url(scheduleId, 'roi', 'from=June'))).statusCode).toBe(400);
  });

  it('answers 404 for another store’s schedule before looking at the query', async () => {
    expect((await agent.get(url(bScheduleId, 'contacts', 'include=opened'))).statusCode).toBe(404);
    expect((await agent.get(url(bScheduleId, 'roi', 'from=2026-06-12&to=2026-06-10'))).statusCode).toBe(404);
    expect((await agentB.get(url(scheduleId, 'status-series'))).statusCode).toBe(404);
  });
});

describe('batch ROI', () => {
  it('reports sends, opt-outs, responses, revenue and the lift over the control group', async () => {
    const res = await agent.get(url(scheduleId, 'roi', 'from=2026-06-10&to=2026-06-15'));
    expect(res.statusCode, res.body).toBe(200);
    const roi = res.json<Roi>();
    expect(roi).toMatchObject({ roiType: 'service', windowDays: 30 });
    expect(roi.contacted).toEqual({
      contacts: 5,
      sent: 4,
      delivered: 2,
      bounced: 1,
      optedOut: 2,
      responded: 1,
      responseRate: 0.2,
      outcomes: 1,
      revenue: 150.25,
    });
    expect(roi.control).toEqual({ contacts: 2, responded: 1, responseRate: 0.5, outcomes: 1, revenue: 80 });
    expect(roi.liftPoints).toBe(-30);
  });

  it('counts only the range’s contacts', async () => {
    const roi = (await agent.get(url(scheduleId, 'roi', 'from=2026-06-12&to=2026-06-12'))).json<Roi>();
    expect(roi.contacted).toMatchObject({ contacts: 2, sent: 1, responded: 0, revenue: 0 });
    expect(roi.control).toMatchObject({ contacts: 1, responded: 0, responseRate: 0 });
    expect(roi.liftPoints).toBe(0);
  });

  it('counts deals, without revenue, for a sales schedule', async () => {
    const roi = (await agent.get(url(salesScheduleId, 'roi', 'from=2026-06-01&to=2026-06-15'))).json<Roi>();
    expect(roi.roiType).toBe('sales');
    expect(roi.contacted).toMatchObject({ contacts: 1, responded: 1, outcomes: 1, revenue: null });
    expect(roi.control).toMatchObject({ contacts: 0, responseRate: null });
    expect(roi.liftPoints).toBeNull();
  });
});
