import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser } from '../../test/support/factories.ts';
import { buildDispatcher } from '../app.ts';
import { signUnsubscribe } from '../delivery/unsubscribe-token.ts';
import { purposeKey } from '../shared/secret-key.ts';
import { ensureDefaultTemplates } from '../templates/templates.store.ts';

let t: TestApp;
let admin: Client;
let agent: Client;
const SIGNATURE = {
  businessName: 'Alpha Motors',
  businessOwner: 'Jean Gagnon',
  businessPhone: '+14165550123',
  businessEmail: 'service@alpha.test',
  feedbackUrl: 'mailto:owner@alpha.test',
};

beforeAll(async () => {
  t = await startTestApp();
  await ensureDefaultTemplates(t.db.kysely, t.storeA.id);
  admin = await login(t.app, 'admin@example.test');
  agent = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

const url = (storeId = t.storeA.id) => `/api/stores/${storeId}/lifecycle`;

describe('360° Customer Contact set-up', () => {
  it('starts off with suggested intervals and the store’s contact card as the signature', async () => {
    const res = await agent.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      emailOn: false,
      postcardsOn: false,
      runTime: '08:00',
      intervals: { inactiveDays: 180, inactiveIntervalDays: 90, deadDays: 540 },
      signature: { businessName: 'Alpha Motors' },
      inactiveSendDays: { days: [180, 270, 360, 450], more: false },
    });
  });

  it('refuses to switch on with a signature field missing, naming it', async () => {
    const res = await admin.send('PATCH', url(), { emailOn: true });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; message: string; details: { problems: { field: string }[] } } }>();
    expect(body.error.code).toBe('lifecycle_invalid');
    expect(body.error.message).toMatch(/Business Owner is missing/);
    expect(body.error.details.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['signature.businessOwner', 'signature.feedbackUrl']),
    );
    expect((await agent.get(url())).json()).toMatchObject({ emailOn: false });
  });

  it('refuses negative intervals and a Dead below Inactive, every problem at once', async () => {
    const res = await admin.send('PATCH', url(), {
      intervals: { noShowDays: -2, inactiveDays: 200, deadDays: 100 },
    });
    expect(res.statusCode).toBe(422);
    const problems = res.json<{ error: { details: { problems: { field: string }[] } } }>().error.details.problems;
    expect(problems.map((p) => p.field)).toEqual(['intervals.noShowDays']);
    const dead = await admin.send('PATCH', url(), { intervals: { inactiveDays: 200, deadDays: 100 } });
    expect(dead.statusCode).toBe(422);
    expect(dead.json<{ error: { message: string } }>().error.message).toMatch(
      /Dead \(100\) must be more than Inactive \(200\)/,
    );
    const time = await admin.send('PATCH', url(), { runTime: '25:00' });
    expect(time.statusCode).toBe(400);
  });

  it('switches on with a full signature (written to the store, audited); agents may only look', async () => {
    expect((await agent.send('PATCH', url(), { emailOn: true, signature: SIGNATURE })).statusCode).toBe(403);
    const res = await admin.send('PATCH', url(), {
      emailOn: true,
      postcardsOn: true,
      runTime: '07:30',
      signature: SIGNATURE,
      intervals: { inactiveDays: 90, inactiveIntervalDays: 90, deadDays: 365 },
      marketingSteps: ['inactive'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      emailOn: true,
      postcardsOn: true,
      runTime: '07:30',
      marketingSteps: ['inactive'],
      signature: SIGNATURE,
      inactiveSendDays: { days: [90, 180, 270, 360] },
      missingTemplates: [],
    });
    const store = await t.db.kysely
      .selectFrom('stores')
      .selectAll()
      .where('id', '=', t.storeA.id)
      .executeTakeFirstOrThrow();
    expect(store).toMatchObject({ owner_name: 'Jean Gagnon', email: 'service@alpha.test' });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('store_id', '=', t.storeA.id)
      .where('action', '=', 'lifecycle.setup_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('warns when a step that is on has no active template', async () => {
    const tpl = await t.db.kysely
      .selectFrom('templates')
      .select('id')
      .where('store_id', '=', t.storeA.id)
      .where('channel', '=', 'postcard')
      .where('contact_type', '=', 'no_show')
      .where('language', '=', 'en')
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable('templates').set({ active: false }).where('id', '=', tpl.id).execute();
    const res = await agent.get(url());
    expect(res.json<{ missingTemplates: unknown[] }>().missingTemplates).toEqual([
      expect.objectContaining({
        step: 'no_show',
        channel: 'postcard',
        message: expect.stringMatching(/No active postcard template for No Show/),
      }),
    ]);
    await t.db.kysely.updateTable('templates').set({ active: true }).where('id', '=', tpl.id).execute();
  });

  it('previews, runs, and shows the day in the statistics and message list', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { first_name: 'Tess', last_name: 'Thanks', name: null });
    await t.db.kysely
      .insertInto('visits')
      .values({
        store_id: t.storeA.id,
        customer_id: c.id,
        ro_number: 'RO-LC-1',
        visit_date: '2026-06-14',
        department: 'service',
      })
      .execute();
    const preview = await agent.post(`${url()}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      outcome: 'dry_run',
      decisionsTotal: 1,
      decisions: [
        { customerId: c.id, customerName: 'Tess Thanks', step: 'thank_you', channel: 'email', outcome: 'send' },
      ],
    });
    expect((await agent.post(`${url()}/run`, {})).statusCode).toBe(403);
    const run = await admin.post(`${url()}/run`, {});
    expect(run.json()).toMatchObject({ outcome: 'done', enqueued: 1 });
    expect((await admin.post(`${url()}/run`, {})).json()).toMatchObject({ outcome: 'already_done' });
    const stats = await agent.get(`${url()}/statistics?from=2026-06-15&to=2026-06-15`);
    expect(stats.json()).toMatchObject({
      rows: [{ day: '2026-06-15', step: 'thank_you', channel: 'email', total: 1, byStatus: { queued: 1 } }],
      runs: [{ runDate: '2026-06-15', status: 'done', enqueued: 1 }],
    });
    const list = await agent.get(`${url()}/messages?day=2026-06-15&step=thank_you`);
    expect(list.json()).toMatchObject({
      messages: [{ customerId: c.id, customerName: 'Tess Thanks', status: 'queued' }],
    });
    expect((await agent.get(`${url()}/statistics?from=2026-06-15&to=2026-01-01`)).statusCode).toBe(400);
  });

  it('sends through the dispatcher: postcards into the day’s print file, a moved appointment’s reminder cancelled', async () => {
    const card = await buildCustomer(t.db.kysely, t.storeA.id, {
      email: null,
      address_line1: '9 Elm St',
      city: 'Toronto',
      region: 'ON',
      postal_code: 'M4C 1A1',
    });
    await t.db.kysely
      .insertInto('visits')
      .values({
        store_id: t.storeA.id,
        customer_id: card.id,
        ro_number: 'RO-LC-2',
        visit_date: '2026-06-14',
        department: 'service',
      })
      .execute();
    const booked = await buildCustomer(t.db.kysely, t.storeA.id);
    const appt = await t.db.kysely
      .insertInto('appointments')
      .values({
        store_id: t.storeA.id,
        customer_id: booked.id,
        dms_appointment_number: 'A-LC-1',
        scheduled_at: new Date('2026-06-29T13:30:00Z'), // 14 days ahead: Reminder 1
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The day has run (above): a new day's worth is tomorrow's; run the 14th's catch-up instead by clearing the run.
    await t.db.kysely.deleteFrom('lifecycle_runs').where('store_id', '=', t.storeA.id).execute();
    expect((await admin.post(`${url()}/run`, {})).json()).toMatchObject({
      outcome: 'done',
      enqueued: 2,
      alreadySent: 1,
    });
    await t.db.kysely
      .updateTable('appointments')
      .set({ scheduled_at: new Date('2026-07-02T13:30:00Z') })
      .where('id', '=', appt.id)
      .execute();
    const { dispatcher, senders } = buildDispatcher({
      config: { dataDir: t.dataDir, publicUrl: 'http://localhost' },
      db: t.db,
      clock: t.clock,
      masterKey: t.masterKey,
    });
    await dispatcher.drain();
    await senders.close();
    const msg = (customerId: number) =>
      t.db.kysely
        .selectFrom('outbox_messages')
        .selectAll()
        .where('customer_id', '=', customerId)
        .where('source_kind', '=', 'automation')
        .executeTakeFirstOrThrow();
    const postcard = await msg(card.id);
    expect(postcard).toMatchObject({ channel: 'postcard', status: 'sent' });
    const item = await t.db.kysely
      .selectFrom('print_file_items as i')
      .innerJoin('print_files as f', 'f.id', 'i.print_file_id')
      .select(['f.channel', 'f.group_key'])
      .where('i.message_id', '=', postcard.id)
      .executeTakeFirstOrThrow();
    expect(item.channel).toBe('postcard');
    expect(item.group_key).toContain('2026-06-15');
    const reminder = await msg(booked.id);
    expect(reminder).toMatchObject({ step: 'reminder_1', status: 'skipped', status_reason: 'appointment_rescheduled' });
    const history = await t.db.kysely
      .selectFrom('outbox_events')
      .select(['status', 'detail'])
      .where('message_id', '=', reminder.id)
      .orderBy('id')
      .execute();
    expect(history.at(-1)).toMatchObject({
      status: 'skipped',
      detail: expect.stringMatching(/^Reminder cancelled: the appointment was rescheduled/),
    });
  });

  it('another store’s set-up is not found', async () => {
    const other = await buildUser(t.db.kysely, {
      role: 'manager',
      storeIds: [t.storeB.id],
      email: 'mgr.b@example.test',
    });
    const b = await login(t.app, other.email);
    expect((await b.get(url(t.storeA.id))).statusCode).toBe(404);
    expect((await b.send('PATCH', url(t.storeA.id), { emailOn: false })).statusCode).toBe(404);
  });
});

describe('unsubscribing from a 360° e-mail', () => {
  it('sets Do Not Mail (audited) as well as withdrawing the consent', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const token = signUnsubscribe(
      {
        customerId: c.id,
        storeId: t.storeA.id,
        channel: 'email',
        purpose: 'service',
        messageId: 5,
        issuedAt: t.clock.now(),
        doNotMail: true,
      },
      purposeKey(t.masterKey, 'unsubscribe'),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await t.db.kysely
      .selectFrom('customers')
      .select('do_not_mail')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.do_not_mail).toBe(true);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('subject_id', '=', c.id)
      .where('action', '=', 'customer.contact_methods_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
