import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { Store } from '../db/schema.ts';
import { applyInboundStop, recordInboundStart } from './inbound-sms.service.ts';

let db: Db;
let store: Store;
let other: Store;
beforeAll(async () => {
  db = await openTestDb();
  store = await buildStore(db.kysely);
  other = await buildStore(db.kysely);
});
afterAll(() => db.close());

describe('inbound STOP and START', () => {
  it('turns texting off on every customer file with that number, and withdraws SMS consent', async () => {
    const number = '+14165550777';
    const mom = await buildCustomer(db.kysely, store.id, { cell_phone: number });
    const son = await buildCustomer(db.kysely, store.id, { cell_phone: number });
    const stranger = await buildCustomer(db.kysely, store.id, { cell_phone: '+14165550778' });
    const elsewhere = await buildCustomer(db.kysely, other.id, { cell_phone: number });
    const at = new Date('2026-05-01T12:00:00Z');

    expect(await applyInboundStop(db.kysely, { storeIds: [store.id], number, at })).toBe(2);

    const on = await db.kysely.selectFrom('customers').select(['id', 'cell_phone_on']).execute();
    const byId = new Map(on.map((c) => [c.id, c.cell_phone_on]));
    expect([byId.get(mom.id), byId.get(son.id), byId.get(stranger.id), byId.get(elsewhere.id)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    const events = await db.kysely.selectFrom('consent_events').selectAll().where('customer_id', '=', mom.id).execute();
    expect(events.map((e) => [e.channel, e.purpose, e.granted, e.source])).toEqual([
      ['sms', 'marketing', false, 'inbound_stop'],
      ['sms', 'service', false, 'inbound_stop'],
    ]);

    expect(
      await recordInboundStart(db.kysely, { storeIds: [store.id], number, at: new Date('2026-05-02T12:00:00Z') }),
    ).toBe(2);
    const after = await db.kysely
      .selectFrom('customers')
      .select('cell_phone_on')
      .where('id', '=', mom.id)
      .executeTakeFirstOrThrow();
    expect(after.cell_phone_on).toBe(false);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', mom.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['sms.stop_received', 'sms.start_received']);
  });
});
