/** Words and colours for message statuses, reasons, sources and events, as history and the Outbox show them. */
import { MESSAGE_STATUSES, type HistoryItem, type MessageStatus } from '../api/delivery.types.ts';
import { formatShortDateTimeInZone } from './format.ts';

export const STATUS_LABEL: Record<MessageStatus, string> = {
  queued: 'Queued',
  deferred: 'Deferred',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  bounced: 'Bounced',
  complained: 'Complained',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

/** Mantine colours: waiting in blue/yellow, on its way in cyan/teal, good in green, bad in red. */
export const STATUS_COLOR: Record<MessageStatus, string> = {
  queued: 'blue',
  deferred: 'yellow',
  sending: 'cyan',
  sent: 'teal',
  delivered: 'green',
  failed: 'red',
  bounced: 'orange',
  complained: 'grape',
  skipped: 'gray',
  cancelled: 'gray',
};

const REASON_LABEL: Record<string, string> = {
  quiet_hours: 'quiet hours',
  no_marketing_consent: 'no marketing consent',
  consent_withdrawn: 'consent withdrawn',
  method_off: 'contact method off',
  no_target: 'no address or number',
  provider_refused: 'refused by the provider',
  provider_transient: 'provider busy',
  bounced: 'bounced',
  complained: 'marked as spam',
  failed: 'failed',
};

/** A reason code as words: "no_marketing_consent" → "no marketing consent". */
export function reasonLabel(code: string): string {
  return REASON_LABEL[code] ?? code.replace(/_/g, ' ');
}

export const SOURCE_LABEL: Record<string, string> = {
  manual: 'Profile',
  batch: 'Batch',
  campaign: 'Campaign',
  automation: 'Automation',
  voice_drop: 'Voice drop',
  test: 'Test send',
};

export const sourceLabel = (source: string): string => SOURCE_LABEL[source] ?? reasonLabel(source);

export const isMessageStatus = (v: string): v is MessageStatus => MESSAGE_STATUSES.some((s) => s === v);

type StatusFacts = Pick<HistoryItem, 'status' | 'statusReason' | 'dueAt' | 'attempts'> &
  Partial<Pick<HistoryItem, 'channel'>>;

/**
 * What the status badge says: "Sent", "Deferred until Nov 24, 2026, 8:00 a.m.", "Skipped: quiet
 * hours", "Queued (retry 2)". Times are in the store's zone.
 */
export function statusText(m: StatusFacts, timeZone: string): string {
  switch (m.status) {
    case 'deferred':
      return m.dueAt ? `Deferred until ${formatShortDateTimeInZone(m.dueAt, timeZone)}` : 'Deferred';
    case 'skipped':
      return m.statusReason ? `Skipped: ${reasonLabel(m.statusReason)}` : 'Skipped';
    case 'queued':
      return m.attempts > 0 ? `Queued (retry ${m.attempts})` : 'Queued';
    case 'sent':
      // A voice drop is in the provider's hands until its result comes back.
      return m.channel === 'voice' ? 'In Progress' : STATUS_LABEL.sent;
    case 'failed':
      return m.channel === 'voice' && m.statusReason ? `Failed: ${reasonLabel(m.statusReason)}` : STATUS_LABEL.failed;
    case 'bounced':
    case 'sending':
    case 'delivered':
    case 'complained':
    case 'cancelled':
      return STATUS_LABEL[m.status];
  }
}

/** Whether nothing more will be attempted (later provider reports may still refine it). */
export function isFinished(status: MessageStatus): boolean {
  return status !== 'queued' && status !== 'deferred' && status !== 'sending';
}

const EVENT_LABEL: Record<string, string> = {
  ...STATUS_LABEL,
  retry: 'Retry scheduled',
};

/** An event of the timeline: the statuses, plus "retry" (a transient failure, to be tried again). */
export function eventLabel(status: string): string {
  return EVENT_LABEL[status] ?? reasonLabel(status).replace(/^./, (c) => c.toUpperCase());
}

/** The colour of an event's dot. */
export function eventColor(status: string): string {
  if (status === 'retry') return 'orange';
  return isMessageStatus(status) ? STATUS_COLOR[status] : 'gray';
}

export const PROVIDER_LABEL: Record<string, string> = {
  outbox: 'Local outbox',
  smtp: 'SMTP',
  twilio: 'Twilio',
  print_api: 'Print API',
};

export const providerLabel = (p: string | null): string => (p ? (PROVIDER_LABEL[p] ?? p) : '');
