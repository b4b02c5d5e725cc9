import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser, buildVehicle } from '../../test/support/factories.ts';
import { insertTemplate } from '../templates/templates.store.ts';
import { ensureContactDefaultsForAllStores } from './contact-types.store.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
let emailTemplateId: number;
let smsTemplateId: number;
let frenchTemplateId: number;
let queryId: number;
let recycleId: number;
let maintenanceId: number;

type Schedule = { id: number; name: string; nextRunAt: string | null; problems: string[]; runDays: number[] };
type Report = {
  outcome: string;
  runId: number | null;
  matched: number;
  selected: number;
  enqueued: number;
  excluded: Record<string, number>;
  sample: { id: number; name: string }[];
};

const idOf = async (table: 'contact_types' | 'recycle_codes', key: string) =>
  (
    await t.db.kysely
      .selectFrom(table)
      .select('id')
      .where('store_id', '=', t.storeA.id)
      .where('key', '=', key)
      .executeTakeFirstOrThrow()
  ).id;

async function template(channel: 'email' | 'sms', language: 'en' | 'fr', contactType = 'general') {
  const { template } = await t.db.kysely.transaction().execute((trx) =>
    insertTemplate(trx, {
      storeId: t.storeA.id,
      channel,
      contactType,
      language,
      purpose: 'service',
      name: `${channel} ${language} ${contactType}`,
      subject: channel === 'email' ? 'Hello' : null,
      body: 'Hi {{ customer.first_name }}',
      createdBy: null,
    }),
  );
  return template.id;
}

beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  await ensureContactDefaultsForAllStores(t.db.kysely);
  emailTemplateId = await template('email', 'en');
  smsTemplateId = await template('sms', 'en');
  frenchTemplateId = await template('email', 'fr');
  const q = await t.db.kysely
    .insertInto('saved_queries')
    .values({
      store_id: t.storeA.id,
      name: 'Honda owners',
      filter: JSON.stringify({ op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  queryId = q.id;
  recycleId = await idOf('recycle_codes', 'email_sent');
  maintenanceId = await idOf('contact_types', 'maintenance');
  for (const name of ['Ann', 'Ben', 'Cat']) {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { first_name: name });
    await buildVehicle(t.db.kysely, c, { make: 'Honda' });
  }
  await buildCustomer(t.db.kysely, t.storeA.id, { first_name: 'Nomail', email: null }).then((c) =>
    buildVehicle(t.db.kysely, c, { make: 'Honda' }),
  );
});
afterAll(() => t.close());

const fetchBatch = (over: object = {}) => ({
  name: `Honda e-mail ${Math.random().toString(36).slice(2, 7)}`,
  channel: 'email',
  kind: 'fetch',
  savedQueryId: queryId,
  recycleCodeId: recycleId,
  templateId: emailTemplateId,
  dailyLimit: 2,
  runDays: [1, 3, 5],
  runTime: '09:30',
  ...over,
});

describe('batch schedules', () => {
  it('a manager adds one; it reports its next run in the store’s zone and no problems', async () => {
    const res = await manager.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, fetchBatch());
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<Schedule>();
    // The test clock is Monday 2026-06-15 14:00Z = 10:00 in Toronto: 09:30 has passed, so Wednesday.
    expect(s.nextRunAt).toBe('2026-06-17T13:30:00.000Z');
    expect(s.problems).toEqual([]);
    expect(
      (await agent.get(`/api/stores/${t.storeA.id}/batch-schedules`)).json<{ schedules: Schedule[] }>().schedules,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ id: s.id })]));
  });

  it('refuses a template for another channel or language, naming the template', async () => {
    const wrongChannel = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ templateId: smsTemplateId }),
    );
    expect(wrongChannel.statusCode).toBe(422);
    expect(wrongChannel.json<{ error: { message: string } }>().error.message).toMatch(/"sms en general" is for texts/);
    const wrongLanguage = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ templateId: frenchTemplateId, language: 'en' }),
    );
    expect(wrongLanguage.statusCode).toBe(422);
    expect(wrongLanguage.json<{ error: { message: string } }>().error.message).toMatch(/is in French/);
  });

  it('refuses Fetch Automation without a query or recycle type, and a contact type whose template is filed elsewhere', async () => {
    const noQuery = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ savedQueryId: null, recycleCodeId: null }),
    );
    expect(noQuery.statusCode).toBe(422);
    expect(noQuery.json<{ error: { message: string } }>().error.message).toMatch(
      /needs a saved query.*needs a recycle type/,
    );
    const wrongType = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ kind: 'contact_type', contactTypeId: maintenanceId, savedQueryId: null }),
    );
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json<{ error: { message: string } }>().error.message).toMatch(/not a "Maintenance" template/);
  });

  it('refuses another store’s template, a duplicate name, and agents', async () => {
    const otherTemplate = await t.db.kysely.transaction().execute((trx) =>
      insertTemplate(trx, {
        storeId: t.storeB.id,
        channel: 'email',
        contactType: 'general',
        language: 'en',
        purpose: 'service',
        name: 'B',
        subject: 'B',
        body: 'B',
        createdBy: null,
      }),
    );
    const foreign = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ templateId: otherTemplate.template.id }),
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json<{ error: { message: string } }>().error.message).toMatch(
      /template was not found in this store/,
    );
    const body = fetchBatch({ name: 'Only once' });
    expect((await manager.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, body)).statusCode).toBe(201);
    expect((await manager.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, body)).statusCode).toBe(409);
    expect((await agent.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, fetchBatch())).statusCode).toBe(403);
  });

  it('previews a run without sending, then runs once a day', async () => {
    const s = (await manager.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, fetchBatch())).json<Schedule>();
    const preview = (
      await agent.send('POST', `/api/batch-schedules/${s.id}/preview`, { at: '2026-06-15T14:00:00Z' })
    ).json<Report>();
    expect(preview).toMatchObject({ outcome: 'dry_run', runId: null, matched: 4, selected: 2 });
    expect(preview.excluded).toEqual({ no_email: 1, over_limit: 1 });
    expect(preview.sample).toHaveLength(2);
    const none = await t.db.kysely.selectFrom('batch_runs').select('id').where('schedule_id', '=', s.id).execute();
    expect(none).toHaveLength(0);

    const first = await manager.send('POST', `/api/batch-schedules/${s.id}/run`, {});
    expect(first.json<Report>()).toMatchObject({ outcome: 'done', selected: 2, enqueued: 2 });
    const again = await manager.send('POST', `/api/batch-schedules/${s.id}/run`, {});
    expect(again.json<Report>()).toMatchObject({ outcome: 'already_done', selected: 2 });
    const runs = (await agent.get(`/api/batch-schedules/${s.id}/runs`)).json<{ runs: { status: string }[] }>().runs;
    expect(runs).toEqual([expect.objectContaining({ status: 'done', selected: 2, enqueued: 2 })]);
    const listed = (await agent.get(`/api/batch-schedules/${s.id}`)).json<{
      names: Record<string, string | null>;
      lastRun: { status: string } | null;
    }>();
    expect(listed.names).toMatchObject({
      template: 'email en general',
      savedQuery: 'Honda owners',
      recycleCode: 'Email sent',
    });
    expect(listed.lastRun).toMatchObject({ status: 'done' });
    expect((await agent.send('POST', `/api/batch-schedules/${s.id}/run`, {})).statusCode).toBe(403);
  });

  it('switching a schedule off is allowed even when it could no longer run', async () => {
    const s = (await manager.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, fetchBatch())).json<Schedule>();
    await t.db.kysely.updateTable('templates').set({ active: false }).where('id', '=', emailTemplateId).execute();
    try {
      const listed = (await agent.get(`/api/batch-schedules/${s.id}`)).json<Schedule>();
      expect(listed.problems).toEqual([expect.stringMatching(/is not active/)]);
      expect((await manager.send('PATCH', `/api/batch-schedules/${s.id}`, { dailyLimit: 5 })).statusCode).toBe(422);
      const off = await manager.send('PATCH', `/api/batch-schedules/${s.id}`, { active: false });
      expect(off.statusCode).toBe(200);
      expect(off.json<Schedule>().nextRunAt).toBeNull();
    } finally {
      await t.db.kysely.updateTable('templates').set({ active: true }).where('id', '=', emailTemplateId).execute();
    }
  });
});

describe('campaign options', () => {
  it('counts who a campaign reaches on its channel, why not the rest, and who another channel would reach', async () => {
    const res = await agent.send('POST', `/api/stores/${t.storeA.id}/campaign-options`, {
      savedQueryId: queryId,
      channel: 'email',
      purpose: 'service',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      channel: 'email',
      matched: 4,
      reachable: 3,
      unreachable: 1,
      unreachableByReason: { no_email: 1 },
      // Nomail has a cell phone (texts and drops reach them) but no postal address.
      alternatives: [
        { channel: 'letter', reachable: 0 },
        { channel: 'sms', reachable: 1 },
        { channel: 'voice', reachable: 1 },
      ],
    });
  });
});

describe('one-off campaigns', () => {
  it('need a send time and a sender the store sends from', async () => {
    await t.db.kysely
      .updateTable('stores')
      .set({ email: 'service@alpha.test' })
      .where('id', '=', t.storeA.id)
      .execute();
    const noTime = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ recurrence: 'once' }),
    );
    expect(noTime.statusCode).toBe(422);
    expect(noTime.json<{ error: { message: string } }>().error.message).toMatch(/Choose when to send/);
    const past = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ recurrence: 'once', onceAt: '2026-06-15T12:00:00Z' }),
    );
    expect(past.json<{ error: { message: string } }>().error.message).toMatch(/send time has passed/);
    const badSender = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ recurrence: 'once', onceAt: '2026-06-16T14:00:00Z', sender: 'someone@elsewhere.test' }),
    );
    expect(badSender.statusCode).toBe(422);
    expect(badSender.json<{ error: { message: string } }>().error.message).toMatch(/Send from one of/);
    const ok = await manager.send(
      'POST',
      `/api/stores/${t.storeA.id}/batch-schedules`,
      fetchBatch({ recurrence: 'once', onceAt: '2026-06-16T14:00:00Z', sender: 'Service@Alpha.test' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Schedule>().nextRunAt).toBe('2026-06-16T14:00:00.000Z');
  });
});
