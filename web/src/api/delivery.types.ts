/**
 * Mirrors of the delivery API's zod schemas (src/delivery/messages.routes.ts). /api/openapi.json is
 * the reference when they disagree.
 */
import type { EligibilityReason, Purpose } from './consent.types.ts';
import type { TemplateChannel } from './templates.types.ts';

export const MESSAGE_STATUSES = [
  'queued',
  'deferred',
  'sending',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'complained',
  'skipped',
  'cancelled',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Channels a message can go out on (the outbox's; the same as the templates'). */
export type MessageChannel = TemplateChannel;
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['email', 'sms', 'voice', 'letter', 'postcard'];

/** Channels a single send from the profile can use. */
export type SendChannel = 'email' | 'sms';

/** One line of contact history. */
export interface HistoryItem {
  id: number;
  channel: MessageChannel;
  purpose: Purpose;
  contactType: string | null;
  /** manual, batch, campaign, automation, voice_drop, test */
  source: string;
  /** The user's name, or "Automation" / "Voice Drop". */
  sentBy: string;
  status: MessageStatus;
  /** A stable code, e.g. quiet_hours, no_marketing_consent, smtp_550. */
  statusReason: string | null;
  statusDetail: string | null;
  target: string | null;
  subject: string | null;
  /** The first 160 characters of the plain text. */
  preview: string | null;
  attempts: number;
  templateVersionId: number | null;
  /** ISO timestamps */
  createdAt: string;
  sentAt: string | null;
  finishedAt: string | null;
  /** When a queued or deferred message is due; null once it is on its way. */
  dueAt: string | null;
}

export interface HistoryPage<T extends HistoryItem = HistoryItem> {
  items: T[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

export interface MessageEvent {
  status: string;
  detail: string | null;
  at: string;
}

/** GET /api/messages/:id: a message as it was sent, with every attempt and result. */
export interface MessageDetail extends HistoryItem {
  customerId: number | null;
  /** The From address; null for the store's default. */
  sender: string | null;
  cc: string[];
  bcc: string[];
  html: string | null;
  text: string | null;
  provider: string | null;
  providerMessageId: string | null;
  events: MessageEvent[];
}

/** A line of the store's Outbox. */
export interface StoreMessage extends HistoryItem {
  customerId: number | null;
  customerName: string | null;
  provider: string | null;
}

export interface MessageFilters {
  channel?: MessageChannel | undefined;
  status?: MessageStatus | undefined;
}

/** GET /api/customers/:id/send-options */
export interface SendOptions {
  /** The customer's own addresses and numbers. */
  targets: { email: string[]; sms: string[] };
  /** From addresses the user may pick (their own and the store's). */
  senders: string[];
  /** The store's texting numbers or sender ids (the first is the default). */
  smsSenders: string[];
  language: 'en' | 'fr';
}

/** The body of POST /api/customers/:id/messages. */
export interface SendRequest {
  purpose: Purpose;
  channel: SendChannel;
  templateId?: number;
  subject?: string | null;
  body?: string;
  target?: string;
  cc?: string[];
  bcc?: string[];
  bccSelf?: boolean;
  sender?: string;
  /** The client's key for this submit: repeating it sends once. */
  requestKey: string;
}

/** GET /api/customers/:id/eligibility */
export interface Eligibility {
  allowed: boolean;
  reasons: EligibilityReason[];
  target: string | null;
  deferUntil: string | null;
  /** The recipient's wall-clock time 'YYYY-MM-DD HH:MM'. */
  deferUntilLocal: string | null;
  zone: string;
}

/** A message the customer sent us (GET /api/customers/:id/replies). */
export interface Reply {
  id: number;
  channel: 'sms' | 'email';
  from: string;
  to: string;
  body: string;
  keyword: 'stop' | 'start' | 'help' | 'message';
  receivedAt: string;
}
