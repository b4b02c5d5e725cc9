/**
 * The 360° Customer Contact rules (seeds/protractor-360-customer-contact): which steps exist,
 * when each is due, which channel a customer gets, and what makes a store's set-up invalid.
 * Pure: dates are store-local calendar days ('YYYY-MM-DD') or day counts; no clock, no I/O.
 * lifecycle-due.sql.ts is the set-based twin of `dueOffsets`/`inactiveSendDay` and is tested
 * against the same examples.
 */

export const LIFECYCLE_STEPS = ['reminder_1', 'reminder_2', 'no_show', 'thank_you', 'deferred', 'inactive'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

export const STEP_LABELS: Record<LifecycleStep, string> = {
  reminder_1: 'Reminder 1',
  reminder_2: 'Reminder 2',
  no_show: 'No Show',
  thank_you: 'Thank You',
  deferred: 'Deferred',
  inactive: 'Inactive',
};

/** The day counts of the set-up; 0 switches a step off (Dead 0: inactive messages never stop). */
export interface LifecycleIntervals {
  reminder1Days: number;
  reminder2Days: number;
  noShowDays: number;
  thankYouDays: number;
  deferredDays: number;
  inactiveDays: number;
  inactiveIntervalDays: number;
  deadDays: number;
}

export interface LifecycleSwitches {
  emailOn: boolean;
  postcardsOn: boolean;
}

/** The signature every message ends with: the store's contact card. */
export interface LifecycleSignature {
  businessName: string | null;
  businessOwner: string | null;
  businessPhone: string | null;
  businessEmail: string | null;
  /** A web address for the feedback form, or `mailto:` an address. */
  feedbackUrl: string | null;
}

export const SIGNATURE_LABELS: Record<keyof LifecycleSignature, string> = {
  businessName: 'Business Name',
  businessOwner: 'Business Owner',
  businessPhone: 'Business Phone',
  businessEmail: 'Business Email',
  feedbackUrl: 'Feedback',
};

export const INTERVAL_LABELS: Record<keyof LifecycleIntervals, string> = {
  reminder1Days: 'Reminder 1',
  reminder2Days: 'Reminder 2',
  noShowDays: 'No Show',
  thankYouDays: 'Thank You',
  deferredDays: 'Deferred',
  inactiveDays: 'Inactive',
  inactiveIntervalDays: 'Inactive Interval',
  deadDays: 'Dead',
};

/** Ten years: a longer interval is a typing mistake, and day arithmetic stays small. */
export const MAX_INTERVAL_DAYS = 3650;

/** The interval of each step (the inactive step's first send). */
export function stepDays(i: LifecycleIntervals, step: LifecycleStep): number {
  switch (step) {
    case 'reminder_1':
      return i.reminder1Days;
    case 'reminder_2':
      return i.reminder2Days;
    case 'no_show':
      return i.noShowDays;
    case 'thank_you':
      return i.thankYouDays;
    case 'deferred':
      return i.deferredDays;
    case 'inactive':
      return i.inactiveDays;
  }
}

/** The steps the set-up switches on (a non-zero interval). */
export const activeSteps = (i: LifecycleIntervals): LifecycleStep[] =>
  LIFECYCLE_STEPS.filter((s) => stepDays(i, s) > 0);

/** What is wrong with the intervals, one sentence per problem, each naming its field. */
export function intervalProblems(i: LifecycleIntervals): { field: keyof LifecycleIntervals; message: string }[] {
  const problems: { field: keyof LifecycleIntervals; message: string }[] = [];
  for (const field of Object.keys(INTERVAL_LABELS) as (keyof LifecycleIntervals)[]) {
    const v = i[field];
    const label = INTERVAL_LABELS[field];
    if (!Number.isInteger(v)) problems.push({ field, message: `${label} must be a whole number of days.` });
    else if (v < 0) problems.push({ field, message: `${label} cannot be negative (${v}); use 0 to switch it off.` });
    else if (v > MAX_INTERVAL_DAYS)
      problems.push({ field, message: `${label} is ${v} days; at most ${MAX_INTERVAL_DAYS} (ten years) is allowed.` });
  }
  if (problems.length > 0) return problems;
  // At Dead the customer is dead, so a Dead at or below Inactive would mean no inactive message ever.
  if (i.inactiveDays > 0 && i.deadDays > 0 && i.deadDays <= i.inactiveDays)
    problems.push({
      field: 'deadDays',
      message: `Dead (${i.deadDays}) must be more than Inactive (${i.inactiveDays}), or 0 so that inactive messages never stop.`,
    });
  if (i.reminder1Days > 0 && i.reminder2Days > 0 && i.reminder2Days >= i.reminder1Days)
    problems.push({
      field: 'reminder2Days',
      message: `Reminder 2 (${i.reminder2Days} days before) must come after Reminder 1 (${i.reminder1Days} days before): use fewer days.`,
    });
  return problems;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Missing or malformed signature fields, each named: checked before the module can be switched on. */
export function signatureProblems(s: LifecycleSignature): { field: keyof LifecycleSignature; message: string }[] {
  const problems: { field: keyof LifecycleSignature; message: string }[] = [];
  for (const field of Object.keys(SIGNATURE_LABELS) as (keyof LifecycleSignature)[]) {
    if (!s[field]?.trim())
      problems.push({ field, message: `${SIGNATURE_LABELS[field]} is missing: every message is signed with it.` });
  }
  const email = s.businessEmail?.trim();
  if (email && !EMAIL.test(email))
    problems.push({ field: 'businessEmail', message: `Business Email "${email}" is not an e-mail address.` });
  const feedback = s.feedbackUrl?.trim();
  if (feedback && !feedbackOk(feedback))
    problems.push({
      field: 'feedbackUrl',
      message: `Feedback "${feedback}" must be a web address (https://…) or mailto:name@domain.com.`,
    });
  return problems;
}

function feedbackOk(v: string): boolean {
  if (v.toLowerCase().startsWith('mailto:')) return EMAIL.test(v.slice(7).split('?')[0] ?? '');
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The channel a customer gets: e-mail when it is on and they have an address; a postcard when
 * postcards are on and (with e-mail on) only when they have no e-mail address; else none. A
 * customer with an address that cannot be used (unsubscribed) gets no postcard instead.
 */
export function channelFor(sw: LifecycleSwitches, hasEmail: boolean): 'email' | 'postcard' | null {
  if (sw.emailOn && hasEmail) return 'email';
  if (sw.postcardsOn && (!sw.emailOn || !hasEmail)) return 'postcard';
  return null;
}

/**
 * The inactive message due in a window of days, as the offset from the last invoice: sends fall
 * on Inactive, Inactive + Interval, Inactive + 2 × Interval … (only Inactive when Interval is 0)
 * while they are before Dead (a customer is dead on day Dead; Dead 0 never). `daysSince` is how
 * many days today is after the last invoice; `windowDays` how many earlier days the run also
 * covers (0 for today only; more after a missed day). Returns the latest send day in
 * [daysSince - windowDays, daysSince], or null.
 */
export function inactiveSendDay(
  i: Pick<LifecycleIntervals, 'inactiveDays' | 'inactiveIntervalDays' | 'deadDays'>,
  daysSince: number,
  windowDays = 0,
): number | null {
  const { inactiveDays: first, inactiveIntervalDays: every, deadDays: dead } = i;
  if (first <= 0 || daysSince < first) return null;
  const k = every > 0 ? Math.floor((daysSince - first) / every) : 0;
  let day = first + k * every;
  // Dead cuts the series: step back to the last send day before it.
  if (dead > 0 && day >= dead) {
    if (every <= 0) return null;
    day = first + Math.ceil((dead - first) / every - 1) * every;
    if (day < first) return null;
  }
  return day >= daysSince - windowDays && day <= daysSince ? day : null;
}

/** Every inactive send day (days after the last invoice), at most `limit` of them. */
export function inactiveSchedule(
  i: Pick<LifecycleIntervals, 'inactiveDays' | 'inactiveIntervalDays' | 'deadDays'>,
  limit = 12,
): { days: number[]; more: boolean } {
  const days: number[] = [];
  if (i.inactiveDays <= 0) return { days, more: false };
  for (let d = i.inactiveDays; ; d += i.inactiveIntervalDays) {
    if (i.deadDays > 0 && d >= i.deadDays) return { days, more: false };
    if (days.length === limit) return { days, more: true };
    days.push(d);
    if (i.inactiveIntervalDays <= 0) return { days, more: false };
  }
}

/** Days a run looks back when the previous runs were missed (the server was down). */
export const MAX_CATCH_UP_DAYS = 7;

/**
 * The days a run covers: from the day after the last completed run to today, at most
 * MAX_CATCH_UP_DAYS back; only today on a store's first run (switching the module on does not
 * send a backlog). Returns how many days before today the window starts.
 */
export function catchUpDays(today: string, lastRunDate: string | null): number {
  if (lastRunDate === null || lastRunDate >= today) return 0;
  const gap = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastRunDate}T00:00:00Z`)) / 86_400_000);
  return Math.min(Math.max(gap - 1, 0), MAX_CATCH_UP_DAYS);
}

/** 'YYYY-MM-DD' plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
