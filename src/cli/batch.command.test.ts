import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { captureStreams } from '../../test/support/streams.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../test/support/factories.ts';
import { createBatchRunService } from '../campaigns/batch-run.service.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';
import type { Db } from '../db/connect.ts';
import { fixedClock } from '../shared/clock.ts';
import { createRenderer } from '../templates/render.ts';
import { insertTemplate } from '../templates/templates.store.ts';
import { runBatch } from './batch.command.ts';

const AT = '2026-06-15T14:00:00Z';
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  const k = db.kysely;
  const store = await buildStore(k, { code: 'BAT' });
  await ensureContactDefaults(k, store.id);
  for (const [first_name, email] of [
    ['Ada', 'ada@example.test'],
    ['Bo', null],
  ] as const) {
    const c = await buildCustomer(k, store.id, { first_name, last_name: 'Batch', email });
    await buildVehicle(k, c, { make: 'Honda' });
  }
  const { template } = await k.transaction().execute((trx) =>
    insertTemplate(trx, {
      storeId: store.id,
      channel: 'email',
      contactType: 'general',
      language: 'en',
      purpose: 'service',
      name: 'Hello',
      subject: 'Hello',
      body: 'Hi {{ customer.first_name }}',
      createdBy: null,
    }),
  );
  const query = await k
    .insertInto('saved_queries')
    .values({
      store_id: store.id,
      name: 'Hondas',
      filter: JSON.stringify({ op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const code = await k
    .selectFrom('recycle_codes')
    .select('id')
    .where('store_id', '=', store.id)
    .where('key', '=', 'email_sent')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('batch_schedules')
    .values({
      store_id: store.id,
      name: 'Honda hello',
      channel: 'email',
      kind: 'fetch',
      saved_query_id: query.id,
      recycle_code_id: code.id,
      template_id: template.id,
      daily_limit: 10,
    })
    .execute();
});
afterAll(() => db.close());

async function batch(args: Partial<Parameters<typeof runBatch>[0]>) {
  const { out, err, text } = captureStreams();
  const runs = createBatchRunService({
    db: db.kysely,
    clock: fixedClock(AT),
    renderer: createRenderer(),
    unsubscribe: { urlFor: () => 'https://forecourt.test/u/x' },
    owner: 'cli-test',
  });
  const code = await runBatch({
    db,
    runs,
    schedule: 'Honda hello',
    storeCode: 'BAT',
    dryRun: false,
    json: false,
    out,
    err,
    ...args,
  });
  return { code, ...text };
}

describe('forecourt batch run', () => {
  it('--dry-run prints who would be taken and why others are not, and sends nothing', async () => {
    const r = await batch({ dryRun: true, at: AT });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Dry run of "Honda hello" \(BAT\).*nothing sent/);
    expect(r.out).toMatch(/would be taken\s+1/);
    expect(r.out).toMatch(/1 {2}no_email/);
    expect(r.out).toMatch(/Ada Batch/);
    expect(await db.kysely.selectFrom('outbox_messages').select('id').execute()).toHaveLength(0);
  });

  it('runs once per day; --json gives the report', async () => {
    const first = await batch({ json: true });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      outcome: 'done',
      selected: 1,
      enqueued: 1,
      excluded: { no_email: 1 },
    });
    const again = await batch({});
    expect(again.out).toMatch(/already ran on 2026-06-15: nothing more sent/);
  });

  it('explains bad arguments', async () => {
    expect((await batch({ at: 'tomorrow' })).err).toMatch(/not an ISO 8601 time/);
    const missing = await batch({ schedule: 'Nope' });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/No batch schedule Nope in store BAT/);
  });
});
