import { describe, expect, it } from 'vitest';
import { completeUtf8Length, detectDelimiter, firstInvalidUtf8 } from './decode.ts';
import { planConsent } from './consent-import.rules.ts';
import { CUSTOMER_FIELDS } from './customers.mapping.ts';
import { readCustomer } from './customers.rules.ts';
import { headerKey, mapHeader, rawRow } from './header.ts';
import { readVisit } from './visits.rules.ts';
import { VISIT_FIELDS } from './visits.mapping.ts';
import { parseBoolean, parseDate, parseDateTime, parseEmail, parseMoney } from './values.rules.ts';

const ctx = { country: 'CA', timeZone: 'America/Toronto' };

describe('values', () => {
  it('reads DMS date forms and refuses impossible or ambiguous ones', () => {
    for (const raw of ['2024-02-29', '2024/2/29', '02/29/2024', '20240229', '2024-02-29T10:00:00Z']) {
      expect(parseDate(raw)).toEqual({ ok: true, value: '2024-02-29' });
    }
    for (const raw of ['2023-02-29', '13/01/2024', '02/29/24', 'yesterday', '']) expect(parseDate(raw).ok).toBe(false);
  });

  it('reads wall-clock times in the store zone, and explicit offsets as given', () => {
    const at = (raw: string) => {
      const p = parseDateTime(raw, 'America/Toronto');
      return p.ok ? p.value.toISOString() : p.reason;
    };
    expect(at('2024-01-15 9:05')).toBe('2024-01-15T14:05:00.000Z');
    expect(at('01/15/2024 12:30 AM')).toBe('2024-01-15T05:30:00.000Z');
    expect(at('2024-07-15T14:00:00-06:00')).toBe('2024-07-15T20:00:00.000Z');
    expect(at('2024-07-15 25:00')).toContain('not a time');
  });

  it('reads money, yes/no and e-mail', () => {
    expect(parseMoney('(1,234.567)')).toEqual({ ok: true, value: -1234.57 });
    expect(parseMoney('12 dollars').ok).toBe(false);
    expect(parseBoolean('X')).toEqual({ ok: true, value: true });
    expect(parseBoolean('maybe').ok).toBe(false);
    expect(parseEmail(' Jo.Smith+car@Mail.Example.CA ')).toEqual({ ok: true, value: 'Jo.Smith+car@mail.example.ca' });
    for (const bad of ['jo@', 'jo smith@example.com', 'jo@example', 'a@b@c.com'])
      expect(parseEmail(bad).ok).toBe(false);
  });
});

describe('header mapping', () => {
  it('matches DMS spellings whatever the case, spacing or punctuation', () => {
    expect(headerKey(' Cust # ')).toBe('custnumber');
    const map = mapHeader('customers', CUSTOMER_FIELDS, ['Customer Number', 'MOBILE', 'e-mail', 'Colour']);
    expect([...map.present]).toEqual(['dms_customer_number', 'cell_phone', 'email']);
    expect(map.ignored).toEqual(['Colour']);
  });

  it('collects numbered deferred columns with a listing column', () => {
    const map = mapHeader('visits', VISIT_FIELDS, [
      'RO Number',
      'CustNo',
      'Invoice Date',
      'Deferred',
      'deferred_1',
      'Deferred Item 2',
    ]);
    const raw = rawRow(map, ['R1', 'C1', '2024-01-01', 'Tires | Alignment', 'Brakes', '']);
    const visit = readVisit(raw);
    expect(visit).toMatchObject({ ok: true, row: { deferred_items: ['Tires', 'Alignment', 'Brakes'] } });
  });
});

describe('customer rules', () => {
  it('drops unreadable optional values with a warning and keeps the row', () => {
    const r = readCustomer(
      {
        dms_customer_number: ' 12 34 ',
        cell_phone: 'none',
        language: 'Klingon',
        likely_to_buy: '5',
        customer_type: '',
      },
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      row: expect.objectContaining({
        dms_customer_number: '1234',
        cell_phone: null,
        language: null,
        likely_to_buy: null,
        customer_type: 'retail',
      }),
      warnings: [
        { field: 'cell_phone', reason: expect.any(String) },
        { field: 'language', reason: expect.any(String) },
        { field: 'likely_to_buy', reason: expect.any(String) },
      ],
    });
  });

  it('refuses a row without a customer number', () => {
    expect(readCustomer({ dms_customer_number: '  ', name: 'X' }, ctx)).toEqual({
      ok: false,
      reason: 'dms_customer_number is required',
    });
  });
});

describe('decoding helpers', () => {
  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\t"c,d,e"')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c')).toBe(',');
  });

  it('finds split characters and the first invalid byte', () => {
    const e = Buffer.from('é'); // c3 a9
    expect(completeUtf8Length(Buffer.concat([Buffer.from('ab'), e.subarray(0, 1)]))).toBe(2);
    expect(completeUtf8Length(Buffer.from('abé'))).toBe(4);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x62]))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from('ok'))).toBe(2);
  });
});

describe('customer flags and consent columns', () => {
  it('gives every header spelling of the customers file one field', () => {
    const owner = new Map<string, string>();
    for (const spec of CUSTOMER_FIELDS) {
      for (const name of [spec.field, ...spec.aliases]) {
        const key = headerKey(name);
        expect(owner.get(key) ?? spec.field, `"${name}"`).toBe(spec.field);
        owner.set(key, spec.field);
      }
    }
    const map = mapHeader('customers', CUSTOMER_FIELDS, [
      'Cust #',
      'Email OK',
      'Do Not Email',
      'Email Opt In',
      'SMS Opt-In Date',
    ]);
    expect([...map.present]).toEqual([
      'dms_customer_number',
      'email_on',
      'email_off',
      'email_marketing_consent',
      'sms_consent_date',
    ]);
  });

  it('reads a positive and an inverted switch, warning when they disagree', () => {
    const read = (email_on: string, email_off: string) =>
      readCustomer({ dms_customer_number: '1', email_on, email_off }, ctx);
    expect(read('', 'Y')).toMatchObject({ ok: true, row: { email_on: false }, warnings: [] });
    expect(read('Y', '')).toMatchObject({ ok: true, row: { email_on: true }, warnings: [] });
    expect(read('', '')).toMatchObject({ ok: true, row: { email_on: null }, warnings: [] });
    expect(read('Y', 'Y')).toMatchObject({ ok: true, row: { email_on: null }, warnings: [{ field: 'email_on' }] });
  });

  it('appends only a change that would decide the state', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    const earlier = new Date('2024-01-01T00:00:00Z');
    const yes = { channel: 'email' as const, granted: true, basis: 'express' as const, occurredAt: null, column: 'E' };
    const no = { ...yes, granted: false, basis: null };
    const grant = {
      channel: 'email' as const,
      granted: true,
      basis: 'express' as const,
      source: 'import' as const,
      occurredAt: earlier,
    };
    expect(planConsent(yes, undefined, at)).toEqual({
      action: 'append',
      granted: true,
      basis: 'express',
      occurredAt: at,
    });
    expect(planConsent(no, undefined, at)).toEqual({ action: 'none' });
    expect(planConsent(yes, grant, at)).toEqual({ action: 'none' });
    expect(planConsent({ ...yes, basis: 'implied_purchase' }, grant, at)).toMatchObject({ action: 'append' });
    expect(planConsent(no, grant, at)).toMatchObject({ action: 'append', granted: false, basis: null });
    // A withdrawal at the grant's moment wins the tie; one dated before it is stale.
    expect(planConsent({ ...no, occurredAt: earlier }, grant, at)).toMatchObject({ action: 'append' });
    expect(planConsent({ ...no, occurredAt: new Date('2023-01-01') }, grant, at)).toEqual({ action: 'none' });
    const withdrawn = { ...grant, granted: false, basis: null, source: 'import' as const };
    expect(planConsent(yes, withdrawn, at)).toMatchObject({ action: 'append' });
    expect(planConsent(yes, { ...withdrawn, source: 'inbound_stop' }, at)).toMatchObject({ action: 'warn' });
  });
});
