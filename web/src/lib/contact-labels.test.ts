import { describe, expect, it } from 'vitest';
import { consentActor, consentStateLabel, decisionStatus, formatTimeInZone, methodsOff } from './contact-labels.ts';

describe('contact labels', () => {
  it('describes consent states', () => {
    expect(consentStateLabel({ status: 'granted', basis: 'express', expiresAt: null })).toBe('Granted (express)');
    expect(
      consentStateLabel({ status: 'granted', basis: 'implied_purchase', expiresAt: '2027-06-05T00:00:00.000Z' }),
    ).toBe('Granted (implied, purchase, expires Jun 5, 2027)');
    expect(consentStateLabel({ status: 'withdrawn', basis: null, expiresAt: null })).toBe('Withdrawn');
    expect(consentStateLabel({ status: 'expired', basis: 'implied_inquiry', expiresAt: null })).toBe('Expired');
  });

  it('tells blocked from deferred by quiet hours alone', () => {
    const quiet = { code: 'quiet_hours', detail: 'outside 09:00–21:00' };
    const until = '2026-11-24T15:00:00.000Z';
    expect(decisionStatus({ allowed: true, reasons: [], deferUntil: null })).toEqual({ kind: 'allowed' });
    expect(decisionStatus({ allowed: false, reasons: [quiet], deferUntil: until })).toEqual({
      kind: 'deferred',
      until,
    });
    const both = [quiet, { code: 'no_marketing_consent', detail: 'no recorded sms marketing consent' }];
    expect(decisionStatus({ allowed: false, reasons: both, deferUntil: null })).toEqual({ kind: 'blocked' });
  });

  it('names the actor, or the source when no user made the change', () => {
    expect(consentActor({ actorName: 'Bea Manager', source: 'user' })).toBe('Bea Manager');
    expect(consentActor({ actorName: null, source: 'unsubscribe' })).toBe('Customer (unsubscribe)');
  });

  it('lists the methods turned off', () => {
    const on = { mailOn: true, homePhoneOn: true, workPhoneOn: true, cellPhoneOn: true, emailOn: true };
    const flags = { doNotMail: false, caslOptOut: false, preferredContactMethod: null };
    expect(methodsOff({ ...on, ...flags })).toEqual([]);
    expect(methodsOff({ ...on, homePhoneOn: false, emailOn: false, ...flags })).toEqual(['home_phone', 'email']);
  });

  it('formats a time in the recipient zone', () => {
    expect(formatTimeInZone('2026-11-24T15:00:00.000Z', 'America/Regina')).toBe('09:00');
  });
});
