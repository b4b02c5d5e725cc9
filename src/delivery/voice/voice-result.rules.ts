import type { DropResult } from '../../channels/voice/voice-drop.provider.ts';
import type { ReachabilityOutcome, ReachabilitySource } from '../../consent/reachability.rules.ts';
import type { SourceKind } from '../../db/schema.ts';

/** How a drop's result reads in the outbox and contact history. */
export function outboxOutcome(result: DropResult): { status: 'delivered' | 'failed'; reason: string | null } {
  return result === 'delivered' ? { status: 'delivered', reason: null } : { status: 'failed', reason: result };
}

export const DROP_RESULT_LABELS: Record<DropResult, string> = {
  delivered: 'Delivered to voicemail',
  busy: 'Busy',
  unavailable: 'Unavailable',
  impossible: 'Impossible to contact',
  failed: 'Failed',
};

/**
 * What the result teaches about the number (dealermine-voice-drops, "Impossible to Contact"):
 * which line it was — cell first, else home; drops never go to work phones — and whether it came
 * from a batch or a Fetch campaign, whose blocking rules differ. A plain failure (the provider's
 * own trouble) says nothing about the number.
 */
export function reachabilityOf(
  result: DropResult,
  target: string,
  customer: { cell_phone: string | null; home_phone: string | null },
  sourceKind: SourceKind,
): { line: 'cell_phone' | 'home_phone'; outcome: ReachabilityOutcome; source: ReachabilitySource } | null {
  if (result === 'failed') return null;
  const line = target === customer.cell_phone ? 'cell_phone' : target === customer.home_phone ? 'home_phone' : null;
  if (!line) return null;
  return { line, outcome: result, source: sourceKind === 'campaign' ? 'voice_campaign' : 'voice_batch' };
}
