import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../shared/errors.ts';
import { createStore, ensureOrganisation } from '../../stores/stores.store.ts';
import { importCsv } from './import.service.ts';
import type { ImportKind, ImportOptions } from './import.types.ts';

let db: Db;
let orgId: number;
let storeSeq = 0;

beforeAll(async () => {
  db = await openTestDb();
  orgId = await ensureOrganisation(db.kysely);
});
afterAll(() => db.close());

async function newStore(bodyShopAutoOff = false): Promise<number> {
  storeSeq++;
  const s = await createStore(db.kysely, orgId, {
    code: `S${storeSeq}`,
    name: `Store ${storeSeq}`,
    country: 'CA',
    timeZone: 'America/Toronto',
    bodyShopAutoOff,
  });
  return s.id;
}

function run(storeId: number, kind: ImportKind, content: string | Buffer, extra: Partial<ImportOptions> = {}) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Small chunks so chunk boundaries fall inside records and multi-byte characters.
  const chunks: Buffer[] = [];
  const step = bytes.length > 100_000 ? 65_536 : 7;
  for (let i = 0; i < bytes.length; i += step) chunks.push(bytes.subarray(i, i + step));
  return importCsv({ db, storeId, kind, input: Readable.from(chunks), size: bytes.length, ...extra });
}

const customer = (storeId: number, number: string) =>
  db.kysely
    .selectFrom('customers')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('dms_customer_number', '=', number)
    .executeTakeFirstOrThrow();

describe('importCsv: customers', () => {
  it('maps DMS header spellings, normalises values and upserts idempotently', async () => {
    const storeId = await newStore();
    const file = [
      'Cust #,First Name,Last Name,Cell,E-mail,Lang,DOB,Type,Stars,Unknown Column',
      '1001,Marie,Tremblay,(416) 967-1111,MARIE@Example.COM,French,03/15/1980,R,7,x',
      '1002,Bob,Smith,555,bob@example,en,1975-01-02,fleet,,y',
    ].join('\r\n');
    const first = await run(storeId, 'customers', file);
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(first.warnings).toEqual([
      { line: 3, field: 'cell_phone', reason: expect.stringContaining('555') },
      { line: 3, field: 'email', reason: expect.stringContaining('bob@example') },
    ]);
    const marie = await customer(storeId, '1001');
    expect(marie).toMatchObject({
      first_name: 'Marie',
      cell_phone: '+14169671111',
      email: 'MARIE@example.com',
      language: 'fr',
      date_of_birth: '1980-03-15',
      customer_type: 'retail',
      star_rating: 7,
    });
    const bob = await customer(storeId, '1002');
    expect(bob).toMatchObject({ cell_phone: null, email: null, customer_type: 'fleet', star_rating: null });

    const again = await run(storeId, 'customers', file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: [] });
    expect((await customer(storeId, '1001')).updated_at).toEqual(marie.updated_at);

    const changed = await run(storeId, 'customers', file.replace('Tremblay', 'Tremblay-Roy'));
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await customer(storeId, '1001')).last_name).toBe('Tremblay-Roy');
  });

  it('leaves columns the file does not have alone', async () => {
    const storeId = await newStore();
    await run(storeId, 'customers', 'CustNo,Last,Email\n1,Roy,roy@example.com\n');
    const r = await run(storeId, 'customers', 'Customer Number,Last\n1,Roy\n');
    expect(r).toMatchObject({ unchanged: 1 });
    expect((await customer(storeId, '1')).email).toBe('roy@example.com');
  });

  it('strips a UTF-8 BOM and reads ; and tab delimiters', async () => {
    const storeId = await newStore();
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Cust #;Name;City\n1;Côté Garage;Montréal\n'),
    ]);
    expect(await run(storeId, 'customers', bom)).toMatchObject({ inserted: 1, rejected: [] });
    expect(await customer(storeId, '1')).toMatchObject({ name: 'Côté Garage', city: 'Montréal' });
    expect(await run(storeId, 'customers', 'Cust #\tName\n2\tTab, Inc\n')).toMatchObject({ inserted: 1 });
    expect((await customer(storeId, '2')).name).toBe('Tab, Inc');
  });

  it('decodes Windows-1252, detected or asked for', async () => {
    const storeId = await newStore();
    // "Côté" and a curly apostrophe in cp1252 bytes: ô=F4, é=E9, ’=92.
    const cp1252 = Buffer.from([
      ...Buffer.from('Cust #,Last\n1,C'),
      0xf4,
      0x74,
      0xe9,
      ...Buffer.from('\n2,O'),
      0x92,
      ...Buffer.from('Neil\n'),
    ]);
    expect(await run(storeId, 'customers', cp1252)).toMatchObject({ inserted: 2 });
    expect((await customer(storeId, '1')).last_name).toBe('Côté');
    expect((await customer(storeId, '2')).last_name).toBe('O’Neil');
    expect(await run(storeId, 'customers', cp1252, { encoding: 'windows-1252' })).toMatchObject({ unchanged: 2 });
  });

  it('refuses bytes that are not UTF-8 after a UTF-8 start, naming the offset', async () => {
    const storeId = await newStore();
    const head = Buffer.from('Cust #,Last\n' + '1,Smith\n'.repeat(200_000));
    const bad = Buffer.concat([head, Buffer.from([0x39, 0x2c, 0x43, 0xf4, 0x0a])]);
    const err = await run(storeId, 'customers', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'import_bad_file', details: { byteOffset: head.length + 3 } });
    expect(err).toMatchObject({ message: expect.stringContaining('--encoding windows-1252') });
    const explicit = await run(storeId, 'customers', Buffer.from([...Buffer.from('Cust #,Last\n1,C'), 0xf4, 0x0a]), {
      encoding: 'utf-8',
    }).catch((e: unknown) => e);
    expect(explicit).toMatchObject({ code: 'import_bad_file', details: { byteOffset: 15 } });
  });

  it('keeps the line where a record starts when quoted fields hold newlines', async () => {
    const storeId = await newStore();
    const file = [
      'Cust #,Address,Email',
      '1,"12 Main St',
      'Apt 3",a@example.com',
      '',
      '2,"x',
      'y',
      'z",not-an-email',
      ',nobody,',
      '3,ok,c@example.com',
    ].join('\n');
    const r = await run(storeId, 'customers', file);
    expect(r.warnings).toEqual([{ line: 5, field: 'email', reason: expect.any(String) }]);
    expect(r.rejected).toEqual([{ line: 8, reason: 'dms_customer_number is required' }]);
    expect(r.inserted).toBe(3);
    expect((await customer(storeId, '1')).address_line1).toBe('12 Main St\nApt 3');
  });

  it('refuses a file without a required column, naming it and the columns found', async () => {
    const storeId = await newStore();
    const err = await run(storeId, 'customers', 'Name,Phone\nBob,4169671111\n').catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'import_bad_header',
      message: expect.stringMatching(/dms_customer_number.*"Name", "Phone"/),
    });
    await expect(run(storeId, 'customers', '')).rejects.toMatchObject({ code: 'import_bad_file' });
  });

  it('lets the last of two rows with one key win, also within a batch', async () => {
    const storeId = await newStore();
    const r = await run(storeId, 'customers', 'Cust #,Last\n7,First\n7,Second\n');
    expect(r).toMatchObject({
      inserted: 1,
      warnings: [{ line: 2, field: 'dms_customer_number', reason: expect.stringContaining('line 3') }],
    });
    expect((await customer(storeId, '7')).last_name).toBe('Second');
  });
});

describe('importCsv: history', () => {
  it('imports vehicles, visits, appointments and deals, rejecting unknown customers', async () => {
    const storeId = await newStore();
    await run(storeId, 'customers', 'Cust #,Last\n1,Roy\n2,Lee\n');
    const vehicles = await run(
      storeId,
      'vehicles',
      'VIN,Cust #,Year,Make,Model,Lic Plate,Odometer\n1hgcm82633a004352,1,2019,Honda,Civic,abc 123,"45,000"\nJH4KA7561PC008269,99,2001,Acura,Legend,,\n',
    );
    expect(vehicles).toMatchObject({
      inserted: 1,
      rejected: [{ line: 3, reason: 'unknown customer number "99" (import customers first)' }],
    });

    const visits = await run(
      storeId,
      'visits',
      'RO #,Cust #,Date,VIN,Dept,Labor,Parts,Deferred 1,Deferred 2\nR1,1,20240105,1HGCM82633A004352,S,"$1,200.50",30,Brakes,Wipers\nR2,2,01/32/2024,,B,,,,\nR3,2,2024-02-01,NOPE,Q,,,,\n',
    );
    expect(visits.rejected).toEqual([{ line: 3, reason: expect.stringContaining('visit_date') }]);
    expect(visits.warnings).toEqual([
      { line: 4, field: 'department', reason: expect.any(String) },
      { line: 4, field: 'vin', reason: expect.stringContaining('NOPE') },
    ]);
    const r1 = await db.kysely.selectFrom('visits').selectAll().where('ro_number', '=', 'R1').executeTakeFirstOrThrow();
    expect(r1).toMatchObject({
      visit_date: '2024-01-05',
      department: 'service',
      labour_total: 1200.5,
      parts_total: 30,
      deferred_items: ['Brakes', 'Wipers'],
    });
    expect(r1.vehicle_id).not.toBeNull();
    expect(
      await run(
        storeId,
        'visits',
        'RO #,Cust #,Date,VIN,Dept,Labor,Parts,Deferred 1,Deferred 2\nR1,1,20240105,1HGCM82633A004352,S,"$1,200.50",30,Brakes,Wipers\n',
      ),
    ).toMatchObject({ unchanged: 1 });

    const appts = await run(
      storeId,
      'appointments',
      'Appt #,Cust #,Appt Date,Appt Time,Status\nA1,1,2024-07-01,2:30 PM,No Show\nA2,3,2024-07-01,09:00,\n',
    );
    expect(appts).toMatchObject({ inserted: 1, rejected: [{ line: 3, reason: expect.stringContaining('"3"') }] });
    const a1 = await db.kysely
      .selectFrom('appointments')
      .selectAll()
      .where('dms_appointment_number', '=', 'A1')
      .executeTakeFirstOrThrow();
    expect(a1.status).toBe('no_show');
    expect(a1.scheduled_at.toISOString()).toBe('2024-07-01T18:30:00.000Z'); // 14:30 EDT

    const deals = await run(
      storeId,
      'deals',
      'Deal #,Cust #,Sold Date,VIN,Salesman,Sale Type\nD1,1,2023-05-06,1HGCM82633A004352,Jane  Doe,U\nD2,2,2023-05-07,,Jane Doe,New\n',
    );
    expect(deals).toMatchObject({ inserted: 2, rejected: [] });
    const people = await db.kysely
      .selectFrom('salespeople')
      .select(['id', 'name'])
      .where('store_id', '=', storeId)
      .execute();
    expect(people.map((p) => p.name)).toEqual(['Jane Doe']);
    const d1 = await db.kysely
      .selectFrom('deals')
      .selectAll()
      .where('deal_number', '=', 'D1')
      .executeTakeFirstOrThrow();
    expect(d1).toMatchObject({ salesperson_id: people[0]?.id, sale_type: 'used', sold_on: '2023-05-06' });
  });

  it('applies the body-shop rule to the vehicles a visits import touches', async () => {
    const storeId = await newStore(true);
    await run(storeId, 'customers', 'Cust #\n1\n');
    await run(storeId, 'vehicles', 'VIN,Cust #\nAAA1,1\nBBB2,1\nCCC3,1\n');
    await db.kysely
      .updateTable('vehicles')
      .set({ contact_off: true, contact_off_reason: 'user' })
      .where('vin', '=', 'CCC3')
      .execute();
    const header = 'RO #,Cust #,Date,VIN,Department\n';
    await run(
      storeId,
      'visits',
      `${header}1,1,2024-01-01,AAA1,body shop\n2,1,2024-01-01,BBB2,body_shop\n3,1,2024-01-02,BBB2,S\n4,1,2024-01-01,CCC3,B\n`,
    );
    const state = async () =>
      Object.fromEntries(
        (
          await db.kysely
            .selectFrom('vehicles')
            .select(['vin', 'contact_off', 'contact_off_reason'])
            .where('store_id', '=', storeId)
            .execute()
        ).map((v) => [v.vin, [v.contact_off, v.contact_off_reason]]),
      );
    expect(await state()).toEqual({ AAA1: [true, 'body_shop'], BBB2: [false, null], CCC3: [true, 'user'] });
    await run(storeId, 'visits', `${header}5,1,2024-03-01,AAA1,Service\n6,1,2024-03-01,CCC3,Service\n`);
    expect(await state()).toEqual({ AAA1: [false, null], BBB2: [false, null], CCC3: [true, 'user'] });
  });
});

describe('importCsv: batches', () => {
  it('streams many rows through several batches with correct counts', async () => {
    const storeId = await newStore();
    const n = 12_345;
    const lines = ['Cust #,Last,Cell'];
    for (let i = 0; i < n; i++) lines.push(`${i},Name${i},416${String(2000000 + i).padStart(7, '0')}`);
    const file = lines.join('\n');
    const progress: number[] = [];
    const r = await run(storeId, 'customers', file, { onProgress: (p) => progress.push(p.rows) });
    expect(r).toMatchObject({ inserted: n, updated: 0, unchanged: 0, rejected: [] });
    expect(progress.at(-1)).toBe(n);
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from customers where store_id = ${storeId}`.execute(db.kysely);
    expect(count.rows[0]?.n).toBe(n);
    expect(await run(storeId, 'customers', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: n });
  });
});
