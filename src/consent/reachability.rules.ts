import type { Reachability } from './eligibility.rules.ts';

/** What a network or a person reported about one phone number or e-mail address. */
export type ReachabilityOutcome =
  | 'delivered' // a drop, text or e-mail got through: resets the consecutive counts
  | 'impossible' // the voice-drop provider could not reach the number
  | 'wrong_number' // an agent spoke to someone else on it, and confirmed it
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

/** What a history adds up to, independent of when it is read; stored in reachability_state. */
export interface ReachabilitySummary {
  blockedForever: boolean;
  blockedUntil: Date | null;
  /** E-mail only: at the bounce limit or complained about. */
  invalid: boolean;
  /** E-mail only: shown red until then (last bounce + the red window), unless verified since. */
  redUntil: Date | null;
}

const byTime = (events: readonly ReachabilityEvent[]) =>
  [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());

/**
 * Replays one phone number's history (dealermine-voice-drops, "Impossible to Contact"): a batch
 * drop that is impossible on a cell blocks it for 14 days, the third time for good; a home phone
 * busy or unavailable 3 times in a row is blocked for good; campaign drops rest an impossible
 * number 2 weeks and give up after more than 5 in a row. A user's verification clears everything
 * before it.
 */
export function summarisePhone(events: readonly ReachabilityEvent[], s: ReachabilitySettings): ReachabilitySummary {
  let impossibles = 0;
  let consecutiveBusy = 0;
  let consecutiveCampaignImpossible = 0;
  let blockedUntil: Date | null = null;
  let forever = false;
  let invalid = false;
  for (const e of byTime(events)) {
    switch (e.outcome) {
      case 'verified':
        impossibles = consecutiveBusy = consecutiveCampaignImpossible = 0;
        blockedUntil = null;
        forever = false;
        invalid = false;
        break;
      case 'wrong_number':
        // Not the customer's number at all: never dialled or texted again until someone verifies it.
        invalid = true;
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
  return { blockedForever: forever, blockedUntil, invalid, redUntil: null };
}

/** Replays one e-mail address's history: invalid at the store's bounce limit, at once on a complaint, until verified. */
export function summariseEmail(events: readonly ReachabilityEvent[], s: ReachabilitySettings): ReachabilitySummary {
  let bounces = 0;
  let complained = false;
  let lastBounce: Date | null = null;
  for (const e of byTime(events)) {
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
  return {
    blockedForever: false,
    blockedUntil: null,
    invalid: complained || bounces >= s.emailBounceLimit,
    redUntil: lastBounce ? new Date(lastBounce.getTime() + s.emailRedDays * DAY) : null,
  };
}

/** The reachability a summary means at a given time. */
export function reachabilityAt(summary: ReachabilitySummary, now: Date): Reachability {
  if (summary.invalid) return { status: 'invalid' };
  if (summary.blockedForever) return { status: 'blocked' };
  if (summary.blockedUntil && summary.blockedUntil > now)
    return { status: 'blocked_until', until: summary.blockedUntil };
  return { status: 'ok' };
}

/** Whether the address shows red at `now` (bounced within the window, not verified since). */
export const isRedAt = (summary: ReachabilitySummary, now: Date) =>
  summary.redUntil !== null && summary.redUntil >= now;
