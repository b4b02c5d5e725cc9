import { Faker, base, en } from '@faker-js/faker';
import { parse } from 'csv-parse/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_COLUMNS, csvLine, csvLines } from './demo.csv.ts';
import { generateChunk, generateSalespeople } from './demo.generate.ts';
import { epochDayIn, generationContext, newCounters, type DemoChunk } from './demo.model.ts';
import { splitCustomers } from './demo.service.ts';
import { DEMO_STORES, demoStoreProfile } from './demo.stores.ts';
import { badPhone, makeVin, phoneDigits, vinCheckDigit } from './demo.values.ts';

const NOW = new Date('2026-11-23T15:00:00Z');

function faker(seed: number): Faker {
  const f = new Faker({ locale: [en, base] });
  f.seed(seed);
  return f;
}

function chunkFor(code: string, seed: number, count: number): DemoChunk {
  const profile = DEMO_STORES.find((s) => s.code === code);
  if (!profile) throw new Error(code);
  const today = epochDayIn(NOW, profile.timeZone);
  const ctx = generationContext(profile, generateSalespeople(faker(seed + 1), profile, today), NOW);
  return generateChunk(faker(seed), ctx, 0, count, newCounters());
}

async function text(gen: AsyncGenerator<string>): Promise<string> {
  let s = '';
  for await (const piece of gen) s += piece;
  return s;
}

describe('demo values', () => {
  it('makes VINs with a correct check digit, no I, O or Q, distinct for distinct serials', () => {
    const f = faker(1);
    const vins = new Set<string>();
    for (let serial = 0; serial < 5000; serial++) {
      const vin = makeVin(f, '2T1', 2019, serial);
      expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      expect(vin.charAt(8)).toBe(vinCheckDigit(vin));
      expect(vin.charAt(9)).toBe('K'); // 2019
      vins.add(vin.slice(10));
    }
    expect(vins.size).toBe(5000);
    // A published example: 1M8GDM9AXKP042788 has check digit X.
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it('makes phone numbers libphonenumber accepts, and bad ones it refuses', () => {
    const f = faker(2);
    for (const profile of DEMO_STORES) {
      for (const area of profile.areas) {
        for (const code of area.areaCodes) {
          for (let i = 0; i < 20; i++) {
            const p = parsePhoneNumberFromString(phoneDigits(f, code), profile.country);
            expect(p?.isValid(), `${code} in ${profile.code}`).toBe(true);
            expect(p?.country).toBe(profile.country);
            const bad = parsePhoneNumberFromString(badPhone(f, code), profile.country);
            expect(bad?.isValid() ?? false).toBe(false);
          }
        }
      }
    }
  });

  it('quotes CSV fields so a CSV parser reads them back', () => {
    const cells = [
      'plain',
      'with, comma',
      'say "hi"',
      'two\nlines',
      ' padded ',
      null,
      12.5,
      true,
      "L'Ancienne-Lorette",
    ];
    const [row] = parse(csvLine(cells), { relax_quotes: true });
    expect(row).toEqual([
      'plain',
      'with, comma',
      'say "hi"',
      'two\nlines',
      ' padded ',
      '',
      '12.5',
      'true',
      "L'Ancienne-Lorette",
    ]);
  });

  it('splits customers over stores', () => {
    expect(splitCustomers(5000, 2)).toEqual([2500, 2500]);
    expect(splitCustomers(7, 3)).toEqual([3, 2, 2]);
    expect(demoStoreProfile(DEMO_STORES.length).code).toBe('MRT2');
  });
});

describe('generateChunk', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(chunkFor('RSH', 5, 100)).toEqual(chunkFor('RSH', 5, 100));
    expect(chunkFor('RSH', 6, 100).customers).not.toEqual(chunkFor('RSH', 5, 100).customers);
  });

  it('writes CSV files whose header and rows line up, one record per customer', async () => {
    const chunk = chunkFor('LVN', 3, 300);
    const csv = await text(csvLines('customers', chunk));
    const records = parse<Record<string, string>>(csv, { columns: true, relax_quotes: true });
    expect(Object.keys(records[0] ?? {})).toEqual([...CUSTOMER_COLUMNS]);
    expect(records).toHaveLength(300);
    expect(records.every((r) => r.country === 'US' && r.region === 'IL' && /^\d{5}$/.test(r.postal_code ?? ''))).toBe(
      true,
    );
    const visits = parse<Record<string, string>>(await text(csvLines('visits', chunk)), { columns: true });
    expect(visits).toHaveLength(chunk.visits.length);
    expect(visits.some((v) => (v.deferred_items ?? '').includes('|'))).toBe(true);
  });

  it('keeps each chunk internally consistent', () => {
    const chunk = chunkFor('MRT', 4, 400);
    const customers = new Set(chunk.customers.map((c) => c.dms_customer_number));
    const vins = new Set(chunk.vehicles.map((v) => v.vin));
    expect(vins.size).toBe(chunk.vehicles.length);
    for (const v of chunk.vehicles) expect(customers.has(v.dms_customer_number)).toBe(true);
    for (const v of chunk.visits) if (v.vin !== null) expect(vins.has(v.vin)).toBe(true);
    for (const d of chunk.deals) expect(vins.has(d.vin)).toBe(true);
    const prospects = new Set(chunk.customers.filter((c) => c.is_prospect).map((c) => c.dms_customer_number));
    expect(prospects.size).toBeGreaterThan(0);
    expect(chunk.visits.filter((v) => prospects.has(v.dms_customer_number))).toEqual([]);
    expect(chunk.deals.filter((d) => prospects.has(d.dms_customer_number))).toEqual([]);
    const fleet = chunk.customers.filter((c) => c.customer_type === 'fleet');
    expect(fleet.length).toBeGreaterThan(0);
    for (const c of fleet)
      expect(
        chunk.vehicles.filter((v) => v.dms_customer_number === c.dms_customer_number).length,
      ).toBeGreaterThanOrEqual(3);
    expect(new Set(chunk.visits.map((v) => v.ro_number)).size).toBe(chunk.visits.length);
  });
});
