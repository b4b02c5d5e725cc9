import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { Customer, NewCustomer, Store } from '../db/schema.ts';
import { checkAtSendWith } from '../delivery/send-check.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { createRenderer } from '../templates/render.ts';
import { ensureDefaultTemplates } from '../templates/templates.store.ts';
import { createLifecycleRunService } from './lifecycle-run.service.ts';
import { createLifecycleSendCheck } from './lifecycle-send-check.ts';
import { DEFAULT_SETUP, saveSetup } from './lifecycle-settings.store.ts';
import type { LifecycleIntervals } from './lifecycle.rules.ts';

/** 10:00 in Toronto on Monday 2026-06-15. */
const AT = new Date('2026-06-15T14:00:00Z');
const TORONTO = (local: string) => new Date(`${local}-04:00`);

let db: Db;
let store: Store;
const unsubscribe = { urlFor: () => 'https://forecourt.test/u/token' };
const service = (now = AT, owner = 'test') =>
  createLifecycleRunService({ db: db.kysely, clock: fixedClock(now), renderer: createRenderer(), unsubscribe, owner });

const INTERVALS: LifecycleIntervals = {
  reminder1Days: 7,
  reminder2Days: 2,
  noShowDays: 1,
  thankYouDays: 1,
  deferredDays: 30,
  inactiveDays: 90,
  inactiveIntervalDays: 90,
  deadDays: 365,
};

async function setup(o: Partial<typeof DEFAULT_SETUP> = {}) {
  await saveSetup(
    db.kysely,
    { storeId: store.id, ...DEFAULT_SETUP, emailOn: true, postcardsOn: true, intervals: INTERVALS, ...o },
    null,
    AT,
  );
}

async function customer(over: Partial<NewCustomer> = {}): Promise<Customer> {
  return buildCustomer(db.kysely, store.id, {
    address_line1: '1 Main St',
    city: 'Toronto',
    region: 'ON',
    postal_code: 'M5V 1A1',
    ...over,
  });
}

async function visit(c: Customer, date: string, o: { deferred?: string[]; department?: 'service' | 'sales' } = {}) {
  const v = await buildVehicle(db.kysely, c, { model: 'RAV4', make: 'Toyota' });
  await db.kysely
    .insertInto('visits')
    .values({
      store_id: c.store_id,
      customer_id: c.id,
      vehicle_id: v.id,
      ro_number: `RO${c.id}-${date}`,
      visit_date: date,
      department: o.department ?? 'service',
      deferred_items: o.deferred ?? [],
    })
    .execute();
  return v;
}

async function appointment(c: Customer, at: Date, status: 'scheduled' | 'no_show' | 'completed' = 'scheduled') {
  const v = await buildVehicle(db.kysely, c, { model: 'Civic' });
  return db.kysely
    .insertInto('appointments')
    .values({
      store_id: c.store_id,
      customer_id: c.id,
      vehicle_id: v.id,
      dms_appointment_number: `A${c.id}-${at.toISOString()}`,
      scheduled_at: at,
      status,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const messagesOf = (customerId: number) =>
  db.kysely
    .selectFrom('outbox_messages')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('source_kind', '=', 'automation')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  store = await buildStore(db.kysely, {
    name: 'Maple Motors',
    ownerName: 'Jean Gagnon',
    phone: '+14165550123',
    email: 'service@maple.test',
    feedbackUrl: 'https://maple.test/feedback',
  });
  await ensureDefaultTemplates(db.kysely, store.id);
});

describe('the daily run', () => {
  it('sends each step on its day, e-mail to customers with an address and postcards to the others', async () => {
    await setup();
    const r1 = await customer({ first_name: 'Remi' });
    await appointment(r1, TORONTO('2026-06-22T09:30:00'));
    const r2 = await customer();
    await appointment(r2, TORONTO('2026-06-17T15:00:00'));
    const noShow = await customer();
    await appointment(noShow, TORONTO('2026-06-14T09:00:00'), 'no_show');
    const thanks = await customer();
    await visit(thanks, '2026-06-14');
    const deferred = await customer();
    await visit(deferred, '2026-05-16', { deferred: ['Replace front brake pads', 'Rotate tires'] });
    const inactive = await customer();
    await visit(inactive, '2026-03-17');
    const postcard = await customer({ email: null, mailing_name: 'Mr. Paul Card' });
    await visit(postcard, '2026-06-14');
    // Not due today: a day off for each step.
    const notYet = await customer();
    await appointment(notYet, TORONTO('2026-06-23T09:30:00'));
    await visit(notYet, '2026-03-16');

    const report = await service().run(store.id);
    expect(report).toMatchObject({ outcome: 'done', runDate: '2026-06-15', windowFrom: '2026-06-15', due: 7 });
    expect(report.enqueued).toBe(7);

    const one = async (c: Customer) => {
      const ms = await messagesOf(c.id);
      expect(ms).toHaveLength(1);
      return ms[0]!;
    };
    const rem = await one(r1);
    expect(rem).toMatchObject({ step: 'reminder_1', channel: 'email', status: 'queued', purpose: 'service' });
    expect(rem.reply_to).toBe('service@maple.test');
    expect(rem.delivery_key).toBe(`automation:lifecycle:reminder_1:${r1.id}:2026-06-15`);
    expect(rem.body_html).toContain('June 22, 2026');
    expect(rem.body_html).toContain('Civic');
    expect(rem.body_html).toContain('Jean Gagnon');
    expect(rem.body_html).toContain('https://forecourt.test/u/token');
    expect((await one(r2)).step).toBe('reminder_2');
    expect((await one(noShow)).step).toBe('no_show');
    expect((await one(thanks)).step).toBe('thank_you');
    const def = await one(deferred);
    expect(def.step).toBe('deferred');
    expect(def.body_html).toContain('Replace front brake pads');
    const ina = await one(inactive);
    expect(ina.step).toBe('inactive');
    expect(ina.body_html).toContain('March 17, 2026');
    const card = await one(postcard);
    expect(card).toMatchObject({ step: 'thank_you', channel: 'postcard', status: 'queued' });
    expect(card.target).toContain('Mr. Paul Card');
    expect(card.target).toContain('1 Main St');
    expect(await messagesOf(notYet.id)).toEqual([]);
  });

  it('is idempotent: the same day again sends nothing, even when its run row is gone', async () => {
    await setup();
    const c = await customer();
    await visit(c, '2026-06-14');
    expect((await service().run(store.id)).enqueued).toBe(1);
    const again = await service().run(store.id);
    expect(again.outcome).toBe('already_done');
    await db.kysely.deleteFrom('lifecycle_runs').where('store_id', '=', store.id).execute();
    const fresh = await service().run(store.id);
    expect(fresh).toMatchObject({ outcome: 'done', enqueued: 0, alreadySent: 1 });
    expect(await messagesOf(c.id)).toHaveLength(1);
  });

  it('another worker holding the day’s lease is left alone', async () => {
    await setup();
    const c = await customer();
    await visit(c, '2026-06-14');
    await db.kysely
      .insertInto('lifecycle_runs')
      .values({
        store_id: store.id,
        run_date: '2026-06-15',
        window_from: '2026-06-15',
        status: 'running',
        as_of: AT,
        lease_owner: 'other',
        lease_until: new Date(AT.getTime() + 60_000),
        started_at: AT,
      })
      .execute();
    expect((await service().run(store.id)).outcome).toBe('running_elsewhere');
    expect(await messagesOf(c.id)).toEqual([]);
  });

  it('catches up days missed while the server was down, but not reminders for past appointments', async () => {
    await setup();
    await db.kysely
      .insertInto('lifecycle_runs')
      .values({
        store_id: store.id,
        run_date: '2026-06-12',
        window_from: '2026-06-12',
        status: 'done',
        as_of: TORONTO('2026-06-12T08:00:00'),
        started_at: TORONTO('2026-06-12T08:00:00'),
      })
      .execute();
    const thanks = await customer(); // visit on the 13th: thank-you was due on the 14th
    await visit(thanks, '2026-06-13');
    const past = await customer(); // Reminder 2 was due on the 13th for the 15th at 08:00: passed
    await appointment(past, TORONTO('2026-06-15T08:00:00'));
    const later = await customer(); // Reminder 1 due on the 14th for the 21st: still makes sense
    await appointment(later, TORONTO('2026-06-21T11:00:00'));
    const report = await service().run(store.id);
    expect(report.windowFrom).toBe('2026-06-13');
    expect((await messagesOf(thanks.id)).map((m) => m.delivery_key)).toEqual([
      `automation:lifecycle:thank_you:${thanks.id}:2026-06-14`,
    ]);
    expect(await messagesOf(past.id)).toEqual([]);
    expect((await messagesOf(later.id)).map((m) => m.step)).toEqual(['reminder_1']);
  });

  it('skips with the reason: Do Not Mail, no e-mail with postcards off, marketing without consent', async () => {
    await setup({ postcardsOn: false, marketingSteps: ['deferred'] });
    const dnm = await customer({ do_not_mail: true });
    await visit(dnm, '2026-06-14');
    const noEmail = await customer({ email: null });
    await visit(noEmail, '2026-06-14');
    const noConsent = await customer();
    await visit(noConsent, '2026-05-16', { deferred: ['Wipers'] });
    const report = await service().run(store.id);
    expect(report.byStep.thank_you).toMatchObject({ due: 2, email: 0, skipped: 2 });
    expect(report.byStep.deferred?.reasons).toEqual({ no_marketing_consent: 1 });
    expect(await messagesOf(dnm.id)).toEqual([
      expect.objectContaining({ status: 'skipped', status_reason: 'do_not_mail', status_detail: 'Do Not Mail is set' }),
    ]);
    expect((await messagesOf(noEmail.id))[0]).toMatchObject({
      status: 'skipped',
      status_reason: 'no_channel_email_only',
    });
    expect((await messagesOf(noConsent.id))[0]).toMatchObject({
      status: 'skipped',
      purpose: 'marketing',
      status_reason: 'no_marketing_consent',
    });
  });

  it('does nothing when the module is off; a dry run still explains each customer', async () => {
    const c = await customer({ first_name: 'Dana', last_name: 'Dry', name: null });
    await visit(c, '2026-06-14');
    expect((await service().run(store.id)).outcome).toBe('off');
    await setup();
    const dry = await service().run(store.id, { dryRun: true });
    expect(dry.outcome).toBe('dry_run');
    expect(dry.decisions).toEqual([
      expect.objectContaining({
        customerId: c.id,
        customerName: 'Dana Dry',
        step: 'thank_you',
        dueDate: '2026-06-15',
        channel: 'email',
        outcome: 'send',
      }),
    ]);
    expect(await messagesOf(c.id)).toEqual([]);
  });

  it('no-show and deferred look no further than the customer’s next visit or booking', async () => {
    await setup();
    const rebooked = await customer();
    await appointment(rebooked, TORONTO('2026-06-14T09:00:00'), 'no_show');
    await appointment(rebooked, TORONTO('2026-06-20T09:00:00'));
    const doneSince = await customer();
    await visit(doneSince, '2026-05-16', { deferred: ['Brakes'] });
    await visit(doneSince, '2026-06-01');
    const comingBack = await customer(); // inactive, but booked
    await visit(comingBack, '2026-03-17');
    await appointment(comingBack, TORONTO('2026-07-20T09:00:00'));
    await service().run(store.id);
    expect(await messagesOf(rebooked.id)).toEqual([]);
    expect(await messagesOf(doneSince.id)).toEqual([]);
    expect(await messagesOf(comingBack.id)).toEqual([]);
  });
});

describe('at send time', () => {
  it('cancels a queued reminder whose appointment was rescheduled, cancelled or completed, saying why', async () => {
    await setup();
    const cases = [
      { change: { scheduled_at: TORONTO('2026-06-24T09:30:00') }, reason: 'appointment_rescheduled' },
      { change: { status: 'cancelled' as const }, reason: 'appointment_cancelled' },
      { change: { status: 'completed' as const }, reason: 'appointment_completed' },
      { change: {}, reason: null },
    ];
    const appts = [];
    for (const _ of cases) {
      const c = await customer();
      appts.push({ c, a: await appointment(c, TORONTO('2026-06-22T09:30:00')) });
    }
    await service().run(store.id);
    for (const [i, { a }] of appts.entries())
      if (Object.keys(cases[i]!.change).length > 0)
        await db.kysely.updateTable('appointments').set(cases[i]!.change).where('id', '=', a.id).execute();
    const queued = await db.kysely
      .selectFrom('outbox_messages')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('source_kind', '=', 'automation')
      .execute();
    expect(queued).toHaveLength(4);
    const verdicts = await checkAtSendWith(db.kysely, queued, AT, [createLifecycleSendCheck(db.kysely)]);
    for (const [i, { c }] of appts.entries()) {
      const m = queued.find((q) => q.customer_id === c.id)!;
      const v = verdicts.get(m.id);
      if (cases[i]!.reason === null) expect(v).toEqual({ kind: 'send' });
      else
        expect(v).toMatchObject({
          kind: 'skip',
          reason: cases[i]!.reason,
          detail: expect.stringMatching(/^Reminder cancelled: /),
        });
    }
  });

  it('Do Not Mail set after queueing stops a 360° e-mail', async () => {
    await setup();
    const c = await customer();
    await visit(c, '2026-06-14');
    await service().run(store.id);
    await db.kysely.updateTable('customers').set({ do_not_mail: true }).where('id', '=', c.id).execute();
    const [m] = await messagesOf(c.id);
    const verdicts = await checkAtSendWith(db.kysely, [m!], AT, [createLifecycleSendCheck(db.kysely)]);
    expect(verdicts.get(m!.id)).toMatchObject({ kind: 'skip', reason: 'do_not_mail' });
  });
});
