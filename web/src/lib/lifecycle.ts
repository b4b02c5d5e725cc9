/**
 * 360° Customer Contact on screen: step and field labels with the seed's help text, the set-up
 * form's values and the change it sends, the inactive series in words, the server's problems per
 * field, and the statistics as a day × step table. Pure functions; the rules mirror
 * src/lifecycle/lifecycle.rules.ts (the server decides).
 */
import { isApiError } from '../api/client.ts';
import {
  LIFECYCLE_STEPS,
  type LifecycleDecision,
  type LifecycleIntervals,
  type LifecycleRunReport,
  type LifecycleSetup,
  type LifecycleSetupChange,
  type LifecycleSignature,
  type LifecycleStatisticsRow,
  type LifecycleStep,
} from '../api/lifecycle.types.ts';
import { exclusionLabel } from './batch-labels.ts';
import { addDays, rangeProblem, todayInZone } from './batch-status.ts';

export const STEP_LABELS: Record<LifecycleStep, string> = {
  reminder_1: 'Reminder 1',
  reminder_2: 'Reminder 2',
  no_show: 'No Show',
  thank_you: 'Thank You',
  deferred: 'Deferred',
  inactive: 'Inactive',
};

export const isLifecycleStep = (s: string): s is LifecycleStep => (LIFECYCLE_STEPS as readonly string[]).includes(s);

/** A step key as people say it; an unknown one as its words. */
export const stepLabel = (step: string): string =>
  isLifecycleStep(step) ? STEP_LABELS[step] : step.replace(/_/g, ' ');

export type IntervalKey = keyof LifecycleIntervals;
export type SignatureKey = keyof LifecycleSignature;

/** The eight day counts in the seed's order, with its help text. */
export const INTERVAL_FIELDS: readonly { key: IntervalKey; label: string; help: string; step?: LifecycleStep }[] = [
  {
    key: 'reminder1Days',
    label: 'Reminder 1',
    help: 'Days before the next scheduled visit the first reminder is sent.',
    step: 'reminder_1',
  },
  {
    key: 'reminder2Days',
    label: 'Reminder 2',
    help: 'Days before the next scheduled visit the second reminder is sent.',
    step: 'reminder_2',
  },
  {
    key: 'noShowDays',
    label: 'No Show',
    help: 'Days after a missed appointment before the customer is told they missed it.',
    step: 'no_show',
  },
  {
    key: 'thankYouDays',
    label: 'Thank You',
    help: 'Days after a completed visit before the customer gets a thank-you note.',
    step: 'thank_you',
  },
  {
    key: 'deferredDays',
    label: 'Deferred',
    help: 'Days after the last visit before a customer gets a deferred work reminder.',
    step: 'deferred',
  },
  {
    key: 'inactiveDays',
    label: 'Inactive',
    help: 'Days without an invoice before a customer is considered inactive.',
    step: 'inactive',
  },
  {
    key: 'inactiveIntervalDays',
    label: 'Inactive Interval',
    help: 'Days between each inactive message (0: only one).',
  },
  {
    key: 'deadDays',
    label: 'Dead',
    help: 'Days without an invoice before a customer is dead: dead customers get no more inactive messages (0: never).',
  },
];

/** The signature fields with the seed's help text. */
export const SIGNATURE_FIELDS: readonly { key: SignatureKey; label: string; help: string; placeholder?: string }[] = [
  { key: 'businessName', label: 'Business Name', help: 'The name of your shop.' },
  { key: 'businessOwner', label: 'Business Owner', help: 'The name you want to appear as the contact person.' },
  {
    key: 'businessPhone',
    label: 'Business Phone',
    help: 'The phone number you would like the customer to call if required.',
  },
  { key: 'businessEmail', label: 'Business Email', help: 'Replies to the messages go here.' },
  {
    key: 'feedbackUrl',
    label: 'Feedback',
    help: 'URL or mailto: the web address of a feedback form (https://…), or an e-mail address written mailto:email@domain.com.',
    placeholder: 'https:// or mailto:',
  },
];

const INTERVAL_KEYS = INTERVAL_FIELDS.map((f) => f.key);
const SIGNATURE_KEYS = SIGNATURE_FIELDS.map((f) => f.key);

/** What the inputs hold: text as typed, numbers as Mantine's NumberInput gives them. */
export interface LifecycleFormValues {
  emailOn: boolean;
  postcardsOn: boolean;
  runTime: string;
  intervals: Record<IntervalKey, number | string>;
  marketingSteps: LifecycleStep[];
  signature: Record<SignatureKey, string>;
}

export function toFormValues(s: LifecycleSetup): LifecycleFormValues {
  return {
    emailOn: s.emailOn,
    postcardsOn: s.postcardsOn,
    runTime: s.runTime,
    intervals: { ...s.intervals },
    marketingSteps: LIFECYCLE_STEPS.filter((step) => s.marketingSteps.includes(step)),
    signature: {
      businessName: s.signature.businessName ?? '',
      businessOwner: s.signature.businessOwner ?? '',
      businessPhone: s.signature.businessPhone ?? '',
      businessEmail: s.signature.businessEmail ?? '',
      feedbackUrl: s.signature.feedbackUrl ?? '',
    },
  };
}

/** A typed number: NaN when empty or not a number (sent as null for the server to refuse). */
export function dayCount(v: number | string): number {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? NaN : Number(v);
}

/** Only what differs from the saved set-up, in the API's shape (blank text is sent as null). */
export function changedSetup(values: LifecycleFormValues, saved: LifecycleSetup): LifecycleSetupChange {
  const change: LifecycleSetupChange = {};
  if (values.emailOn !== saved.emailOn) change.emailOn = values.emailOn;
  if (values.postcardsOn !== saved.postcardsOn) change.postcardsOn = values.postcardsOn;
  if (values.runTime.trim() !== saved.runTime) change.runTime = values.runTime.trim();
  const intervals: Partial<LifecycleIntervals> = {};
  for (const key of INTERVAL_KEYS) {
    const n = dayCount(values.intervals[key]);
    // An emptied box is not sent: localProblems() names it before saving.
    if (Number.isFinite(n) && n !== saved.intervals[key]) intervals[key] = n;
  }
  if (Object.keys(intervals).length > 0) change.intervals = intervals;
  const marketing = LIFECYCLE_STEPS.filter((s) => values.marketingSteps.includes(s));
  const before = LIFECYCLE_STEPS.filter((s) => saved.marketingSteps.includes(s));
  if (marketing.join() !== before.join()) change.marketingSteps = marketing;
  const signature: Partial<LifecycleSignature> = {};
  for (const key of SIGNATURE_KEYS) {
    const text = values.signature[key].trim();
    const value = text === '' ? null : text;
    if (value !== saved.signature[key]) signature[key] = value;
  }
  if (Object.keys(signature).length > 0) change.signature = signature;
  return change;
}

/**
 * What cannot be sent at all: an emptied day count, a run time that is not HH:MM. The server
 * judges everything else (negative days, Dead before Inactive, the signature when switching on).
 */
export function localProblems(values: LifecycleFormValues): SetupErrors {
  const errors: SetupErrors = {};
  for (const key of INTERVAL_KEYS)
    if (!Number.isFinite(dayCount(values.intervals[key])))
      errors[`intervals.${key}`] = 'Enter a number of days (0 = off).';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.runTime.trim()))
    errors.runTime = 'Enter a time written HH:MM (24 h), e.g. 08:00.';
  return errors;
}

/** The Off / 360° Email / Postcards boxes: Off is ticked when both channels are off. */
export type SwitchKey = 'off' | 'email' | 'postcards';

/** The channels after ticking or unticking one box; unticking Off switches 360° Email on. */
export function applySwitch(
  current: { emailOn: boolean; postcardsOn: boolean },
  key: SwitchKey,
  checked: boolean,
): { emailOn: boolean; postcardsOn: boolean } {
  switch (key) {
    case 'off':
      return checked ? { emailOn: false, postcardsOn: false } : { ...current, emailOn: true };
    case 'email':
      return { ...current, emailOn: checked };
    case 'postcards':
      return { ...current, postcardsOn: checked };
  }
}

/** How the switches read in a sentence. */
export function switchesText(s: { emailOn: boolean; postcardsOn: boolean }): string {
  if (s.emailOn && s.postcardsOn) return 'On: e-mail, and postcards to customers without an e-mail address';
  if (s.emailOn) return 'On: e-mail to customers with an e-mail address';
  if (s.postcardsOn) return 'On: postcards';
  return 'Off';
}

/** Every inactive send day (days after the last invoice), at most `limit`; mirrors the server's. */
export function inactiveSchedule(
  i: Pick<LifecycleIntervals, 'inactiveDays' | 'inactiveIntervalDays' | 'deadDays'>,
  limit = 12,
): { days: number[]; more: boolean } {
  const days: number[] = [];
  const { inactiveDays: first, inactiveIntervalDays: every, deadDays: dead } = i;
  if (!(first > 0) || !Number.isInteger(first) || !Number.isInteger(every) || !Number.isInteger(dead))
    return { days, more: false };
  for (let d = first; ; d += every) {
    if (dead > 0 && d >= dead) return { days, more: false };
    if (days.length === limit) return { days, more: true };
    days.push(d);
    if (every <= 0) return { days, more: false };
  }
}

/** "90, 180, 270 and 360". */
export function listWords(items: readonly (string | number)[]): string {
  const words = items.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The inactive series in words, as the seed explains it: "An inactive message is sent 90, 180,
 * 270 and 360 days after the last service, then it stops at Dead 365 (the next would be 450)."
 */
export function inactiveSeriesText(
  values: Record<'inactiveDays' | 'inactiveIntervalDays' | 'deadDays', number | string>,
): string {
  const first = dayCount(values.inactiveDays);
  const every = dayCount(values.inactiveIntervalDays);
  const dead = dayCount(values.deadDays);
  if (![first, every, dead].every((n) => Number.isInteger(n) && n >= 0))
    return 'Enter whole numbers of days (0 or more) to see when inactive messages are sent.';
  if (first === 0) return 'No inactive messages are sent: Inactive is 0 (off).';
  const { days, more } = inactiveSchedule({ inactiveDays: first, inactiveIntervalDays: every, deadDays: dead }, 6);
  if (days.length === 0)
    return `No inactive messages are sent: Dead (${dead}) comes before Inactive (${first}). Make Dead more than Inactive, or 0.`;
  if (every === 0) {
    const stop = dead > 0 ? `; customers are dead at ${dead} days` : '';
    return `One inactive message is sent ${first} days after the last service (Inactive Interval is 0)${stop}.`;
  }
  if (more) {
    const until = dead > 0 ? `, until Dead ${dead}` : ', and never stops (Dead is 0)';
    return `An inactive message is sent ${days.join(', ')}, … days after the last service: every ${every} days${until}.`;
  }
  const last = days[days.length - 1] ?? first;
  const next = last + every;
  const why = next > dead ? ` (the next would be ${next})` : '';
  return `An inactive message is sent ${listWords(days)} days after the last service, then it stops at Dead ${dead}${why}.`;
}

/** Which tab holds a field the server names: 'signature.*' on General, the rest on Intervals & switches. */
export type SetupTab = 'general' | 'intervals';
export const tabOfField = (field: string): SetupTab => (field.startsWith('signature.') ? 'general' : 'intervals');

/** The server's sentence for each field it names ('signature.businessOwner', 'intervals.deadDays', 'runTime'). */
export type SetupErrors = Partial<Record<string, string>>;

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * The problems of a 422 'lifecycle_invalid' (`details.problems`) or a 400 'invalid_input'
 * (`details` as a list) by field; several for one field are joined. {} for any other error.
 */
export function setupErrorsOf(error: unknown): SetupErrors {
  if (!isApiError(error)) return {};
  const details: unknown = error.details;
  const list: unknown =
    error.status === 422 && typeof details === 'object' && details !== null && 'problems' in details
      ? details.problems
      : error.status === 400
        ? details
        : null;
  if (!Array.isArray(list)) return {};
  const errors: SetupErrors = {};
  for (const p of list as unknown[]) {
    if (typeof p !== 'object' || p === null || !('field' in p) || !('message' in p)) continue;
    const { field, message } = p;
    if (typeof field !== 'string' || typeof message !== 'string' || field === '') continue;
    const text = /[.!?]$/.test(message) ? sentence(message) : `${sentence(message)}.`;
    errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
  }
  return errors;
}

/** 'intervals.deadDays' → 'Dead', 'signature.feedbackUrl' → 'Feedback', 'runTime' → 'Run time'. */
export function fieldLabel(field: string): string {
  const [group, key] = field.split('.');
  if (group === 'intervals') return INTERVAL_FIELDS.find((f) => f.key === key)?.label ?? field;
  if (group === 'signature') return SIGNATURE_FIELDS.find((f) => f.key === key)?.label ?? field;
  if (group === 'runTime') return 'Run time';
  return field;
}

/** The tab to show after a refusal: the first field's, General when both have problems. */
export function firstTabWithErrors(errors: SetupErrors): SetupTab | null {
  const fields = Object.keys(errors).filter((k) => errors[k]);
  if (fields.length === 0) return null;
  return fields.some((f) => tabOfField(f) === 'general') ? 'general' : 'intervals';
}

export const countErrors = (errors: SetupErrors, tab: SetupTab): number =>
  Object.keys(errors).filter((k) => errors[k] && tabOfField(k) === tab).length;

/** Why a due message is not sent, in words: the run's own reasons, then the eligibility reasons. */
const LIFECYCLE_REASONS: Record<string, string> = {
  module_off: '360° Customer Contact is off',
  no_channel_email_only: 'No e-mail address, and postcards are off',
  no_channel_has_email: 'E-mail is off; postcards go only to customers without an e-mail address',
  no_template: 'No active template for this step',
};

export const lifecycleReasonLabel = (code: string): string => LIFECYCLE_REASONS[code] ?? exclusionLabel(code);

export const channelLabel = (channel: string | null): string =>
  channel === 'email' ? 'e-mail' : channel === 'postcard' ? 'postcard' : 'no channel';

/** A preview decision in words: "send by e-mail", "skip", "already sent". */
export function decisionText(d: Pick<LifecycleDecision, 'outcome' | 'channel'>): string {
  switch (d.outcome) {
    case 'send':
      return `send by ${channelLabel(d.channel)}`;
    case 'skip':
      return 'skip';
    case 'already_sent':
      return 'already sent';
  }
}

/** A run's result for a notification. */
export function runOutcomeText(r: Pick<LifecycleRunReport, 'outcome' | 'enqueued' | 'skipped' | 'alreadySent'>): {
  color: 'green' | 'yellow' | 'blue';
  title: string;
  message: string;
} {
  switch (r.outcome) {
    case 'done':
      return {
        color: 'green',
        title: 'Run done',
        message: `${r.enqueued} ${r.enqueued === 1 ? 'message' : 'messages'} queued, ${r.skipped} skipped${r.alreadySent ? `, ${r.alreadySent} already sent` : ''}.`,
      };
    case 'already_done':
      return {
        color: 'blue',
        title: 'Already run today',
        message: 'Today’s run has been done; nothing more was sent.',
      };
    case 'running_elsewhere':
      return {
        color: 'yellow',
        title: 'Running elsewhere',
        message: 'Another worker is running today’s messages now.',
      };
    case 'off':
      return { color: 'yellow', title: 'Nothing sent', message: '360° Customer Contact is off.' };
    case 'dry_run':
      return { color: 'blue', title: 'Preview', message: 'Nothing was sent.' };
  }
}

/** Delivery results in the order a message moves through them. */
export const RESULT_ORDER = [
  'queued',
  'deferred',
  'sending',
  'sent',
  'delivered',
  'bounced',
  'failed',
  'complained',
  'skipped',
  'cancelled',
] as const;

/** "1 delivered, 2 bounced": the non-zero results in order (unknown ones last). */
export function resultsText(byStatus: Readonly<Record<string, number>>): string {
  const known = RESULT_ORDER as readonly string[];
  const keys = [
    ...RESULT_ORDER.filter((s) => (byStatus[s] ?? 0) > 0),
    ...Object.keys(byStatus)
      .filter((s) => !known.includes(s) && (byStatus[s] ?? 0) > 0)
      .sort(),
  ];
  return keys.map((s) => `${byStatus[s]} ${s.replace(/_/g, ' ')}`).join(', ');
}

/** One channel's messages in a cell: how many and what became of them. */
export interface ChannelTally {
  total: number;
  byStatus: Record<string, number>;
}

export interface StatisticsCell {
  email: ChannelTally;
  postcard: ChannelTally;
}

export interface StatisticsTable {
  /** The steps with any message in the range, in step order. */
  steps: LifecycleStep[];
  /** Days with any message, newest first. */
  days: { day: string; cells: Partial<Record<LifecycleStep, StatisticsCell>> }[];
  /** Per step over the range. */
  totals: Partial<Record<LifecycleStep, StatisticsCell>>;
}

const emptyCell = (): StatisticsCell => ({ email: { total: 0, byStatus: {} }, postcard: { total: 0, byStatus: {} } });

function addTo(cell: StatisticsCell, row: LifecycleStatisticsRow) {
  const tally = cell[row.channel];
  tally.total += row.total;
  for (const [status, n] of Object.entries(row.byStatus)) tally.byStatus[status] = (tally.byStatus[status] ?? 0) + n;
}

/** The statistics rows as a day × step table with per-step totals. */
export function statisticsTable(rows: readonly LifecycleStatisticsRow[]): StatisticsTable {
  const byDay = new Map<string, Partial<Record<LifecycleStep, StatisticsCell>>>();
  const totals: Partial<Record<LifecycleStep, StatisticsCell>> = {};
  for (const row of rows) {
    if (row.total <= 0) continue;
    const cells = byDay.get(row.day) ?? {};
    byDay.set(row.day, cells);
    addTo((cells[row.step] ??= emptyCell()), row);
    addTo((totals[row.step] ??= emptyCell()), row);
  }
  return {
    steps: LIFECYCLE_STEPS.filter((s) => totals[s] !== undefined),
    days: [...byDay.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([day, cells]) => ({ day, cells })),
    totals,
  };
}

/** "1 e-mail", "2 postcards": a cell's channel count. */
export function tallyText(n: number, channel: 'email' | 'postcard'): string {
  if (channel === 'email') return `${n} e-mail${n === 1 ? '' : 's'}`;
  return `${n} postcard${n === 1 ? '' : 's'}`;
}

/** The server's longest Show Statistics range: `to` at most this many days after `from`. */
export const MAX_STATISTICS_DAYS = 92;

/** The last 14 store-local days, today included: the server's default too. */
export function defaultStatisticsRange(now: Date, timeZone: string): { from: string; to: string } {
  const to = todayInZone(now, timeZone);
  return { from: addDays(to, -13), to };
}

/** Why a range cannot be shown, or null; the server says the same, this only saves a round trip. */
export function statisticsRangeProblem(range: { from: string; to: string }): string | null {
  const problem = rangeProblem(range);
  if (problem) return problem;
  if (addDays(range.from, MAX_STATISTICS_DAYS) < range.to)
    return `Choose at most ${MAX_STATISTICS_DAYS + 1} days (to at most ${MAX_STATISTICS_DAYS} days after from).`;
  return null;
}
