import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { captureStreams } from '../../test/support/streams.ts';
import { buildCustomer, buildStore } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import { runExplain } from './explain.command.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  const store = await buildStore(db.kysely, { code: 'EXP' });
  await buildCustomer(db.kysely, store.id, { dms_customer_number: '777', first_name: 'Ed', last_name: 'Explain' });
});
afterAll(() => db.close());

async function explain(args: Partial<Parameters<typeof runExplain>[0]>) {
  const { out, err, text } = captureStreams();
  const code = await runExplain({
    db,
    customer: '777',
    storeCode: 'EXP',
    channel: 'sms',
    purpose: 'marketing',
    json: false,
    out,
    err,
    ...args,
  });
  return { code, ...text };
}

describe('forecourt explain', () => {
  it('prints the decision with its reasons', async () => {
    const r = await explain({ at: '2026-06-15T16:00:00Z' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ed Explain \(EXP #777\)/);
    expect(r.out).toMatch(/NOT ALLOWED\n {2}- no_marketing_consent/);
  });
  it('prints the same as the API with --json', async () => {
    const r = await explain({ json: true, purpose: 'service', at: '2026-06-15T16:00:00Z' });
    expect(JSON.parse(r.out)).toMatchObject({ allowed: true, reasons: [] });
  });
  it('selects by Day / Late Day with --day-part, and names the allowed values for a bad one', async () => {
    const r = await explain({ json: true, purpose: 'service', at: '2026-06-15T16:00:00Z', dayPart: 'late_day' });
    expect(JSON.parse(r.out)).toMatchObject({ reasons: [{ code: 'day_part_mismatch' }, { code: 'quiet_hours' }] });
    const bad = await explain({ dayPart: 'evening' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/all, day, late_day/);
  });
  it('names the allowed values for a bad channel', async () => {
    const r = await explain({ channel: 'pigeon' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/email, sms, voice, call, letter, fax/);
  });
});
