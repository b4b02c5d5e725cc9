import type { OutboxStatus } from '../db/schema.ts';

/** Statuses after which nothing more is sent (later provider reports may still refine them). */
export const FINISHED: ReadonlySet<OutboxStatus> = new Set([
  'sent',
  'delivered',
  'failed',
  'bounced',
  'complained',
  'skipped',
  'cancelled',
]);

/** Statuses a worker may take a message from. */
export const CLAIMABLE: readonly OutboxStatus[] = ['queued', 'deferred', 'sending'];

/** What a provider report can say about a message after the provider accepted it. */
export type ProviderOutcome = 'delivered' | 'failed' | 'bounced' | 'complained';

// How far along each status is: a report never moves a message backwards (a late "delivered"
// after a "bounced" keeps the bounce; a complaint after delivery is recorded).
const RANK: Record<OutboxStatus, number> = {
  queued: 0,
  deferred: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  failed: 4,
  bounced: 4,
  complained: 5,
  skipped: 9,
  cancelled: 9,
};

/**
 * Whether a provider report moves a message from `current` to `outcome`: only messages the provider
 * accepted (sent or later) take reports, and only forwards.
 */
export function acceptsOutcome(current: OutboxStatus, outcome: ProviderOutcome): boolean {
  if (current === 'skipped' || current === 'cancelled' || RANK[current] < RANK.sent) return false;
  return RANK[outcome] > RANK[current];
}
