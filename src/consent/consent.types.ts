/** How a message reaches a customer. `call` is an agent's phone call; `voice` a ringless voice drop. */
export const CHANNELS = ['email', 'sms', 'voice', 'call', 'letter', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Why it is sent: marketing needs consent; service is transactional. */
export const PURPOSES = ['marketing', 'service'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The legal ground for a grant (CASL's terms; elsewhere "express" is the usual case). */
export const LEGAL_BASES = ['express', 'implied_purchase', 'implied_inquiry'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Where a change came from. */
export const CONSENT_SOURCES = [
  'user',
  'unsubscribe',
  'import',
  'inbound_stop',
  'inbound_start',
  'web_form',
  'api',
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** One entry of the append-only consent ledger. */
export interface ConsentEvent {
  channel: Channel;
  purpose: Purpose;
  granted: boolean;
  /** Required on a grant; null on a withdrawal. */
  basis: LegalBasis | null;
  source: ConsentSource;
  occurredAt: Date;
  /** The user who recorded it, when a user did. */
  actorUserId: number | null;
  /** The wording or version the customer was shown, where there was one. */
  wording: string | null;
}
