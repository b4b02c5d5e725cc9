import { describe, expect, it } from 'vitest';
import {
  formatClockInZone,
  formatDate,
  formatDateInZone,
  formatDateTimeInZone,
  formatMoney,
  formatPhone,
  formatShortDateTimeInZone,
  monthsDaysAgo,
  vehicleLabel,
} from './format.ts';

describe('formatPhone', () => {
  it('formats North American E.164 numbers', () => {
    expect(formatPhone('+14165550123')).toBe('(416) 555-0123');
  });
  it('leaves other numbers and empties alone', () => {
    expect(formatPhone('+442071234567')).toBe('+442071234567');
    expect(formatPhone(null)).toBe('');
  });
});

describe('formatDate', () => {
  it('never shifts a calendar date by the browser zone', () => {
    expect(formatDate('2026-01-01')).toBe('Jan 1, 2026');
    expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
  });
});

describe('formatDateTimeInZone', () => {
  it('shows the time in the given zone', () => {
    expect(formatDateTimeInZone('2026-12-01T17:30:00Z', 'America/Regina')).toMatch(/Dec 1, 2026, 11:30\sa\.m\. CST/);
  });
});

describe('formatMoney', () => {
  it('uses the store country for the currency', () => {
    expect(formatMoney(189.5, 'CA')).toBe('$189.50');
    expect(formatMoney(1234, 'US')).toBe('$1,234.00');
  });
});

describe('monthsDaysAgo', () => {
  const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);
  it('says today for the same calendar day', () => {
    expect(monthsDaysAgo(at(2026, 6, 15, 1), at(2026, 6, 15, 23))).toBe('today');
  });
  it('counts whole months, then days', () => {
    expect(monthsDaysAgo(at(2026, 3, 12), at(2026, 6, 15))).toBe('3 months, 3 days ago');
    expect(monthsDaysAgo(at(2026, 6, 14), at(2026, 6, 15))).toBe('0 months, 1 day ago');
    expect(monthsDaysAgo(at(2025, 6, 20), at(2026, 6, 15))).toBe('11 months, 26 days ago');
  });
  it('clamps month ends instead of overflowing', () => {
    expect(monthsDaysAgo(at(2026, 1, 31), at(2026, 2, 28))).toBe('1 month, 0 days ago');
    expect(monthsDaysAgo(at(2026, 1, 31), at(2026, 3, 1))).toBe('1 month, 1 day ago');
  });
});

describe('vehicleLabel', () => {
  it('joins the known parts', () => {
    expect(vehicleLabel({ year: 2021, make: 'Toyota', model: null })).toBe('2021 Toyota');
  });
});

describe('instants in a zone', () => {
  it('formats the day, the time, and both compactly', () => {
    const iso = '2026-11-24T02:05:00Z';
    expect(formatDateInZone(iso, 'America/Halifax')).toBe('Nov 23, 2026');
    expect(formatClockInZone(iso, 'America/Halifax')).toBe('10:05 p.m.');
    expect(formatShortDateTimeInZone(iso, 'America/Halifax')).toBe('Nov 23, 2026, 10:05 p.m.');
    expect(formatDateInZone('nope', 'UTC')).toBe('nope');
  });
});
