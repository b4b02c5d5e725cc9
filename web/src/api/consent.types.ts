/**
 * Hand-written mirrors of the consent and contactability response schemas
 * (src/consent/consent.routes.ts, src/consent/eligibility.routes.ts, src/consent/consent.types.ts).
 */

export const CHANNELS = ['email', 'sms', 'voice', 'call', 'letter', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PURPOSES = ['marketing', 'service'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const LEGAL_BASES = ['express', 'implied_purchase', 'implied_inquiry'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export type ConsentSource = 'user' | 'unsubscribe' | 'import' | 'inbound_stop' | 'inbound_start' | 'web_form' | 'api';

export interface EligibilityReason {
  /** Stable code, e.g. `no_marketing_consent`, `method_off`, `quiet_hours` (docs/ELIGIBILITY.md). */
  code: string;
  detail: string;
}

export interface ContactDecision {
  channel: Channel;
  purpose: Purpose;
  allowed: boolean;
  reasons: EligibilityReason[];
  target: string | null;
  /** ISO timestamp: set when the only obstacle is quiet hours. */
  deferUntil: string | null;
  /** deferUntil as the recipient's wall-clock time ('YYYY-MM-DD HH:MM'), formatted by the server that decided it. */
  deferUntilLocal: string | null;
  /** The recipient's IANA time zone. */
  zone: string;
}

/** GET /api/customers/:id/contactability */
export interface Contactability {
  /** ISO timestamp the decisions were made for. */
  at: string;
  /** The e-mail bounced within the store's window and was not verified since. */
  emailRed: boolean;
  decisions: ContactDecision[];
}

export type ConsentStatus = 'granted' | 'withdrawn' | 'unknown' | 'expired';

export interface ConsentState {
  channel: Channel;
  purpose: Purpose;
  status: ConsentStatus;
  basis: LegalBasis | null;
  since: string | null;
  expiresAt: string | null;
}

export interface ConsentEvent {
  id: number;
  channel: Channel;
  purpose: Purpose;
  granted: boolean;
  basis: LegalBasis | null;
  source: ConsentSource;
  occurredAt: string;
  recordedAt: string;
  actorName: string | null;
  wording: string | null;
}

/** GET and POST /api/customers/:id/consent */
export interface ConsentOverview {
  states: ConsentState[];
  history: ConsentEvent[];
}

/** The body of POST /api/customers/:id/consent, as the profile sends it (source is always 'user'). */
export interface ConsentChange {
  channel: Channel;
  purpose: Purpose;
  granted: boolean;
  /** Required on a grant. */
  basis?: LegalBasis;
  wording?: string;
}
