import { describe, expect, it } from 'vitest';
import {
  checkSendWindow,
  dayPartWindow,
  DEFAULT_WINDOW,
  effectiveWindow,
  LATE_DAY_STARTS,
} from './quiet-hours.rules.ts';

describe('send window', () => {
  it('is open 08:00–21:00 in the recipient’s zone by default', () => {
    // 13:30 UTC is 08:30 in Toronto (EST) and 05:30 in Vancouver.
    const at = new Date('2026-01-15T13:30:00Z');
    expect(checkSendWindow(at, 'America/Toronto', DEFAULT_WINDOW)).toEqual({ open: true });
    expect(checkSendWindow(at, 'America/Vancouver', DEFAULT_WINDOW)).toEqual({
      open: false,
      nextOpening: new Date('2026-01-15T16:00:00Z'),
    });
  });

  it('defers a late message to the next morning', () => {
    const at = new Date('2026-01-16T02:30:00Z'); // 21:30 in Toronto
    expect(checkSendWindow(at, 'America/Toronto', DEFAULT_WINDOW)).toEqual({
      open: false,
      nextOpening: new Date('2026-01-16T13:00:00Z'),
    });
  });

  it('builds in stricter state rules and narrower store windows, never wider ones', () => {
    expect(effectiveWindow(null, 'US', 'FL')).toEqual({ start: '08:00', end: '20:00' });
    expect(effectiveWindow({ start: '09:00', end: '22:00' }, 'CA', 'ON')).toEqual({ start: '09:00', end: '21:00' });
    expect(effectiveWindow({ start: '10:00', end: '19:00' }, 'US', 'FL')).toEqual({ start: '10:00', end: '19:00' });
  });

  it('follows daylight saving time', () => {
    // 12:30 UTC in July is 08:30 EDT.
    expect(checkSendWindow(new Date('2026-07-15T12:30:00Z'), 'America/Toronto', DEFAULT_WINDOW)).toEqual({
      open: true,
    });
  });

  it('refuses an unknown time zone', () => {
    expect(() => checkSendWindow(new Date(), 'Mars/Olympus', DEFAULT_WINDOW)).toThrow(/time zone/);
  });

  it('narrows the window to the day or the late day, possibly to nothing', () => {
    expect(dayPartWindow(DEFAULT_WINDOW, 'all')).toEqual(DEFAULT_WINDOW);
    expect(dayPartWindow(DEFAULT_WINDOW, 'day')).toEqual({ start: '08:00', end: LATE_DAY_STARTS });
    expect(dayPartWindow(DEFAULT_WINDOW, 'late_day')).toEqual({ start: LATE_DAY_STARTS, end: '21:00' });
    expect(dayPartWindow({ start: '09:00', end: '16:00' }, 'late_day')).toEqual({ start: '17:00', end: '17:00' });
    expect(dayPartWindow({ start: '18:00', end: '21:00' }, 'day')).toEqual({ start: '18:00', end: '18:00' });
    expect(checkSendWindow(new Date(), 'America/Toronto', { start: '17:00', end: '17:00' })).toEqual({
      open: false,
      nextOpening: null,
    });
  });
});
