import type { ConsentState } from './consent.rules.ts';
import type { Channel, Purpose } from './consent.types.ts';
import type { DayPreference } from '../db/schema.ts';
import { checkSendWindow, dayPartWindow, LATE_DAY_STARTS, type DayPart, type SendWindow } from './quiet-hours.rules.ts';
import { describeZone, type ZoneSource } from './time-zone.rules.ts';

/** Stable reason codes; documented in docs/ELIGIBILITY.md. */
export type ReasonCode =
  | 'no_marketing_consent'
  | 'consent_withdrawn'
  | 'casl_consent_expired'
  | 'casl_opt_out'
  | 'do_not_mail'
  | 'method_off'
  | 'no_email'
  | 'email_invalid'
  | 'no_valid_cell'
  | 'no_phone'
  | 'phone_blocked_until'
  | 'phone_blocked'
  | 'no_address'
  | 'no_fax_number'
  | 'vehicle_off'
  | 'day_part_mismatch'
  | 'quiet_hours';

export interface Reason {
  code: ReasonCode;
  detail: string;
}

export type PhoneKind = 'cell_phone' | 'home_phone' | 'work_phone';
export type MethodKey = 'mail' | PhoneKind | 'email';

/** What the network has told us about one number or address. */
export type Reachability =
  { status: 'ok' } | { status: 'blocked_until'; until: Date } | { status: 'blocked' } | { status: 'invalid' };

export interface EligibilityCustomer {
  email: string | null;
  cellPhone: string | null;
  homePhone: string | null;
  workPhone: string | null;
  hasMailingAddress: boolean;
  /** Contact-method switches (green tick / red X). */
  methodsOn: Record<MethodKey, boolean>;
  doNotMail: boolean;
  caslOptOut: boolean;
  /** Day / Late Day (the seeds' sun and moon); null when the customer has no preference. */
  dayPreference: DayPreference | null;
}

export interface EligibilityInput {
  channel: Channel;
  purpose: Purpose;
  at: Date;
  customer: EligibilityCustomer;
  /** The derived consent for this channel and purpose. */
  consent: ConsentState;
  /** Reachability per address or number (E.164 / lower-case e-mail); missing means ok. */
  reachability: ReadonlyMap<string, Reachability>;
  /** The vehicle the message is about, when there is one. */
  vehicle?: { contactOff: boolean; reason: 'user' | 'body_shop' | null } | undefined;
  /** The recipient's zone, where it came from, and send window; only phone channels are bound by quiet hours. */
  zone: string;
  zoneSource: ZoneSource;
  window: SendWindow;
  /**
   * The part of the day a batch asks for (default all): a day selection skips late-day customers
   * and ends phone windows at LATE_DAY_STARTS; a late-day selection takes only late-day customers
   * and starts phone windows there.
   */
  dayPart?: DayPart | undefined;
}

export interface EligibilityDecision {
  allowed: boolean;
  reasons: Reason[];
  /** Where the target resolved to (the number or address that would be used). */
  target: string | null;
  /** When the only obstacle is quiet hours: the next moment the window opens. */
  deferUntil: Date | null;
}

const DAY_PART_LABELS: Record<DayPart, string> = { all: '', day: ' day', late_day: ' late-day' };

const QUIET_HOURS_CHANNELS: ReadonlySet<Channel> = new Set(['sms', 'voice', 'call']);

function reach(map: ReadonlyMap<string, Reachability>, key: string, at: Date): Reason | undefined {
  const r = map.get(key);
  if (!r || r.status === 'ok') return undefined;
  switch (r.status) {
    case 'blocked_until':
      return r.until > at
        ? { code: 'phone_blocked_until', detail: `${key} is blocked until ${r.until.toISOString()}` }
        : undefined;
    case 'blocked':
      return { code: 'phone_blocked', detail: `${key} is blocked permanently` };
    case 'invalid':
      return { code: 'phone_blocked', detail: `${key} is invalid` };
  }
}

/** Resolves the target of a channel and collects the reasons it cannot be used. */
function resolveTarget(input: EligibilityInput): { target: string | null; reasons: Reason[] } {
  const { customer: c, channel, reachability, at } = input;
  const off = (label: string): Reason => ({ code: 'method_off', detail: `${label} is turned off for contact` });
  switch (channel) {
    case 'email': {
      if (!c.email) return { target: null, reasons: [{ code: 'no_email', detail: 'no e-mail address on file' }] };
      const reasons: Reason[] = [];
      if (!c.methodsOn.email) reasons.push(off('E-mail'));
      const r = reachability.get(c.email.toLowerCase());
      if (r && r.status !== 'ok')
        reasons.push({ code: 'email_invalid', detail: `${c.email} bounced or complained and is not verified since` });
      return { target: c.email, reasons };
    }
    case 'sms': {
      if (!c.cellPhone)
        return { target: null, reasons: [{ code: 'no_valid_cell', detail: 'no valid cell phone on file' }] };
      const reasons: Reason[] = [];
      if (!c.methodsOn.cell_phone) reasons.push(off('Cell phone'));
      const r = reach(reachability, c.cellPhone, at);
      if (r) reasons.push(r);
      return { target: c.cellPhone, reasons };
    }
    case 'voice': {
      // Cell first, else home; never work. A cell that fails does not fall back to home (seed).
      const phone: PhoneKind | null = c.cellPhone ? 'cell_phone' : c.homePhone ? 'home_phone' : null;
      if (!phone) return { target: null, reasons: [{ code: 'no_phone', detail: 'no cell or home phone on file' }] };
      const number = phone === 'cell_phone' ? c.cellPhone : c.homePhone;
      const reasons: Reason[] = [];
      if (!c.methodsOn[phone]) reasons.push(off(phone === 'cell_phone' ? 'Cell phone' : 'Home phone'));
      const r = number ? reach(reachability, number, at) : undefined;
      if (r) reasons.push(r);
      return { target: number, reasons };
    }
    case 'call': {
      const usable = (['cell_phone', 'home_phone', 'work_phone'] as const).find((k) => {
        const n = k === 'cell_phone' ? c.cellPhone : k === 'home_phone' ? c.homePhone : c.workPhone;
        return n && c.methodsOn[k] && !reach(reachability, n, at);
      });
      if (usable)
        return {
          target: usable === 'cell_phone' ? c.cellPhone : usable === 'home_phone' ? c.homePhone : c.workPhone,
          reasons: [],
        };
      if (!c.cellPhone && !c.homePhone && !c.workPhone)
        return { target: null, reasons: [{ code: 'no_phone', detail: 'no phone number on file' }] };
      return { target: null, reasons: [{ code: 'method_off', detail: 'every phone number is turned off or blocked' }] };
    }
    case 'letter': {
      const reasons: Reason[] = [];
      if (!c.hasMailingAddress) reasons.push({ code: 'no_address', detail: 'no mailing address on file' });
      if (!c.methodsOn.mail) reasons.push(off('Mailing address'));
      if (c.doNotMail) reasons.push({ code: 'do_not_mail', detail: 'Do Not Mail is set' });
      return { target: c.hasMailingAddress ? 'mailing address' : null, reasons };
    }
    case 'fax':
      return { target: null, reasons: [{ code: 'no_fax_number', detail: 'no fax number on file' }] };
  }
}

function dayPartMismatch(dayPart: DayPart, preference: DayPreference | null): Reason | undefined {
  switch (dayPart) {
    case 'all':
      return undefined;
    case 'day':
      return preference === 'late_day' ? { code: 'day_part_mismatch', detail: 'prefers late-day contact' } : undefined;
    case 'late_day':
      if (preference === 'late_day') return undefined;
      return {
        code: 'day_part_mismatch',
        detail: preference === 'day' ? 'prefers day contact' : `has no late-day preference (from ${LATE_DAY_STARTS})`,
      };
  }
}

/**
 * Whether this customer may be contacted on this channel for this purpose at this time, and
 * every reason why not. Marketing needs a recorded, unexpired consent (unknown means no);
 * a withdrawal blocks service messages too. Quiet hours defer rather than refuse.
 */
export function decideEligibility(input: EligibilityInput): EligibilityDecision {
  const reasons: Reason[] = [];
  const { consent, purpose, channel } = input;
  if (consent.status === 'withdrawn') {
    reasons.push({
      code: 'consent_withdrawn',
      detail: `${channel} ${purpose} consent was withdrawn on ${consent.since?.toISOString() ?? 'an unknown date'}`,
    });
  } else if (purpose === 'marketing' && consent.status === 'unknown') {
    reasons.push({ code: 'no_marketing_consent', detail: `no recorded ${channel} marketing consent` });
  } else if (purpose === 'marketing' && consent.status === 'expired') {
    reasons.push({
      code: 'casl_consent_expired',
      detail: `implied consent expired on ${consent.expiresAt?.toISOString() ?? '?'}`,
    });
  }
  if (purpose === 'marketing' && channel === 'email' && input.customer.caslOptOut) {
    reasons.push({ code: 'casl_opt_out', detail: 'the customer opted out of e-mail under CASL' });
  }
  if (purpose === 'marketing' && input.vehicle?.contactOff) {
    reasons.push({
      code: 'vehicle_off',
      detail: `the vehicle is turned off for contact (${input.vehicle.reason ?? 'user'})`,
    });
  }
  const dayPart = input.dayPart ?? 'all';
  const mismatch = dayPartMismatch(dayPart, input.customer.dayPreference);
  if (mismatch) reasons.push(mismatch);
  const { target, reasons: targetReasons } = resolveTarget(input);
  reasons.push(...targetReasons);

  let deferUntil: Date | null = null;
  if (QUIET_HOURS_CHANNELS.has(channel)) {
    const window = dayPartWindow(input.window, dayPart);
    const w = checkSendWindow(input.at, input.zone, window);
    if (!w.open) {
      const where = describeZone(input.zone, input.zoneSource);
      const part = DAY_PART_LABELS[dayPart];
      reasons.push({
        code: 'quiet_hours',
        detail:
          window.start === window.end
            ? `no${part || ' open'} hours in the send window ${input.window.start}–${input.window.end}, in ${where}`
            : `outside ${window.start}–${window.end}${part ? ` (the${part} window)` : ''} in ${where}`,
      });
      if (reasons.length === 1) deferUntil = w.nextOpening;
    }
  }
  return { allowed: reasons.length === 0, reasons, target, deferUntil };
}
