import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../../test/support/factories.ts';
import type { Db } from '../../db/connect.ts';
import { writeCsvFile } from '../csv-stream.ts';
import { targetSettingsSchema } from '../export-targets.rules.ts';
import { CARFAX_COLUMNS, carfaxExtract } from './carfax.extract.ts';

/** The terms of service's list (seeds/protractor-360-customer-contact), as our column keys. */
const TERMS = [
  'ro_date',
  'ro_number',
  'vin',
  'plate',
  'plate_region',
  'facility_name',
  'facility_address',
  'facility_city',
  'facility_region',
  'facility_postal_code',
  'facility_phone',
  'odometer',
  'year',
  'make',
  'model',
  'sub_model',
  'engine',
  'service_description',
];

// Distinctive personal data and amounts that must never reach CARFAX.
const PII = {
  first_name: 'Zebulon',
  last_name: 'Quixoticus',
  name: 'Zebulon Quixoticus',
  mailing_name: 'Mr. Zebulon Quixoticus',
  other_name: 'Quixotic Holdings',
  email: 'zebulon.quixoticus@private.test',
  cell_phone: '+14165559871',
  home_phone: '+14165559872',
  work_phone: '+14165559873',
  address_line1: '77 Secretive Crescent',
  address_line2: 'Unit 9191',
  city: 'Hiddenville',
  postal_code: 'X9X 9X9',
};
const AMOUNTS = ['4321.87', '1234.56', '5556.43'];

let db: Db;
let dir: string;
beforeAll(async () => {
  db = await openTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'forecourt-carfax-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the CARFAX export', () => {
  it('has exactly the columns of the terms of service: an allow-list', () => {
    expect(CARFAX_COLUMNS.map((c) => c.key)).toEqual(TERMS);
  });

  it('carries repair orders and vehicles but no name, address, phone, e-mail, labour, parts or amounts', async () => {
    const store = await buildStore(db.kysely, {
      name: 'Facility Motors',
      addressLine1: '1 Garage Way',
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5V 2T6',
      phone: '+14165550100',
    });
    const c = await buildCustomer(db.kysely, store.id, PII);
    const v = await buildVehicle(db.kysely, c, {
      vin: '1FTFW1E50NFA00001',
      plate: 'CFX 123',
      plate_region: 'ON',
      sub_model: 'XLT',
      engine: '3.5L V6',
      odometer: 80_000,
    });
    await db.kysely
      .insertInto('visits')
      .values({
        store_id: store.id,
        customer_id: c.id,
        vehicle_id: v.id,
        ro_number: 'RO-CFX-1',
        visit_date: '2026-06-10',
        department: 'service',
        odometer: 81_234,
        labour_total: Number(AMOUNTS[0]),
        parts_total: Number(AMOUNTS[1]),
        description: 'Oil change and multi-point inspection',
        deferred_items: [`Brakes ${AMOUNTS[2]}`],
      })
      .execute();
    const file = path.join(dir, 'carfax.csv');
    const rows = carfaxExtract.rows(db.kysely, {
      store,
      settings: targetSettingsSchema.parse({}),
      at: new Date('2026-06-15T12:00:00Z'),
      since: null,
    });
    const written = await writeCsvFile(file, carfaxExtract.columns, rows);
    expect(written.rows).toBe(1);
    const text = await readFile(file, 'utf8');
    const [header, line] = text.trim().split('\r\n');
    expect(header?.split(',')).toEqual(CARFAX_COLUMNS.map((c) => c.label));
    expect(line).toContain('RO-CFX-1');
    expect(line).toContain('1FTFW1E50NFA00001');
    expect(line).toContain('Facility Motors');
    expect(line).toContain('81234');
    expect(line).toContain('XLT');
    for (const value of [...Object.values(PII), ...AMOUNTS, 'Brakes', '9871', '9872', '9873', 'Quixotic'])
      expect(text, `the CARFAX file contains ${value}`).not.toContain(value);
  });
});
