import { deriveConsent } from '../../consent/consent.rules.ts';
import type { Channel, ConsentEvent, LegalBasis } from '../../consent/consent.types.ts';
import { CONSENT_COLUMNS } from './consent-import.mapping.ts';
import type { RowReader } from './row.rules.ts';
import type { CustomerField } from './customers.mapping.ts';
import { parseBoolean, parseCode, parseDateTime, spellings } from './values.rules.ts';

/** One channel's marketing consent as a customers file states it. */
export interface ImportedConsent {
  channel: Channel;
  granted: boolean;
  /** The basis of a grant; null for a withdrawal. */
  basis: LegalBasis | null;
  /** When the customer said it; null when the file has no date (the import time is used). */
  occurredAt: Date | null;
  /** The file's header cell the value came from, for the event's wording. */
  column: string;
}

const BASES = spellings<LegalBasis>([
  ['express', ['explicit', 'opt in', 'opt-in', 'written', 'verbal']],
  ['implied_purchase', ['implied purchase', 'implied (purchase)', 'purchase', 'implied-purchase']],
  ['implied_inquiry', ['implied inquiry', 'implied (inquiry)', 'inquiry', 'implied enquiry', 'enquiry']],
]);

/**
 * Reads each channel's consent cells. Blank means the file says nothing. A grant without a
 * basis column (or with a blank basis) is express: a DMS opt-in tick box records a customer's
 * explicit yes, and an implied basis cannot be guessed. A basis or date that is given but cannot
 * be read drops that channel's consent with a warning rather than record something the file did
 * not say. `headers` names the file's column for each field, for the event's wording.
 */
export function readConsents(
  r: RowReader<CustomerField>,
  timeZone: string,
  headers: ReadonlyMap<string, string>,
): ImportedConsent[] {
  const out: ImportedConsent[] = [];
  for (const c of CONSENT_COLUMNS) {
    const granted = r.optional(c.value, parseBoolean);
    if (granted === undefined || granted === null) continue;
    let basis: LegalBasis | null = null;
    if (granted) {
      const b = r.text(c.basis);
      if (b === undefined || b === null) basis = 'express';
      else {
        const p = parseCode(b, BASES, 'consent basis (express, implied_purchase, implied_inquiry)');
        if (!p.ok) {
          r.warn(c.basis, `${p.reason}: ${c.channel} consent not recorded`);
          continue;
        }
        basis = p.value;
      }
    }
    let occurredAt: Date | null = null;
    const d = r.text(c.date);
    if (d !== undefined && d !== null) {
      const p = parseDateTime(d, timeZone);
      if (!p.ok) {
        r.warn(c.date, `${p.reason}: ${c.channel} consent not recorded`);
        continue;
      }
      occurredAt = p.value;
    }
    out.push({ channel: c.channel, granted, basis, occurredAt, column: headers.get(c.value) ?? c.value });
  }
  return out;
}

/** The decisive marketing event of one customer and channel, as the ledger holds it. */
export type LatestEvent = Pick<ConsentEvent, 'channel' | 'granted' | 'basis' | 'source' | 'occurredAt'>;

/** What to do with one consent from the file. */
export type ConsentPlan =
  | { action: 'append'; granted: boolean; basis: LegalBasis | null; occurredAt: Date }
  | { action: 'none' }
  /** Nothing appended, and the row gets this warning. */
  | { action: 'warn'; reason: string };

/**
 * Decides whether a consent read from a file changes the ledger. `latest` is the customer's
 * decisive event for the channel (latest wins, a withdrawal wins a tie: `deriveConsent`'s rule),
 * or undefined. An event is appended only when it differs from the current state and would
 * itself become decisive, so importing the same file again appends nothing:
 * - a "no" where nothing is recorded appends nothing (unknown already means no for marketing);
 * - a file value dated before the ledger's latest word is stale and appends nothing;
 * - an undated "yes" never overrides a withdrawal that did not come from an import (an
 *   unsubscribe, a STOP, a user): the DMS may simply not know about it. A dated "yes" later than
 *   the withdrawal does (the customer opted in again);
 * - a date after the import time is refused with a warning (the ledger records what happened).
 */
export function planConsent(file: ImportedConsent, latest: LatestEvent | undefined, importedAt: Date): ConsentPlan {
  const occurredAt = file.occurredAt ?? importedAt;
  if (occurredAt > importedAt) {
    return { action: 'warn', reason: `${file.channel} consent date is in the future: consent not recorded` };
  }
  const events: ConsentEvent[] = latest ? [{ ...latest, purpose: 'marketing', actorUserId: null, wording: null }] : [];
  // No CASL expiry here: what counts is what the customer last said, not whether it has lapsed.
  const state = deriveConsent(events, file.channel, 'marketing', {
    now: importedAt,
    country: '',
    lastPurchaseOn: null,
    lastInquiryOn: null,
  });
  if (file.granted) {
    if (state.status === 'granted' && state.basis === file.basis) return { action: 'none' };
  } else if (state.status !== 'granted') return { action: 'none' };
  if (state.since) {
    const t = occurredAt.getTime();
    const since = state.since.getTime();
    if (t < since || (t === since && file.granted)) return { action: 'none' };
  }
  if (file.granted && state.status === 'withdrawn' && file.occurredAt === null && latest?.source !== 'import') {
    return {
      action: 'warn',
      reason: `${file.channel} marketing consent withdrawn (${latest?.source ?? 'unknown'}, ${state.since?.toISOString() ?? ''}) is kept: an opt-in without a date cannot override it`,
    };
  }
  return { action: 'append', granted: file.granted, basis: file.granted ? file.basis : null, occurredAt };
}
