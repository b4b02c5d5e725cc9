import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { BatchSchedulesTable, Customer, Store } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import { fixedClock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { createRenderer, type Renderer } from '../templates/render.ts';
import { insertTemplate } from '../templates/templates.store.ts';
import { createBatchRunService } from './batch-run.service.ts';
import { ensureContactDefaults } from './contact-types.store.ts';

/** 10:00 in Toronto on Monday 2026-06-15. */
const AT = new Date('2026-06-15T14:00:00Z');
const NEXT_DAY = new Date('2026-06-16T14:00:00Z');
let db: Db;
let store: Store;
let other: Store;
let hondas: Customer[];
let seq = 0;

const unsubscribe = { urlFor: () => 'https://forecourt.test/u/token' };
const service = (opts: { renderer?: Renderer; chunkSize?: number; owner?: string; now?: Date } = {}) =>
  createBatchRunService({
    db: db.kysely,
    clock: fixedClock(opts.now ?? AT),
    renderer: opts.renderer ?? createRenderer(),
    unsubscribe,
    owner: opts.owner ?? 'test',
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
  });

async function template(
  s: Store,
  o: {
    channel?: 'email' | 'sms' | 'letter';
    contactType?: string;
    purpose?: 'service' | 'marketing';
    language?: 'en' | 'fr';
  } = {},
) {
  return db.kysely.transaction().execute((trx) =>
    insertTemplate(trx, {
      storeId: s.id,
      channel: o.channel ?? 'email',
      contactType: o.contactType ?? 'general',
      language: o.language ?? 'en',
      purpose: o.purpose ?? 'service',
      name: `T${++seq}`,
      subject: o.channel === 'sms' || o.channel === 'letter' ? null : 'Hello {{ customer.first_name }}',
      body: 'Hi {{ customer.first_name }}, your {{ vehicle.make }} is due.',
      createdBy: null,
    }),
  );
}

async function idOf(table: 'contact_types' | 'recycle_codes', s: Store, key: string) {
  const row = await db.kysely
    .selectFrom(table)
    .select('id')
    .where('store_id', '=', s.id)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function savedQuery(s: Store, filter: unknown) {
  const row = await db.kysely
    .insertInto('saved_queries')
    .values({ store_id: s.id, name: `Q${++seq}`, filter: JSON.stringify(filter) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const HONDA = { op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] };

async function schedule(s: Store, o: Partial<Insertable<BatchSchedulesTable>> = {}) {
  const tpl = o.template_id ?? (await template(s)).template.id;
  const row = await db.kysely
    .insertInto('batch_schedules')
    .values({
      store_id: s.id,
      name: `Batch ${++seq}`,
      recurrence: 'daily',
      channel: 'email',
      kind: 'fetch',
      saved_query_id: await savedQuery(s, HONDA),
      recycle_code_id: await idOf('recycle_codes', s, 'email_sent'),
      template_id: tpl,
      daily_limit: 100,
      ...o,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const messagesOf = (scheduleRunIds: number[]) =>
  db.kysely
    .selectFrom('outbox_messages')
    .selectAll()
    .where(
      'source_ref',
      'in',
      scheduleRunIds.map((id) => `run:${id}`),
    )
    .orderBy('customer_id')
    .execute();

beforeAll(async () => {
  db = await openTestDb();
  const k = db.kysely;
  store = await buildStore(k, { timeZone: 'America/Toronto' });
  other = await buildStore(k, { timeZone: 'America/Toronto' });
  await ensureContactDefaults(k, store.id);
  await ensureContactDefaults(k, other.id);
});
afterAll(() => db.close());

beforeEach(async () => {
  // Every test starts from the same four Honda owners and no contact history.
  const k = db.kysely;
  await k.deleteFrom('batch_contacts').execute();
  await k.deleteFrom('outbox_events').execute();
  await k.deleteFrom('outbox_messages').execute();
  await k.deleteFrom('batch_runs').execute();
  await k.deleteFrom('batch_schedules').execute();
  await k.deleteFrom('voice_recordings').execute();
  await k.deleteFrom('voice_caller_ids').execute();
  await k.deleteFrom('customer_contact_state').execute();
  await k.deleteFrom('appointments').execute();
  await k.deleteFrom('vehicles').execute();
  await k.deleteFrom('customers').execute();
  hondas = [];
  for (const name of ['Ann', 'Ben', 'Cat', 'Dov']) {
    const c = await buildCustomer(k, store.id, { first_name: name, region: 'ON', country: 'CA', language: 'en' });
    await buildVehicle(k, c, { make: 'Honda' });
    hondas.push(c);
  }
  const toyota = await buildCustomer(k, store.id, { first_name: 'Tom' });
  await buildVehicle(k, toyota, { make: 'Toyota' });
  // Another store's Honda owner: never selected by this store's batches.
  const outsider = await buildCustomer(k, other.id, { first_name: 'Olga' });
  await buildVehicle(k, outsider, { make: 'Honda' });
});

describe('a daily run', () => {
  it('takes "# to send" customers, oldest contact first, and writes rendered messages to the outbox', async () => {
    const [ann, ben, cat, dov] = hondas as [Customer, Customer, Customer, Customer];
    // Ann was contacted last week and Ben a month ago; Cat and Dov never: they go first, then Ben.
    await db.kysely
      .insertInto('customer_contact_state')
      .values([
        { customer_id: ann.id, store_id: store.id, last_contacted_at: new Date('2026-06-08T14:00:00Z') },
        { customer_id: ben.id, store_id: store.id, last_contacted_at: new Date('2026-05-15T14:00:00Z') },
      ])
      .execute();
    const id = await schedule(store, { daily_limit: 3 });
    const report = await service().run(id);
    expect(report).toMatchObject({ outcome: 'done', matched: 4, eligible: 4, selected: 3, enqueued: 3 });
    expect(report.excluded).toEqual({ over_limit: 1 });
    const msgs = await messagesOf([report.runId ?? 0]);
    expect(msgs.map((m) => m.customer_id).sort()).toEqual([ben.id, cat.id, dov.id].sort());
    const first = msgs.find((m) => m.customer_id === cat.id);
    expect(first).toMatchObject({
      source_kind: 'batch',
      channel: 'email',
      status: 'queued',
      target: cat.email,
      subject: 'Hello Cat',
      contact_type: null,
    });
    expect(first?.body_text).toContain('your Honda is due');
    // Taken customers are reserved for the day and recycled for the code's 30 days.
    const state = await db.kysely
      .selectFrom('customer_contact_state')
      .selectAll()
      .where('customer_id', '=', cat.id)
      .executeTakeFirstOrThrow();
    expect(state.reserved_by).toBe(`run:${report.runId}`);
    expect(state.recycle_code).toBe('email_sent');
    expect(state.recycle_until?.toISOString()).toBe('2026-07-15T14:00:00.000Z');
    expect(state.last_contacted_at?.toISOString()).toBe(AT.toISOString());
  });

  it('is idempotent: a second run of the day sends nothing more', async () => {
    const id = await schedule(store, { daily_limit: 2 });
    const first = await service().run(id);
    const second = await service().run(id, { at: new Date(AT.getTime() + 3600_000) });
    expect(second).toMatchObject({ outcome: 'already_done', runId: first.runId, selected: 2 });
    expect(await messagesOf([first.runId ?? 0])).toHaveLength(2);
    expect(await db.kysely.selectFrom('outbox_messages').select('id').execute()).toHaveLength(2);
  });

  it('two runs started at once send once', async () => {
    const id = await schedule(store, { daily_limit: 4 });
    const reports = await Promise.all([service({ owner: 'a' }).run(id), service({ owner: 'b' }).run(id)]);
    const outcomes = reports.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'done')[0]).toMatch(/^(already_done|running_elsewhere)$/);
    expect(await db.kysely.selectFrom('outbox_messages').select('id').execute()).toHaveLength(4);
  });

  it('two schedules of one store running at once never both take a customer (prevention by customer)', async () => {
    const a = await schedule(store, { prevention: 'customer' });
    const b = await schedule(store, { prevention: 'customer' });
    const [ra, rb] = await Promise.all([service().run(a), service().run(b)]);
    expect((ra.selected ?? 0) + (rb.selected ?? 0)).toBe(4);
    const rows = await db.kysely.selectFrom('outbox_messages').select('customer_id').execute();
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(4);
    // The second one found everyone reserved by the first.
    const later = ra.selected === 0 ? ra : rb;
    expect(later.excluded.reserved).toBe(4);
  });

  it('the next day skips customers still in their recycle period and takes the rest', async () => {
    const id = await schedule(store, { daily_limit: 2 });
    const day1 = await service().run(id);
    const day2 = await service({ now: NEXT_DAY }).run(id, { at: NEXT_DAY });
    expect(day2).toMatchObject({ outcome: 'done', selected: 2 });
    expect(day2.excluded.recycling).toBe(2);
    const all = await messagesOf([day1.runId ?? 0, day2.runId ?? 0]);
    expect(new Set(all.map((m) => m.customer_id)).size).toBe(4);
  });

  it('"# of days between" holds back customers this schedule contacted within that many days', async () => {
    // A recycle code of 0 days: only days-between holds them back.
    const zero = await db.kysely
      .insertInto('recycle_codes')
      .values({ store_id: store.id, key: `zero${++seq}`, name: `Zero ${seq}`, days: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = await schedule(store, { days_between: 7, recycle_code_id: zero.id });
    await service().run(id);
    const next = await service({ now: NEXT_DAY }).run(id, { at: NEXT_DAY });
    expect(next).toMatchObject({ selected: 0 });
    expect(next.excluded.days_between).toBe(4);
  });

  it('counts every customer it did not take by reason', async () => {
    const k = db.kysely;
    const [ann, ben, cat] = hondas as [Customer, Customer, Customer, Customer];
    await k.updateTable('customers').set({ email: null }).where('id', '=', ann.id).execute();
    await k.updateTable('customers').set({ customer_type: 'fleet' }).where('id', '=', ben.id).execute();
    await k.updateTable('customers').set({ language: 'fr' }).where('id', '=', cat.id).execute();
    const id = await schedule(store, { customer_type: 'non_fleet', language: 'en' });
    const report = await service().run(id, { dryRun: true });
    expect(report).toMatchObject({ outcome: 'dry_run', matched: 4, eligible: 1, selected: 1, runId: null });
    expect(report.excluded).toEqual({ no_email: 1, fleet: 1, language: 1 });
    expect(report.sample.map((s) => s.name)).toEqual([expect.stringContaining('Dov')]);
    // A dry run writes nothing.
    expect(await k.selectFrom('batch_runs').select('id').execute()).toHaveLength(0);
    expect(await k.selectFrom('customer_contact_state').select('customer_id').execute()).toHaveLength(0);
  });

  it('marketing needs consent: nobody without it is taken', async () => {
    const tpl = await template(store, { purpose: 'marketing' });
    const id = await schedule(store, { template_id: tpl.template.id });
    const report = await service().run(id);
    expect(report).toMatchObject({ selected: 0, enqueued: 0 });
    expect(report.excluded.no_marketing_consent).toBe(4);
  });

  it('holds out a control group: counted, reserved, never messaged', async () => {
    const id = await schedule(store, { holdout_percent: 50 });
    const report = await service().run(id);
    expect(report.selected).toBe(4);
    expect(report.heldOut + report.enqueued).toBe(4);
    const held = await db.kysely
      .selectFrom('batch_contacts')
      .select(['customer_id', 'message_id'])
      .where('holdout', '=', true)
      .execute();
    expect(held).toHaveLength(report.heldOut);
    expect(held.every((h) => h.message_id === null)).toBe(true);
  });

  it('a contact-type batch contacts the type’s own audience (confirmations: appointments tomorrow)', async () => {
    const [ann] = hondas as [Customer];
    await db.kysely
      .insertInto('appointments')
      .values({
        store_id: store.id,
        customer_id: ann.id,
        dms_appointment_number: `A${++seq}`,
        scheduled_at: new Date('2026-06-16T13:30:00Z'),
        status: 'scheduled',
      })
      .execute();
    const tpl = await template(store, { contactType: 'confirm' });
    const id = await schedule(store, {
      kind: 'contact_type',
      contact_type_id: await idOf('contact_types', store, 'confirm'),
      saved_query_id: null,
      recycle_code_id: null,
      template_id: tpl.template.id,
    });
    const report = await service().run(id);
    expect(report).toMatchObject({ matched: 1, selected: 1 });
    const [m] = await messagesOf([report.runId ?? 0]);
    expect(m).toMatchObject({ customer_id: ann.id, contact_type: 'confirm' });
  });

  it('texts outside the recipient’s window wait in the outbox until it opens', async () => {
    const tpl = await template(store, { channel: 'sms' });
    const id = await schedule(store, {
      channel: 'sms',
      template_id: tpl.template.id,
      recycle_code_id: await idOf('recycle_codes', store, 'text_sent'),
    });
    const early = new Date('2026-06-15T10:00:00Z'); // 06:00 in Toronto
    const report = await service({ now: early }).run(id, { at: early });
    expect(report.enqueued).toBe(4);
    const msgs = await messagesOf([report.runId ?? 0]);
    expect(msgs.every((m) => m.status === 'deferred')).toBe(true);
    expect(msgs[0]?.due_at.toISOString()).toBe('2026-06-15T12:00:00.000Z'); // 08:00 local
  });

  it('a run that failed half-way is resumed the same day without sending anyone twice', async () => {
    const id = await schedule(store);
    const real = createRenderer();
    let calls = 0;
    // Fails while rendering the third customer: two chunks of one are already in the outbox.
    const flaky: Renderer = {
      ...real,
      render: (...args: Parameters<Renderer['render']>) => {
        if (++calls === 3) throw new Error('renderer crashed');
        return real.render(...args);
      },
    };
    await expect(service({ renderer: flaky, chunkSize: 1 }).run(id)).rejects.toThrow('renderer crashed');
    const failed = await db.kysely.selectFrom('batch_runs').selectAll().executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    const resumed = await service().run(id);
    expect(resumed).toMatchObject({ outcome: 'done', runId: failed.id, selected: 4, enqueued: 4 });
    const msgs = await messagesOf([failed.id]);
    expect(msgs.map((m) => m.customer_id).sort()).toEqual(hondas.map((h) => h.id).sort());
  });

  it('Campaign Options: customers the e-mail cannot reach get a text instead; the rest are not touched twice', async () => {
    const [ann, ben] = hondas as [Customer, Customer, Customer, Customer];
    await db.kysely.updateTable('customers').set({ email: null }).where('id', '=', ann.id).execute();
    // Ben can be reached by neither: no e-mail and no cell.
    await db.kysely.updateTable('customers').set({ email: null, cell_phone: null }).where('id', '=', ben.id).execute();
    const sms = await template(store, { channel: 'sms' });
    const id = await schedule(store, {
      recurrence: 'once',
      once_at: AT,
      fallback_channel: 'sms',
      fallback_template_id: sms.template.id,
    });
    const preview = await service().run(id, { dryRun: true });
    expect(preview.byChannel).toEqual({ email: 2, sms: 1 });
    const report = await service().run(id);
    expect(report).toMatchObject({ selected: 3, enqueued: 3, byChannel: { email: 2, sms: 1 } });
    expect(report.excluded).toEqual({ no_email: 2 });
    const msgs = await messagesOf([report.runId ?? 0]);
    expect(msgs.map((m) => [m.customer_id, m.channel, m.source_kind])).toEqual(
      expect.arrayContaining([[ann.id, 'sms', 'campaign']]),
    );
    expect(msgs.find((m) => m.customer_id === ann.id)?.body_text).toContain('your Honda is due');
    expect(msgs.some((m) => m.customer_id === ben.id)).toBe(false);
  });

  it('a voice batch drops the recording with the caller ID to the cell, else the home phone, never the work phone', async () => {
    const k = db.kysely;
    const [ann, ben, cat] = hondas as [Customer, Customer, Customer, Customer];
    await k.updateTable('customers').set({ home_phone: '+14165557101' }).where('id', '=', ann.id).execute();
    await k
      .updateTable('customers')
      .set({ cell_phone: null, home_phone: '+14165557102', work_phone: '+14165557103' })
      .where('id', '=', ben.id)
      .execute();
    await k
      .updateTable('customers')
      .set({ cell_phone: null, home_phone: null, work_phone: '+14165557104' })
      .where('id', '=', cat.id)
      .execute();
    const rec = await k
      .insertInto('voice_recordings')
      .values({
        store_id: store.id,
        name: `Reminder ${++seq}`,
        format: 'wav',
        duration_ms: 5000,
        size_bytes: 4,
        sha256: 'x',
        content: Buffer.from('RIFF'),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const caller = await k
      .insertInto('voice_caller_ids')
      .values({ store_id: store.id, number: `+1416555${7200 + seq}`, label: 'BDC' })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const id = await schedule(store, {
      channel: 'voice',
      template_id: null,
      recording_id: rec.id,
      caller_id_id: caller.id,
      purpose: 'service',
      recycle_code_id: await idOf('recycle_codes', store, 'voice_drop'),
    });
    const report = await service().run(id);
    expect(report.excluded).toEqual({ no_phone: 1 });
    const msgs = await messagesOf([report.runId ?? 0]);
    expect(msgs.map((m) => [m.customer_id, m.target])).toEqual(
      expect.arrayContaining([
        [ann.id, ann.cell_phone],
        [ben.id, '+14165557102'],
      ]),
    );
    expect(msgs.some((m) => m.customer_id === cat.id)).toBe(false);
    expect(msgs[0]).toMatchObject({
      channel: 'voice',
      sender: caller.number,
      media_ref: `recording:${rec.id}`,
      body_text: `Voice drop: ${rec.name}`,
      template_version_id: null,
      purpose: 'service',
    });
    // Voice drops recycle for the voice-drop code's 10 days.
    const state = await k
      .selectFrom('customer_contact_state')
      .selectAll()
      .where('customer_id', '=', ann.id)
      .executeTakeFirstOrThrow();
    expect(state).toMatchObject({ recycle_code: 'voice_drop' });
    expect(state.recycle_until?.toISOString()).toBe('2026-06-25T14:00:00.000Z');
  });

  it('refuses a schedule whose template is for another channel, naming it', async () => {
    const tpl = await template(store, { channel: 'sms' });
    const id = await schedule(store, { template_id: tpl.template.id });
    const err = await service()
      .run(id)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('batch_invalid');
    expect((err as DomainError).message).toMatch(/is for texts, but this batch sends e-mail/);
  });
});
