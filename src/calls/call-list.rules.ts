/**
 * The call list's rules (Call Select): what a list is, which purpose its calls are made for, and
 * how long a take holds a customer. Pure.
 */

/** How long a taken customer stays with the agent without a logged result. */
export const TAKE_LOCK_MS = 10 * 60_000;
/** A customer in quiet hours when their turn comes waits this long before they are offered again. */
export const QUIET_RETRY_MS = 30 * 60_000;
/** At most this many entries are passed over (no longer eligible, held elsewhere) in one take. */
export const MAX_SKIPS_PER_TAKE = 25;

export type ListKey = { kind: 'contact_type'; key: string } | { kind: 'query'; queryId: number };

/** 'maintenance' → a contact type; 'query:12' → a saved query; anything else → undefined. */
export function parseListKey(raw: string): ListKey | undefined {
  const q = /^query:([1-9]\d{0,15})$/.exec(raw);
  if (q?.[1]) return { kind: 'query', queryId: Number(q[1]) };
  return /^[a-z0-9_]{1,40}$/.test(raw) ? { kind: 'contact_type', key: raw } : undefined;
}

// Sales calls are marketing (consent required); service and appointment calls are not.
const MARKETING_TYPES = new Set(['unsold', 'sales_schedule']);

/**
 * The purpose a list's calls are made for: marketing for sales follow-ups, service for the
 * service contact types. A saved query says nothing about why, so its purpose is the user's
 * choice, and marketing (consent required) when they do not say.
 */
export function listPurpose(key: ListKey, chosen?: 'marketing' | 'service'): 'marketing' | 'service' {
  if (key.kind === 'query') return chosen ?? 'marketing';
  return MARKETING_TYPES.has(key.key) ? 'marketing' : 'service';
}

export type PhoneLine = 'cell_phone' | 'home_phone' | 'work_phone';

export interface DialFacts {
  numbers: Record<PhoneLine, string | null>;
  /** The contact-method switches of the three lines. */
  on: Record<PhoneLine, boolean>;
  preferred: string | null;
  /** Numbers the reachability rules block (invalid, blocked for good or for now). */
  blocked: ReadonlySet<string>;
}

/**
 * The number to dial: the customer's preferred phone line first, then cell, home, work; never a
 * line switched off or a blocked number. Null when none is usable.
 */
export function bestNumber(f: DialFacts): { line: PhoneLine; number: string } | null {
  const order: PhoneLine[] = ['cell_phone', 'home_phone', 'work_phone'];
  const preferred = order.find((l) => l === f.preferred);
  for (const line of preferred ? [preferred, ...order.filter((l) => l !== preferred)] : order) {
    const number = f.numbers[line];
    if (number && f.on[line] && !f.blocked.has(number)) return { line, number };
  }
  return null;
}
