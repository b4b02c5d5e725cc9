import { describe, expect, it } from 'vitest';
import { eligibleAgainOn } from './recycle.rules.ts';

const contacted = new Date('2026-06-15T14:00:00Z');

describe('eligibleAgainOn', () => {
  it('is the contact plus the code’s days', () => {
    expect(eligibleAgainOn(contacted, { days: 10, active: true })).toEqual(new Date('2026-06-25T14:00:00Z'));
    expect(eligibleAgainOn(contacted, { days: 365, active: true })).toEqual(new Date('2027-06-15T14:00:00Z'));
  });

  it('is the contact itself for a zero-day code', () => {
    expect(eligibleAgainOn(contacted, { days: 0, active: true })).toEqual(contacted);
  });

  it('does not move across a daylight-saving change', () => {
    const beforeFallBack = new Date('2026-10-30T12:00:00Z');
    expect(eligibleAgainOn(beforeFallBack, { days: 7, active: true })).toEqual(new Date('2026-11-06T12:00:00Z'));
  });

  it('holds no one back when the code is inactive', () => {
    expect(eligibleAgainOn(contacted, { days: 3650, active: false })).toBeNull();
  });

  it('does not change the date it was given', () => {
    const at = new Date(contacted);
    eligibleAgainOn(at, { days: 30, active: true });
    expect(at).toEqual(contacted);
  });
});
