import { describe, expect, it } from 'vitest';
import { deriveConsent, type ConsentContext } from './consent.rules.ts';
import type { ConsentEvent } from './consent.types.ts';

const ev = (over: Partial<ConsentEvent>): ConsentEvent => ({
  channel: 'email',
  purpose: 'marketing',
  granted: true,
  basis: 'express',
  source: 'user',
  occurredAt: new Date('2024-01-01T00:00:00Z'),
  actorUserId: 1,
  wording: null,
  ...over,
});
const ctx = (over: Partial<ConsentContext> = {}): ConsentContext => ({
  now: new Date('2025-01-01T00:00:00Z'),
  country: 'CA',
  lastPurchaseOn: null,
  lastInquiryOn: null,
  ...over,
});

describe('deriveConsent', () => {
  it('is unknown without a recorded event (and unknown means no for marketing)', () => {
    expect(deriveConsent([], 'email', 'marketing', ctx()).status).toBe('unknown');
  });

  it('takes the latest event for the channel and purpose only', () => {
    const events = [
      ev({ occurredAt: new Date('2024-01-01Z') }),
      ev({ granted: false, basis: null, source: 'unsubscribe', occurredAt: new Date('2024-06-01Z') }),
      ev({ channel: 'sms', occurredAt: new Date('2024-07-01Z') }),
      ev({ purpose: 'service', occurredAt: new Date('2024-07-01Z') }),
    ];
    expect(deriveConsent(events, 'email', 'marketing', ctx())).toMatchObject({
      status: 'withdrawn',
      since: new Date('2024-06-01Z'),
    });
    expect(deriveConsent(events, 'sms', 'marketing', ctx()).status).toBe('granted');
  });

  it('lets a withdrawal win a tie and ignores events in the future', () => {
    const at = new Date('2024-03-03Z');
    expect(
      deriveConsent(
        [ev({ occurredAt: at }), ev({ occurredAt: at, granted: false, basis: null })],
        'email',
        'marketing',
        ctx(),
      ).status,
    ).toBe('withdrawn');
    expect(deriveConsent([ev({ occurredAt: new Date('2026-01-01Z') })], 'email', 'marketing', ctx()).status).toBe(
      'unknown',
    );
  });

  it('expires implied-by-purchase consent in Canada 2 years after the last purchase', () => {
    const grant = [ev({ basis: 'implied_purchase', occurredAt: new Date('2022-06-01Z') })];
    expect(deriveConsent(grant, 'email', 'marketing', ctx()).status).toBe('expired');
    const renewed = deriveConsent(grant, 'email', 'marketing', ctx({ lastPurchaseOn: new Date('2023-05-01Z') }));
    expect(renewed).toMatchObject({ status: 'granted', expiresAt: new Date('2025-05-01Z') });
  });

  it('expires implied-by-inquiry consent in Canada after 6 months', () => {
    const grant = [ev({ basis: 'implied_inquiry', occurredAt: new Date('2024-06-15Z') })];
    expect(deriveConsent(grant, 'email', 'marketing', ctx({ now: new Date('2024-12-14Z') })).status).toBe('granted');
    expect(deriveConsent(grant, 'email', 'marketing', ctx({ now: new Date('2024-12-16Z') })).status).toBe('expired');
  });

  it('never expires express consent, nor implied consent outside Canada', () => {
    expect(deriveConsent([ev({ occurredAt: new Date('2010-01-01Z') })], 'email', 'marketing', ctx()).status).toBe(
      'granted',
    );
    const implied = [ev({ basis: 'implied_purchase', occurredAt: new Date('2010-01-01Z') })];
    expect(deriveConsent(implied, 'email', 'marketing', ctx({ country: 'US' }))).toMatchObject({
      status: 'granted',
      expiresAt: null,
    });
  });
});
