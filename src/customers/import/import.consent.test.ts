import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import type { Db } from '../../db/connect.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createStore, ensureOrganisation } from '../../stores/stores.store.ts';
import { importCsv } from './import.service.ts';

let db: Db;
let orgId: number;
let storeSeq = 0;
const clock = fixedClock('2025-06-01T12:00:00Z');

beforeAll(async () => {
  db = await openTestDb();
  orgId = await ensureOrganisation(db.kysely);
});
afterAll(() => db.close());

async function newStore(): Promise<number> {
  storeSeq++;
  const s = await createStore(db.kysely, orgId, {
    code: `C${storeSeq}`,
    name: `Consent store ${storeSeq}`,
    country: 'CA',
    timeZone: 'America/Toronto',
    bodyShopAutoOff: false,
  });
  return s.id;
}

const run = (storeId: number, content: string) =>
  importCsv({ db, storeId, kind: 'customers', input: Readable.from([Buffer.from(content)]), clock });

const flags = async (storeId: number, number: string) =>
  db.kysely
    .selectFrom('customers')
    .select(['mail_on', 'home_phone_on', 'work_phone_on', 'cell_phone_on', 'email_on', 'do_not_mail', 'casl_opt_out'])
    .where('store_id', '=', storeId)
    .where('dms_customer_number', '=', number)
    .executeTakeFirstOrThrow();

const events = (storeId: number) =>
  db.kysely
    .selectFrom('consent_events as e')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .select(['c.dms_customer_number', 'e.channel', 'e.purpose', 'e.granted', 'e.basis', 'e.source', 'e.actor_user_id'])
    .select(['e.wording', 'e.occurred_at'])
    .where('e.store_id', '=', storeId)
    .orderBy('e.id')
    .execute();

describe('importCsv: flags and contact-method switches', () => {
  it('maps flag aliases, inverted "Do Not" columns and yes/no spellings', async () => {
    const storeId = await newStore();
    const file = [
      'Cust #,DNM,CASL,Mail OK,Home OK,Work Phone OK,Do Not Call Cell,Do Not Email',
      '1,Y,yes,N,1,true,Y,N',
      '2,no,0,yes,F,No,n,yes',
    ].join('\n');
    expect(await run(storeId, file)).toMatchObject({ inserted: 2, rejected: [], warnings: [] });
    expect(await flags(storeId, '1')).toEqual({
      do_not_mail: true,
      casl_opt_out: true,
      mail_on: false,
      home_phone_on: true,
      work_phone_on: true,
      cell_phone_on: false,
      email_on: true,
    });
    expect(await flags(storeId, '2')).toEqual({
      do_not_mail: false,
      casl_opt_out: false,
      mail_on: true,
      home_phone_on: false,
      work_phone_on: false,
      cell_phone_on: true,
      email_on: false,
    });
    expect(await run(storeId, file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('leaves a flag alone when its cell is blank or its column missing, and warns on a bad value', async () => {
    const storeId = await newStore();
    await run(storeId, 'Cust #,Do Not Mail,Email OK,Cell OK\n1,Y,N,N\n2,Y,N,N\n');
    const r = await run(storeId, 'Cust #,Do Not Mail,Email OK,Last\n1,,maybe,Roy\n2,N,,Lee\n');
    expect(r).toMatchObject({ inserted: 0, updated: 2, unchanged: 0, rejected: [] });
    expect(r.warnings).toEqual([{ line: 2, field: 'email_on', reason: expect.stringContaining('maybe') }]);
    // Blank, unreadable and absent all keep what was stored; only the real change lands.
    expect(await flags(storeId, '1')).toMatchObject({ do_not_mail: true, email_on: false, cell_phone_on: false });
    expect(await flags(storeId, '2')).toMatchObject({ do_not_mail: false, email_on: false, cell_phone_on: false });
    // A new customer with a blank flag takes the column's default.
    await run(storeId, 'Cust #,Do Not Mail,Email OK\n3,,\n');
    expect(await flags(storeId, '3')).toMatchObject({ do_not_mail: false, email_on: true });
  });
});

describe('importCsv: marketing consent', () => {
  it('records a grant once, appends nothing on re-import, and a withdrawal from a later file', async () => {
    const storeId = await newStore();
    const file = [
      'Cust #,Last,Email Opt In,Email Consent Date,Email Consent Basis,Text OK (marketing)',
      '1,Roy,Y,2024-03-05,implied purchase,',
      '2,Lee,yes,,,N',
      '3,Ng,,,,',
    ].join('\n');
    expect(await run(storeId, file)).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, warnings: [] });
    const first = await events(storeId);
    expect(first).toEqual([
      {
        dms_customer_number: '1',
        channel: 'email',
        purpose: 'marketing',
        granted: true,
        basis: 'implied_purchase',
        source: 'import',
        actor_user_id: null,
        wording: 'DMS import: Email Opt In',
        occurred_at: new Date('2024-03-05T05:00:00Z'), // midnight in Toronto
      },
      {
        dms_customer_number: '2',
        channel: 'email',
        purpose: 'marketing',
        granted: true,
        basis: 'express',
        source: 'import',
        actor_user_id: null,
        wording: 'DMS import: Email Opt In',
        occurred_at: clock.now(),
      },
    ]);

    clock.advance(86_400_000);
    expect(await run(storeId, file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, warnings: [] });
    expect(await events(storeId)).toHaveLength(2);

    clock.advance(86_400_000);
    const later = await run(storeId, file.replace('1,Roy,Y', '1,Roy,N'));
    expect(later).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, warnings: [] });
    const after = await events(storeId);
    expect(after).toHaveLength(3);
    expect(after[2]).toMatchObject({ dms_customer_number: '1', granted: false, basis: null, source: 'import' });
    // Dated 2024-03-05 in the file, but a withdrawal outranks the grant at the same moment.
    expect(after[2]?.occurred_at).toEqual(new Date('2024-03-05T05:00:00Z'));
    expect(await run(storeId, file.replace('1,Roy,Y', '1,Roy,N'))).toMatchObject({ updated: 0, unchanged: 3 });
    expect(await events(storeId)).toHaveLength(3);
  });

  it('warns and records nothing for an invalid basis or date', async () => {
    const storeId = await newStore();
    const r = await run(
      storeId,
      'Cust #,SMS Opt In,SMS Consent Basis,Email Opt In,Email Opt In Date\n1,Y,because,Y,31/31/2024\n2,Y,Express,Y,2099-01-01\n',
    );
    expect(r).toMatchObject({ inserted: 2, rejected: [] });
    expect(r.warnings).toEqual([
      { line: 2, field: 'email_consent_date', reason: expect.stringContaining('31/31/2024') },
      { line: 2, field: 'sms_consent_basis', reason: expect.stringContaining('because') },
      { line: 3, field: 'email_marketing_consent', reason: expect.stringContaining('future') },
    ]);
    expect(await events(storeId)).toEqual([
      expect.objectContaining({ dms_customer_number: '2', channel: 'sms', granted: true, basis: 'express' }),
    ]);
  });

  it('does not let an undated opt-in override an unsubscribe the DMS may not know about', async () => {
    const storeId = await newStore();
    await run(storeId, 'Cust #\n1\n');
    const c = await db.kysely
      .selectFrom('customers')
      .select('id')
      .where('store_id', '=', storeId)
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('consent_events')
      .values({
        store_id: storeId,
        customer_id: c.id,
        channel: 'email',
        purpose: 'marketing',
        granted: false,
        basis: null,
        source: 'unsubscribe',
        actor_user_id: null,
        wording: null,
        occurred_at: new Date(clock.now().getTime() - 3_600_000),
      })
      .execute();
    const r = await run(storeId, 'Cust #,Email Opt In\n1,Y\n');
    expect(r).toMatchObject({ unchanged: 1, warnings: [{ line: 2, field: 'email_marketing_consent' }] });
    // A dated opt-in after the unsubscribe is the customer opting in again.
    const dated = await run(storeId, `Cust #,Email Opt In,Email Opt In Date\n1,Y,${clock.now().toISOString()}\n`);
    expect(dated).toMatchObject({ updated: 1, warnings: [] });
    expect((await events(storeId)).map((e) => [e.source, e.granted])).toEqual([
      ['unsubscribe', false],
      ['import', true],
    ]);
  });

  it('writes consents set-based across several batches with consistent counts', async () => {
    const storeId = await newStore();
    const lines = ['Cust #,SMS Opt In'];
    for (let i = 0; i < 12_000; i++) lines.push(`${i},${i % 3 === 0 ? 'Y' : i % 3 === 1 ? 'N' : ''}`);
    const file = lines.join('\n');
    expect(await run(storeId, file)).toMatchObject({ inserted: 12_000, updated: 0, unchanged: 0 });
    expect(await events(storeId)).toHaveLength(4_000);
    expect(await run(storeId, file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 12_000 });
    expect(await events(storeId)).toHaveLength(4_000);
  });
});
