import type { Reachability } from './eligibility.rules.ts';

/** What a network or a person reported about one phone number or e-mail address. */
export type ReachabilityOutcome =
  | 'delivered' // a drop, text or e-mail got through: resets the consecutive counts
  | 'impossible' // the voice-drop provider could not reach the number
  | 'busy'
  | 'unavailable'
  | 'bounce'
  | 'complaint'
  | 'verified'; // a user confirmed the number or address with the customer

/** Where it came from: batch voice drops and campaign ("Fetch") voice drops follow different rules. */
export type ReachabilitySource = 'voice_batch' | 'voice_campaign' | 'email' | 'sms' | 'call' | 'user';

export interface ReachabilityEvent {
  outcome: ReachabilityOutcome;
  source: ReachabilitySource;
  /** Which of the customer's numbers it was, for phone rules that differ by line. */
  line: 'cell_phone' | 'home_phone' | 'work_phone' | 'email';
  occurredAt: Date;
}

/** Per-store settings; the defaults are the seeds' values. */
export interface ReachabilitySettings {
  /** Batch voice drop "impossible" on a cell: blocked this many days… */
  voiceImpossibleBlockDays: number;
  /** …and forever at this many impossibles. */
  voiceImpossibleForeverAt: number;
  /** Home phone busy/unavailable this many consecutive times: blocked forever. */
  homeBusyForeverAt: number;
  /** Campaign voice drop "impossible": not tried again for this many days… */
  campaignImpossibleBlockDays: number;
  /** …and never again after more than this many consecutive impossibles. */
  campaignImpossibleForeverAfter: number;
  /** E-mail bounces (since the last verification) that make the address invalid, 1–9. */
  emailBounceLimit: number;
  /** An address that bounced within this many days shows red until verified. */
  emailRedDays: number;
}

export const DEFAULT_REACHABILITY: ReachabilitySettings = {
  voiceImpossibleBlockDays: 14,
  voiceImpossibleForeverAt: 3,
  homeBusyForeverAt: 3,
  campaignImpossibleBlockDays: 14,
  campaignImpossibleForeverAfter: 5,
  emailBounceLimit: 3,
  emailRedDays: 90,
};

const DAY = 86_400_000;

/**
 * The state of one phone number from its history (dealermine-voice-drops, "Impossible to
 * Contact"): a batch drop that is impossible on a cell blocks it for 14 days, the third time for
 * good; a home phone busy or unavailable 3 times in a row is blocked for good; campaign drops
 * rest an impossible number 2 weeks and give up after more than 5 in a row. A user's
 * verification clears everything before it.
 */
export function derivePhoneReachability(
  events: readonly ReachabilityEvent[],
  s: ReachabilitySettings,
  now: Date,
): Reachability {
  const sorted = [...events]
    .filter((e) => e.occurredAt <= now)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  let impossibles = 0;
  let consecutiveBusy = 0;
  let consecutiveCampaignImpossible = 0;
  let blockedUntil: Date | null = null;
  let forever = false;
  for (const e of sorted) {
    switch (e.outcome) {
      case 'verified':
        impossibles = consecutiveBusy = consecutiveCampaignImpossible = 0;
        blockedUntil = null;
        forever = false;
        break;
      case 'delivered':
        consecutiveBusy = 0;
        consecutiveCampaignImpossible = 0;
        break;
      case 'impossible':
        if (e.source === 'voice_campaign') {
          consecutiveCampaignImpossible++;
          if (consecutiveCampaignImpossible > s.campaignImpossibleForeverAfter) forever = true;
          blockedUntil = new Date(e.occurredAt.getTime() + s.campaignImpossibleBlockDays * DAY);
        } else {
          impossibles++;
          if (impossibles >= s.voiceImpossibleForeverAt) forever = true;
          blockedUntil = new Date(e.occurredAt.getTime() + s.voiceImpossibleBlockDays * DAY);
        }
        break;
      case 'busy':
      case 'unavailable':
        if (e.line === 'home_phone') {
          consecutiveBusy++;
          if (consecutiveBusy >= s.homeBusyForeverAt) forever = true;
        }
        break;
      case 'bounce':
      case 'complaint':
        break; // e-mail outcomes; not about phones
    }
  }
  if (forever) return { status: 'blocked' };
  if (blockedUntil && blockedUntil > now) return { status: 'blocked_until', until: blockedUntil };
  return { status: 'ok' };
}

export interface EmailReachability {
  state: Reachability;
  /** Bounced within the red window and not verified since: shown red on the profile. */
  red: boolean;
  bouncesSinceVerified: number;
}

/**
 * The state of one e-mail address: invalid at the store's bounce limit, suppressed at once by a
 * complaint, until a user verifies it again.
 */
export function deriveEmailReachability(
  events: readonly ReachabilityEvent[],
  s: ReachabilitySettings,
  now: Date,
): EmailReachability {
  const sorted = [...events]
    .filter((e) => e.occurredAt <= now)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  let bounces = 0;
  let complained = false;
  let lastBounce: Date | null = null;
  for (const e of sorted) {
    if (e.outcome === 'verified') {
      bounces = 0;
      complained = false;
      lastBounce = null;
    } else if (e.outcome === 'bounce') {
      bounces++;
      lastBounce = e.occurredAt;
    } else if (e.outcome === 'complaint') {
      complained = true;
    }
  }
  const red = lastBounce !== null && now.getTime() - lastBounce.getTime() <= s.emailRedDays * DAY;
  const state: Reachability = complained || bounces >= s.emailBounceLimit ? { status: 'invalid' } : { status: 'ok' };
  return { state, red, bouncesSinceVerified: bounces };
}
