import { DateTime } from 'luxon';
import type { OutboxStatus } from '../db/schema.ts';

/**
 * Batch contact status and ROI, the pure part: what status a batch contact shows, which store-local
 * days a report covers, and which contacts a repair order, a deal or an opt-out is credited to.
 */

/** What the status screen shows per contact: 'held_out' for the control group, else its message's status. */
export const BATCH_CONTACT_STATUSES = [
  'held_out',
  'not_enqueued',
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
] as const satisfies readonly (OutboxStatus | 'held_out' | 'not_enqueued')[];
export type BatchContactStatus = (typeof BATCH_CONTACT_STATUSES)[number];

/** Longest report: a year, leap day included, so "this time last year" always fits. */
export const MAX_RANGE_DAYS = 366;
/** Without a range a report covers the last 30 store-local days, today included. */
export const DEFAULT_RANGE_DAYS = 30;

export interface DayRange {
  from: string;
  to: string;
  /** Inclusive start and exclusive end instants of the range in the store's zone. */
  start: Date;
  end: Date;
  days: number;
}

export type RangeResult = { ok: true; range: DayRange } | { ok: false; message: string };

/**
 * The store-local days [from, to], both inclusive; a missing end defaults so that a lone `from`
 * or `to` still makes a sensible range and an empty query means "the last 30 days".
 */
export function dayRange(
  input: { from?: string | undefined; to?: string | undefined },
  now: Date,
  zone: string,
): RangeResult {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const parse = (s: string) => DateTime.fromISO(s, { zone });
  const to = input.to ? parse(input.to) : input.from ? DateTime.max(parse(input.from), today) : today;
  const from = input.from ? parse(input.from) : to.minus({ days: DEFAULT_RANGE_DAYS - 1 });
  if (!from.isValid) return { ok: false, message: `from: ${input.from ?? ''} is not a date (YYYY-MM-DD).` };
  if (!to.isValid) return { ok: false, message: `to: ${input.to ?? ''} is not a date (YYYY-MM-DD).` };
  if (from > to) return { ok: false, message: `from (${from.toISODate()}) is after to (${to.toISODate()}).` };
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days > MAX_RANGE_DAYS) {
    return { ok: false, message: `The range covers ${days} days; at most ${MAX_RANGE_DAYS} are allowed.` };
  }
  return {
    ok: true,
    range: {
      from: from.toISODate() ?? '',
      to: to.toISODate() ?? '',
      start: from.toJSDate(),
      end: to.plus({ days: 1 }).toJSDate(),
      days,
    },
  };
}

/** Every day of the range as 'YYYY-MM-DD', so a chart has a point for quiet days too. */
export function daysOf(range: Pick<DayRange, 'from' | 'days'>): string[] {
  const first = DateTime.fromISO(range.from, { zone: 'utc' });
  return Array.from({ length: range.days }, (_, i) => first.plus({ days: i }).toISODate() ?? '');
}

export type StatusListResult =
  { ok: true; statuses: BatchContactStatus[] | undefined } | { ok: false; message: string };

/** A comma-separated status list from a query string; an unknown name is refused, naming the known ones. */
export function parseStatusList(name: string, raw: string | undefined): StatusListResult {
  if (raw === undefined || raw.trim() === '') return { ok: true, statuses: undefined };
  const parts = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const known = new Set<string>(BATCH_CONTACT_STATUSES);
  const unknown = parts.filter((p) => !known.has(p));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `${name}: unknown status ${unknown.map((u) => `"${u}"`).join(', ')}; use ${BATCH_CONTACT_STATUSES.join(', ')}.`,
    };
  }
  return { ok: true, statuses: parts as BatchContactStatus[] };
}

// ---------------------------------------------------------------------------------------------
// ROI

export interface RoiContact {
  id: number;
  customerId: number;
  holdout: boolean;
  /** The message's status; null when no message was queued (held out, or not enqueued). */
  messageStatus: OutboxStatus | null;
  channel: string;
  contactedAt: Date;
  /** False for contacts loaded only so that a later contact can take the credit (last touch). */
  inRange: boolean;
}

/** A repair order or a deal: a calendar date, and for repair orders what it was worth. */
export interface RoiOutcome {
  id: number;
  customerId: number;
  date: string;
  amount: number | null;
}

export interface RoiWithdrawal {
  customerId: number;
  channel: string;
  occurredAt: Date;
}

export interface GroupFigures {
  contacts: number;
  responded: number;
  /** responded / contacts; null for an empty group. */
  responseRate: number | null;
  /** Repair orders or deals credited to the group. */
  outcomes: number;
  /** Service: labour + parts of the credited repair orders. Sales: null (deals carry no amount). */
  revenue: number | null;
}

export interface RoiFigures {
  contacted: GroupFigures & { sent: number; delivered: number; bounced: number; optedOut: number };
  control: GroupFigures;
  /** Contacted minus control response rate, in percentage points; null when either group is empty. */
  liftPoints: number | null;
}

/** Handed to the provider: what left us, whatever became of it later. */
const SENT: ReadonlySet<string> = new Set(['sent', 'delivered', 'bounced', 'complained']);
/** A complaint ("this is spam") is only possible once the message arrived. */
const DELIVERED: ReadonlySet<string> = new Set(['delivered', 'complained']);

/**
 * The contact whose window holds an outcome, latest first ("last touch"): one repair order is never
 * counted twice when a customer was contacted twice, and the contact closest to it gets the credit.
 */
function lastTouch<T>(contacts: readonly RoiContact[], item: T, inWindow: (c: RoiContact, item: T) => boolean) {
  let best: RoiContact | undefined;
  for (const c of contacts) {
    if (
      inWindow(c, item) &&
      (!best || c.contactedAt > best.contactedAt || (+c.contactedAt === +best.contactedAt && c.id > best.id))
    ) {
      best = c;
    }
  }
  return best;
}

/**
 * Credits repair orders / deals and opt-outs to contacts and sums them per group.
 *
 * - A repair order or deal is credited when dated after the contact's store-local day and at most
 *   `windowDays` days after it; repair orders of the contact day itself are not counted, since a
 *   date alone cannot tell whether the car came in before the message went out.
 * - Opted out (contacted group only): the message's status is 'complained', or the customer withdrew
 *   consent (`consent_events.granted = false`) for the contact's channel after the contact and at
 *   most `windowDays` days later. A withdrawal, like an outcome, goes to the latest such contact.
 * - Responded: the contact has at least one credited repair order (service) or deal (sales). The
 *   control group is credited exactly the same way, which is what makes the lift meaningful.
 * - The contacted group is every contact that was not held out, whatever became of its message
 *   (intent to treat): dropping failed sends would flatter the response rate.
 */
export function computeRoi(input: {
  contacts: readonly RoiContact[];
  outcomes: readonly RoiOutcome[];
  withdrawals: readonly RoiWithdrawal[];
  windowDays: number;
  roiType: 'service' | 'sales';
  zone: string;
}): RoiFigures {
  const { windowDays, zone } = input;
  const windowOf = new Map<number, { day: string; lastDay: string; until: Date }>();
  const byCustomer = new Map<number, RoiContact[]>();
  for (const c of input.contacts) {
    const local = DateTime.fromJSDate(c.contactedAt, { zone });
    windowOf.set(c.id, {
      day: local.toISODate() ?? '',
      lastDay: local.plus({ days: windowDays }).toISODate() ?? '',
      until: local.plus({ days: windowDays }).toJSDate(),
    });
    const list = byCustomer.get(c.customerId) ?? [];
    list.push(c);
    byCustomer.set(c.customerId, list);
  }
  const win = (c: RoiContact) => windowOf.get(c.id) ?? { day: '', lastDay: '', until: c.contactedAt };

  const credited = new Map<number, RoiOutcome[]>();
  for (const o of input.outcomes) {
    const c = lastTouch(
      byCustomer.get(o.customerId) ?? [],
      o,
      (c, o) => o.date > win(c).day && o.date <= win(c).lastDay,
    );
    if (c) credited.set(c.id, [...(credited.get(c.id) ?? []), o]);
  }
  const optedOut = new Set<number>();
  for (const w of input.withdrawals) {
    const c = lastTouch(
      (byCustomer.get(w.customerId) ?? []).filter((c) => !c.holdout && c.channel === w.channel),
      w,
      (c, w) => w.occurredAt > c.contactedAt && w.occurredAt <= win(c).until,
    );
    if (c) optedOut.add(c.id);
  }

  const group = (holdout: boolean): GroupFigures => {
    const members = input.contacts.filter((c) => c.inRange && c.holdout === holdout);
    const outcomes = members.flatMap((c) => credited.get(c.id) ?? []);
    const responded = members.filter((c) => (credited.get(c.id)?.length ?? 0) > 0).length;
    return {
      contacts: members.length,
      responded,
      responseRate: members.length === 0 ? null : responded / members.length,
      outcomes: outcomes.length,
      revenue: input.roiType === 'sales' ? null : roundMoney(outcomes.reduce((sum, o) => sum + (o.amount ?? 0), 0)),
    };
  };
  const contacted = group(false);
  const control = group(true);
  const sentTo = input.contacts.filter((c) => c.inRange && !c.holdout);
  const count = (pred: (c: RoiContact) => boolean) => sentTo.filter(pred).length;
  return {
    contacted: {
      ...contacted,
      sent: count((c) => c.messageStatus !== null && SENT.has(c.messageStatus)),
      delivered: count((c) => c.messageStatus !== null && DELIVERED.has(c.messageStatus)),
      bounced: count((c) => c.messageStatus === 'bounced'),
      optedOut: count((c) => c.messageStatus === 'complained' || optedOut.has(c.id)),
    },
    control,
    liftPoints: liftPoints(contacted.responseRate, control.responseRate),
  };
}

/** The difference of two response rates in percentage points, to two decimals. */
export function liftPoints(contactedRate: number | null, controlRate: number | null): number | null {
  if (contactedRate === null || controlRate === null) return null;
  return Math.round((contactedRate - controlRate) * 10000) / 100;
}

const roundMoney = (n: number) => Math.round(n * 100) / 100;
