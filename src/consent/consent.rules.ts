import { DateTime } from 'luxon';
import type { Channel, ConsentEvent, LegalBasis, Purpose } from './consent.types.ts';

export type ConsentStatus = 'granted' | 'withdrawn' | 'unknown' | 'expired';

export interface ConsentState {
  status: ConsentStatus;
  basis: LegalBasis | null;
  /** When the deciding event happened; null when there is none. */
  since: Date | null;
  /** When an implied consent lapses (CASL); null when it does not. */
  expiresAt: Date | null;
}

export interface ConsentContext {
  now: Date;
  /** ISO country of the store; CASL expiry applies to 'CA'. */
  country: string;
  /** The customer's latest purchase (sold deal or paid visit), which renews implied consent. */
  lastPurchaseOn: Date | null;
  /** The customer's latest inquiry. */
  lastInquiryOn: Date | null;
}

/** CASL s.10(10): implied consent lasts 2 years from a purchase, 6 months from an inquiry. */
export const CASL_IMPLIED_PURCHASE_MONTHS = 24;
export const CASL_IMPLIED_INQUIRY_MONTHS = 6;

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/**
 * The consent for one channel and purpose, derived from the ledger: the latest event decides
 * (ties: a withdrawal wins). Implied consent in Canada lapses 2 years after the latest purchase
 * or 6 months after the latest inquiry, whichever the grant rests on; express consent never does.
 */
export function deriveConsent(
  events: readonly ConsentEvent[],
  channel: Channel,
  purpose: Purpose,
  ctx: ConsentContext,
): ConsentState {
  let decisive: ConsentEvent | undefined;
  for (const e of events) {
    if (e.channel !== channel || e.purpose !== purpose || e.occurredAt > ctx.now) continue;
    if (
      !decisive ||
      e.occurredAt > decisive.occurredAt ||
      (e.occurredAt.getTime() === decisive.occurredAt.getTime() && !e.granted)
    ) {
      decisive = e;
    }
  }
  if (!decisive) return { status: 'unknown', basis: null, since: null, expiresAt: null };
  if (!decisive.granted) return { status: 'withdrawn', basis: null, since: decisive.occurredAt, expiresAt: null };
  const basis = decisive.basis ?? 'express';
  let expiresAt: Date | null = null;
  if (ctx.country === 'CA' && basis !== 'express') {
    const anchor =
      basis === 'implied_purchase'
        ? latest(decisive.occurredAt, ctx.lastPurchaseOn)
        : latest(decisive.occurredAt, ctx.lastInquiryOn);
    const months = basis === 'implied_purchase' ? CASL_IMPLIED_PURCHASE_MONTHS : CASL_IMPLIED_INQUIRY_MONTHS;
    expiresAt = DateTime.fromJSDate(anchor ?? decisive.occurredAt, { zone: 'utc' })
      .plus({ months })
      .toJSDate();
  }
  const status: ConsentStatus = expiresAt && expiresAt <= ctx.now ? 'expired' : 'granted';
  return { status, basis, since: decisive.occurredAt, expiresAt };
}
