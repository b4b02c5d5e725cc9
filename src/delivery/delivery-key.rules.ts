import type { SourceKind, TemplateChannel } from '../db/schema.ts';

export interface DeliveryKeyParts {
  sourceKind: SourceKind;
  /** The batch run, campaign, automation or manual request the message belongs to. */
  sourceRef: string;
  customerId: number;
  channel: TemplateChannel;
  /** A step inside the source (a lifecycle step, an inactive send day); '' when there is one message. */
  step?: string;
}

/**
 * The unique key of one message: the same source, customer, channel and step always give the same
 * key, so enqueuing again finds the row already there. It also travels to providers as the
 * idempotency key, so a retried call cannot make them send twice.
 */
export function deliveryKey(p: DeliveryKeyParts): string {
  const part = (s: string) => s.replace(/[:%]/g, (c) => encodeURIComponent(c));
  return [p.sourceKind, part(p.sourceRef), String(p.customerId), p.channel, part(p.step ?? '')].join(':');
}
