import { describe, expect, it } from 'vitest';
import type { ConsentState } from './consent.rules.ts';
import { decideEligibility, type EligibilityInput, type Reachability } from './eligibility.rules.ts';
import { DEFAULT_WINDOW } from './quiet-hours.rules.ts';

const granted: ConsentState = { status: 'granted', basis: 'express', since: new Date('2024-01-01Z'), expiresAt: null };
const unknown: ConsentState = { status: 'unknown', basis: null, since: null, expiresAt: null };
const NOON_TORONTO = new Date('2026-03-10T16:00:00Z');

const input = (
  over: Partial<EligibilityInput> = {},
  customer: Partial<EligibilityInput['customer']> = {},
): EligibilityInput => ({
  channel: 'sms',
  purpose: 'marketing',
  at: NOON_TORONTO,
  consent: granted,
  reachability: new Map(),
  zone: 'America/Toronto',
  zoneSource: { from: 'address', region: 'ON' },
  window: DEFAULT_WINDOW,
  ...over,
  customer: {
    email: 'pat@example.ca',
    cellPhone: '+14165550123',
    homePhone: '+14165550100',
    workPhone: '+14165550199',
    hasMailingAddress: true,
    methodsOn: { mail: true, home_phone: true, work_phone: true, cell_phone: true, email: true },
    doNotMail: false,
    caslOptOut: false,
    dayPreference: null,
    ...customer,
  },
});
const codes = (i: EligibilityInput) => decideEligibility(i).reasons.map((r) => r.code);

describe('decideEligibility', () => {
  it('allows a consented text inside the window', () => {
    expect(decideEligibility(input())).toMatchObject({ allowed: true, reasons: [], target: '+14165550123' });
  });

  it('refuses marketing without recorded consent, but allows service', () => {
    expect(codes(input({ consent: unknown }))).toEqual(['no_marketing_consent']);
    expect(decideEligibility(input({ consent: unknown, purpose: 'service' })).allowed).toBe(true);
  });

  it('refuses even service after a withdrawal', () => {
    const withdrawn: ConsentState = {
      status: 'withdrawn',
      basis: null,
      since: new Date('2025-01-01Z'),
      expiresAt: null,
    };
    expect(codes(input({ consent: withdrawn, purpose: 'service' }))).toEqual(['consent_withdrawn']);
  });

  it('reports expired CASL consent', () => {
    expect(
      codes(
        input({
          consent: { ...granted, status: 'expired', basis: 'implied_purchase', expiresAt: new Date('2025-01-01Z') },
        }),
      ),
    ).toEqual(['casl_consent_expired']);
  });

  it('respects method switches, missing cells and blocked numbers', () => {
    expect(
      codes(
        input({}, { methodsOn: { mail: true, home_phone: true, work_phone: true, cell_phone: false, email: true } }),
      ),
    ).toEqual(['method_off']);
    expect(codes(input({}, { cellPhone: null }))).toEqual(['no_valid_cell']);
    const blocked = new Map<string, Reachability>([
      ['+14165550123', { status: 'blocked_until', until: new Date('2026-03-20Z') }],
    ]);
    expect(codes(input({ reachability: blocked }))).toEqual(['phone_blocked_until']);
    const lapsed = new Map<string, Reachability>([
      ['+14165550123', { status: 'blocked_until', until: new Date('2026-03-01Z') }],
    ]);
    expect(codes(input({ reachability: lapsed }))).toEqual([]);
  });

  it('drops voice to the cell, else home, never work, and never falls back from a failing cell', () => {
    expect(decideEligibility(input({ channel: 'voice' })).target).toBe('+14165550123');
    expect(decideEligibility(input({ channel: 'voice' }, { cellPhone: null })).target).toBe('+14165550100');
    expect(codes(input({ channel: 'voice' }, { cellPhone: null, homePhone: null }))).toEqual(['no_phone']);
    const blocked = new Map<string, Reachability>([['+14165550123', { status: 'blocked' }]]);
    expect(decideEligibility(input({ channel: 'voice', reachability: blocked }))).toMatchObject({
      allowed: false,
      target: '+14165550123',
    });
  });

  it('defers phone channels outside quiet hours and says until when', () => {
    const late = new Date('2026-03-11T02:30:00Z'); // 22:30 EDT
    const d = decideEligibility(input({ at: late }));
    expect(d.reasons.map((r) => r.code)).toEqual(['quiet_hours']);
    expect(d.deferUntil).toEqual(new Date('2026-03-11T12:00:00Z'));
    expect(decideEligibility(input({ at: late, channel: 'email' })).allowed).toBe(true);
  });

  it('applies Do Not Mail to letters, CASL opt-out to marketing e-mail, and vehicle switches to marketing', () => {
    expect(codes(input({ channel: 'letter' }, { doNotMail: true }))).toEqual(['do_not_mail']);
    expect(codes(input({ channel: 'email' }, { caslOptOut: true }))).toEqual(['casl_opt_out']);
    expect(codes(input({ vehicle: { contactOff: true, reason: 'body_shop' } }))).toEqual(['vehicle_off']);
    expect(
      decideEligibility(input({ purpose: 'service', vehicle: { contactOff: true, reason: 'body_shop' } })).allowed,
    ).toBe(true);
  });

  it('lists every reason at once', () => {
    const late = new Date('2026-03-11T02:30:00Z');
    expect(codes(input({ at: late, consent: unknown }, { cellPhone: null }))).toEqual([
      'no_marketing_consent',
      'no_valid_cell',
      'quiet_hours',
    ]);
    expect(decideEligibility(input({ at: late, consent: unknown })).deferUntil).toBeNull();
  });

  it('says in a quiet-hours reason where the recipient’s zone came from', () => {
    const late = new Date('2026-03-11T02:30:00Z');
    const detail = (over: Partial<EligibilityInput>) =>
      decideEligibility(input({ at: late, ...over })).reasons[0]?.detail;
    expect(detail({ zone: 'America/Chicago', zoneSource: { from: 'area_code', areaCode: '312' } })).toBe(
      "outside 08:00–21:00 in the recipient's time zone America/Chicago from area code 312",
    );
    expect(detail({})).toBe("outside 08:00–21:00 in the recipient's time zone America/Toronto from address ON");
    expect(detail({ zoneSource: { from: 'store' } })).toBe(
      "outside 08:00–21:00 in the store's time zone America/Toronto",
    );
  });
});

describe('Day / Late Day', () => {
  const TEN_AM = new Date('2026-03-10T14:00:00Z'); // 10:00 EDT
  const SIX_PM = new Date('2026-03-10T22:00:00Z'); // 18:00 EDT

  it('selects everyone by default, whatever their preference', () => {
    expect(codes(input({}, { dayPreference: 'late_day' }))).toEqual([]);
    expect(codes(input({ dayPart: 'all' }, { dayPreference: 'day' }))).toEqual([]);
  });

  it('leaves out late-day customers from a day selection', () => {
    expect(decideEligibility(input({ dayPart: 'day' }, { dayPreference: 'late_day' })).reasons).toEqual([
      { code: 'day_part_mismatch', detail: 'prefers late-day contact' },
    ]);
    expect(codes(input({ dayPart: 'day' }, { dayPreference: 'day' }))).toEqual([]);
    expect(codes(input({ dayPart: 'day' }))).toEqual([]);
  });

  it('takes only late-day customers into a late-day selection, on every channel', () => {
    expect(codes(input({ dayPart: 'late_day', at: SIX_PM }, { dayPreference: 'late_day' }))).toEqual([]);
    expect(codes(input({ dayPart: 'late_day', at: SIX_PM }, { dayPreference: 'day' }))).toEqual(['day_part_mismatch']);
    expect(codes(input({ dayPart: 'late_day', at: SIX_PM }))).toEqual(['day_part_mismatch']);
    expect(codes(input({ dayPart: 'late_day', channel: 'email', at: TEN_AM }))).toEqual(['day_part_mismatch']);
  });

  it('defers a late-day drop at 10:00 to 17:00, and a day text at 18:00 to the next morning', () => {
    const drop = decideEligibility(
      input({ channel: 'voice', dayPart: 'late_day', at: TEN_AM }, { dayPreference: 'late_day' }),
    );
    expect(drop).toMatchObject({ allowed: false, deferUntil: new Date('2026-03-10T21:00:00Z') });
    expect(drop.reasons[0]?.detail).toMatch(/^outside 17:00–21:00 \(the late-day window\) in /);
    const text = decideEligibility(input({ dayPart: 'day', at: SIX_PM }));
    expect(text).toMatchObject({ reasons: [{ code: 'quiet_hours' }], deferUntil: new Date('2026-03-11T12:00:00Z') });
    // E-mail and letters are not bound by the hour.
    expect(codes(input({ channel: 'email', dayPart: 'late_day', at: TEN_AM }, { dayPreference: 'late_day' }))).toEqual(
      [],
    );
  });

  it('never defers into a late day the store’s window does not have', () => {
    const d = decideEligibility(
      input(
        { dayPart: 'late_day', at: SIX_PM, window: { start: '09:00', end: '17:00' } },
        { dayPreference: 'late_day' },
      ),
    );
    expect(d).toMatchObject({ allowed: false, reasons: [{ code: 'quiet_hours' }], deferUntil: null });
    expect(d.reasons[0]?.detail).toMatch(/^no late-day hours in the send window 09:00–17:00/);
  });
});
