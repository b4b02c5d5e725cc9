import type { TemplateChannel } from '../db/schema.ts';

/** One message as a channel sends it: rendered, addressed, keyed. */
export interface OutgoingMessage {
  id: number;
  storeId: number;
  /** The outbox's unique key: the idempotency key (or metadata) for the provider. */
  deliveryKey: string;
  channel: TemplateChannel;
  purpose: 'marketing' | 'service';
  target: string;
  sender: string | null;
  /** E-mail: where replies go when not to the sender. */
  replyTo?: string | null;
  cc: readonly string[];
  bcc: readonly string[];
  subject: string | null;
  html: string | null;
  text: string | null;
  /** Extra headers (List-Unsubscribe); e-mail only. */
  headers: Readonly<Record<string, string>>;
}

/**
 * What a send attempt came to. A skipped send and a refused one are values, not exceptions:
 * - sent: the provider took it (its id, to match later reports);
 * - transient: try again later (SMTP 4xx, HTTP 429/5xx, a timeout), after `retryAfterMs` if the provider said;
 * - permanent: never try again (SMTP 5xx, an invalid number); `reachability` feeds the blocking rules.
 */
export type SendResult =
  | { kind: 'sent'; providerMessageId: string | null }
  | { kind: 'transient'; error: string; retryAfterMs?: number | undefined }
  | { kind: 'permanent'; error: string; reachability?: 'invalid' | 'bounced' | undefined };

/** The narrow interface every provider adapter implements. */
export interface ChannelSender {
  /** A stable name recorded on each message ('smtp', 'outbox', 'twilio', …). */
  readonly provider: string;
  /** Whether the provider itself drops a repeated idempotency key (then a crash can never duplicate). */
  readonly idempotent: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): Promise<void>;
}
