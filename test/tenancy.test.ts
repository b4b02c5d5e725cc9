import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../src/db/schema.ts';
import { login, startTestApp, type Client, type TestApp } from './support/app.ts';
import { insertMessages } from '../src/delivery/outbox.store.ts';
import { ensureDefaultTemplates } from '../src/templates/templates.store.ts';
import { ensureContactDefaults } from '../src/campaigns/contact-types.store.ts';
import { buildCustomer } from './support/factories.ts';
import { outboxMessage } from './support/outbox.ts';

/**
 * Walks every route in the OpenAPI document as a user of store A, with ids that belong to
 * store B, and expects 404 each time: a new route cannot forget the store filter unnoticed.
 */
let t: TestApp;
let a: Client;
let bCustomer: Customer;
let bTemplateId: number;
let bMessageId: number;
let bPrintFileId: number;
let bQueryId: number;
let bContactTypeId: number;
let bRecycleCodeId: number;
let bScheduleId: number;
let bRecordingId: number;
let bCallerIdId: number;
let bRunId: number;
let bExportRunId: number;
let bEntryId: number;
beforeAll(async () => {
  t = await startTestApp();
  bCustomer = await buildCustomer(t.db.kysely, t.storeB.id);
  await ensureDefaultTemplates(t.db.kysely, t.storeB.id);
  const tpl = await t.db.kysely
    .selectFrom('templates')
    .select('id')
    .where('store_id', '=', t.storeB.id)
    .executeTakeFirstOrThrow();
  bTemplateId = tpl.id;
  const [bMessage] = (
    await insertMessages(
      t.db.kysely,
      [outboxMessage(bCustomer, t.clock.now(), { deliveryKey: 'tenancy-probe', subject: 'B only', text: 'B only' })],
      t.clock.now(),
    )
  ).created;
  bMessageId = bMessage?.id ?? 0;
  const bPrintFile = await t.db.kysely
    .insertInto('print_files')
    .values({
      store_id: t.storeB.id,
      channel: 'letter',
      group_key: 'day:2026-06-15',
      source_ref: null,
      status: 'open',
      item_count: 1,
      created_at: t.clock.now(),
      last_item_at: t.clock.now(),
      close_after: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bPrintFileId = bPrintFile.id;
  const bQuery = await t.db.kysely
    .insertInto('saved_queries')
    .values({ store_id: t.storeB.id, name: 'B only', description: null, filter: JSON.stringify(PROBE_FILTER) })
    .returning('id')
    .executeTakeFirstOrThrow();
  bQueryId = bQuery.id;
  await ensureContactDefaults(t.db.kysely, t.storeB.id);
  const bContactType = await t.db.kysely
    .selectFrom('contact_types')
    .select('id')
    .where('store_id', '=', t.storeB.id)
    .executeTakeFirstOrThrow();
  bContactTypeId = bContactType.id;
  const bRecycleCode = await t.db.kysely
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', t.storeB.id)
    .executeTakeFirstOrThrow();
  bRecycleCodeId = bRecycleCode.id;
  const bSchedule = await t.db.kysely
    .insertInto('batch_schedules')
    .values({
      store_id: t.storeB.id,
      name: 'B only',
      recurrence: 'daily',
      channel: 'email',
      kind: 'fetch',
      saved_query_id: bQueryId,
      recycle_code_id: bRecycleCodeId,
      template_id: bTemplateId,
      daily_limit: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bScheduleId = bSchedule.id;
  const bRecording = await t.db.kysely
    .insertInto('voice_recordings')
    .values({
      store_id: t.storeB.id,
      name: 'B only',
      format: 'wav',
      duration_ms: 5000,
      size_bytes: 4,
      sha256: 'x',
      content: Buffer.from('RIFF'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bRecordingId = bRecording.id;
  const bCallerId = await t.db.kysely
    .insertInto('voice_caller_ids')
    .values({ store_id: t.storeB.id, number: '+14165550111', label: 'B only' })
    .returning('id')
    .executeTakeFirstOrThrow();
  bCallerIdId = bCallerId.id;
  const bRun = await t.db.kysely
    .insertInto('batch_runs')
    .values({
      store_id: t.storeB.id,
      schedule_id: bScheduleId,
      run_date: '2026-06-15',
      status: 'done',
      as_of: t.clock.now(),
      started_at: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bRunId = bRun.id;
  const bTarget = await t.db.kysely
    .insertInto('export_targets')
    .values({ store_id: t.storeB.id, kind: 'carfax', settings: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bExportRun = await t.db.kysely
    .insertInto('export_runs')
    .values({
      store_id: t.storeB.id,
      target_id: bTarget.id,
      kind: 'carfax',
      trigger: 'manual',
      status: 'written',
      started_at: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bExportRunId = bExportRun.id;
  const bList = await t.db.kysely
    .insertInto('call_lists')
    .values({
      store_id: t.storeB.id,
      list_key: 'maintenance',
      day: '2026-06-15',
      purpose: 'service',
      built_at: t.clock.now(),
      size: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bEntry = await t.db.kysely
    .insertInto('call_list_entries')
    .values({ list_id: bList.id, store_id: t.storeB.id, customer_id: bCustomer.id, position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  bEntryId = bEntry.id;
  a = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

const PROBE_FILTER = { op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] };

/** A valid body for each state-changing route that takes JSON, so validation cannot answer first. */
const BODIES: Record<string, object> = {
  'POST /api/customers/{customerId}/consent': { channel: 'sms', purpose: 'marketing', granted: false, source: 'user' },
  'POST /api/customers/{customerId}/verify': {},
  'PATCH /api/customers/{customerId}/contact-methods': { emailOn: false },
  'PATCH /api/stores/{storeId}/settings': { emailBounceLimit: 4 },
  'POST /api/stores/{storeId}/templates': {
    channel: 'sms',
    contactType: 'maintenance',
    language: 'en',
    purpose: 'service',
    name: 'Tenancy probe',
    body: 'Hello',
  },
  'PATCH /api/templates/{templateId}': { name: 'Renamed by another store' },
  'PUT /api/stores/{storeId}/channels/{channel}': { provider: 'outbox' },
  'POST /api/customers/{customerId}/messages': {
    purpose: 'service',
    channel: 'email',
    subject: 'Hello',
    body: '<p>Hello</p>',
    requestKey: 'tenancy-probe-1',
  },
  'POST /api/templates/{templateId}/preview': {},
  'POST /api/print-files/{printFileId}/close': {},
  'POST /api/print-files/{printFileId}/printed': {},
  'POST /api/templates/{templateId}/test-send': { to: 'me@example.test', requestKey: 'tenancy-test-send' },
  'POST /api/stores/{storeId}/templates/preview': { channel: 'sms', language: 'en', purpose: 'service', body: 'Hi' },
  'POST /api/stores/{storeId}/templates/preview.pdf': {
    channel: 'letter',
    language: 'en',
    purpose: 'service',
    body: '<p>Hi</p>',
  },
  'POST /api/stores/{storeId}/queries/preview': { filter: PROBE_FILTER },
  'POST /api/stores/{storeId}/queries': { name: 'Tenancy probe', filter: PROBE_FILTER },
  'PATCH /api/queries/{queryId}': { name: 'Renamed by another store', archived: true },
  'POST /api/stores/{storeId}/contact-types': { key: 'tenancy_probe', name: 'Tenancy probe' },
  'PATCH /api/contact-types/{contactTypeId}': { name: 'Renamed by another store', active: false },
  'POST /api/stores/{storeId}/recycle-codes': { key: 'tenancy_probe', name: 'Tenancy probe', days: 1 },
  'PATCH /api/recycle-codes/{recycleCodeId}': { days: 0, active: false },
  'POST /api/stores/{storeId}/batch-schedules': {
    name: 'Tenancy probe',
    channel: 'email',
    kind: 'fetch',
    templateId: 1,
    dailyLimit: 10,
  },
  'PATCH /api/batch-schedules/{scheduleId}': { active: false },
  'POST /api/batch-schedules/{scheduleId}/preview': {},
  'POST /api/batch-schedules/{scheduleId}/run': {},
  'POST /api/stores/{storeId}/campaign-options': { savedQueryId: 1, channel: 'sms', purpose: 'service' },
  'PATCH /api/voice/recordings/{recordingId}': { active: false },
  'POST /api/voice/recordings/{recordingId}/test-drop': {
    callerIdId: 1,
    to: '+14165550123',
    requestKey: 'tenancy-drop',
  },
  'POST /api/stores/{storeId}/voice/caller-ids': { number: '+14165550112', label: 'Probe' },
  'PATCH /api/voice/caller-ids/{callerIdId}': { active: false },
  'PATCH /api/stores/{storeId}/lifecycle': { emailOn: false },
  'POST /api/stores/{storeId}/lifecycle/preview': {},
  'POST /api/stores/{storeId}/lifecycle/run': {},
  'PUT /api/stores/{storeId}/export-targets/{kind}': { enabled: false },
  'POST /api/stores/{storeId}/export-targets/{kind}/run': {},
  'POST /api/stores/{storeId}/call-list/open': { list: 'maintenance' },
  'POST /api/stores/{storeId}/call-list/next': { list: 'maintenance' },
  'POST /api/call-list/entries/{entryId}/release': {},
  'POST /api/call-list/entries/{entryId}/result': { recycleCodeId: 1 },
  'POST /api/customers/{customerId}/texts/assign': { userId: null },
  'POST /api/customers/{customerId}/texts/reply': { body: 'Hello', requestKey: 'tenancy-reply-1' },
};

const NO_STORE_PARAMS = new Set([
  '/api/health',
  '/api/openapi.json',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/session',
  '/api/stores',
  '/api/merge-tags',
  '/api/segment-fields',
  // Public pages whose signed token is the authority (tested in unsubscribe.routes.test.ts).
  '/u/{token}',
  // Provider webhooks: signed per store, not session-scoped (twilio.routes.test.ts: another store's
  // signature gets nothing).
  '/api/webhooks/twilio/{storeId}/status',
  '/api/webhooks/twilio/{storeId}/inbound',
  '/api/webhooks/events/{storeId}/{channel}',
  // Voice-drop results, signed with the store's voice secret (voice-ports.test.ts: a forged one is refused).
  '/api/webhooks/voice/{storeId}',
]);

describe('tenant isolation', () => {
  it('answers 404 for store B’s records on every route that takes a store or record id', async () => {
    type Param = { name: string; in: string; required?: boolean; schema?: { enum?: string[]; type?: string } };
    type Operation = { parameters?: Param[]; requestBody?: { content: Record<string, unknown> } };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (NO_STORE_PARAMS.has(path) || path.startsWith('/api/docs')) continue;
      for (const [method, op] of Object.entries(methods)) {
        let url = path;
        const query = (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=${encodeURIComponent(String(p.schema?.enum?.[0] ?? 'probe'))}`);
        for (const p of op.parameters ?? []) {
          if (p.in !== 'path') continue;
          const value =
            p.name === 'storeId'
              ? t.storeB.id
              : p.name === 'customerId'
                ? bCustomer.id
                : p.name === 'templateId'
                  ? bTemplateId
                  : p.name === 'messageId'
                    ? bMessageId
                    : p.name === 'printFileId'
                      ? bPrintFileId
                      : p.name === 'queryId'
                        ? bQueryId
                        : p.name === 'contactTypeId'
                          ? bContactTypeId
                          : p.name === 'recycleCodeId'
                            ? bRecycleCodeId
                            : p.name === 'scheduleId'
                              ? bScheduleId
                              : p.name === 'recordingId'
                                ? bRecordingId
                                : p.name === 'callerIdId'
                                  ? bCallerIdId
                                  : p.name === 'runId'
                                    ? bRunId
                                    : p.name === 'exportRunId'
                                      ? bExportRunId
                                      : p.name === 'entryId'
                                        ? bEntryId
                                        : (p.schema?.enum?.[0] ?? '1');
          url = url.replace(`{${p.name}}`, String(value));
        }
        expect(url, `${path} has a path parameter this test does not know; teach it`).not.toContain('{');
        if (query.length > 0) url = `${url}?${query.join('&')}`;
        const key = `${method.toUpperCase()} ${path}`;
        const takesJson = op.requestBody?.content['application/json'] !== undefined;
        if (method !== 'get' && takesJson) expect(BODIES[key], `${key} needs an example body in BODIES`).toBeDefined();
        const res =
          method === 'get'
            ? await a.get(url)
            : takesJson
              ? await a.send(method.toUpperCase() as 'POST', url, BODIES[key])
              : await t.app.inject({
                  method: method.toUpperCase() as 'POST',
                  url,
                  headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken, 'content-type': 'text/csv' },
                  payload: 'x\n',
                });
        expect(res.statusCode, `${method.toUpperCase()} ${url}: ${res.body}`).toBe(404);
        checked.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(3);
  });
});
