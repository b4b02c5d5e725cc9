import type {
  BatchChannel,
  BatchCustomerType,
  BatchDayPart,
  BatchLanguage,
  BatchPrevention,
  BatchRun,
  BatchRunReport,
  RoiType,
} from '../api/batches.types.ts';

/** The Batch Contacts tabs, in the seeds' order. */
export const BATCH_CHANNEL_TABS: readonly { value: BatchChannel; label: string; singular: string }[] = [
  { value: 'letter', label: 'Letters', singular: 'letter' },
  { value: 'email', label: 'Emails', singular: 'e-mail' },
  { value: 'sms', label: 'Texts', singular: 'text' },
  { value: 'voice', label: 'Voice Drops', singular: 'voice drop' },
];

export const isBatchChannel = (value: string | null | undefined): value is BatchChannel =>
  BATCH_CHANNEL_TABS.some((t) => t.value === value);

export const LANGUAGE_OPTIONS: readonly { value: BatchLanguage; label: string }[] = [
  { value: 'any', label: 'N/A' },
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'French' },
];

export const PREVENTION_OPTIONS: readonly { value: BatchPrevention; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'contact_type', label: 'By contact type' },
  { value: 'customer', label: 'By customer' },
];

export const DAY_PART_OPTIONS: readonly { value: BatchDayPart; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'day', label: 'Day' },
  { value: 'late_day', label: 'Late Day' },
];

export const CUSTOMER_TYPE_OPTIONS: readonly { value: BatchCustomerType; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'non_fleet', label: 'Non-Fleet' },
];

export const ROI_OPTIONS: readonly { value: RoiType; label: string }[] = [
  { value: 'service', label: 'Service' },
  { value: 'sales', label: 'Sales' },
];

/** ISO weekdays 1–7 as the run-day chips show them. */
export const WEEKDAYS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
];

/** "Every day", "Mon–Fri", or the days in week order: "Mon, Wed, Fri". */
export function runDaysLabel(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'Every day';
  if (set.size === 5 && [1, 2, 3, 4, 5].every((d) => set.has(d))) return 'Mon–Fri';
  if (set.size === 0) return 'No days';
  return WEEKDAYS.filter((d) => set.has(d.value))
    .map((d) => d.label)
    .join(', ');
}

/** '09:30' → '9:30 a.m.', '17:05' → '5:05 p.m.' (the store's clock, as the rest of the app writes it). */
export function runTimeLabel(time: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) return time;
  const h = Number(m[1]);
  const suffix = h < 12 ? 'a.m.' : 'p.m.';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${m[2]} ${suffix}`;
}

/**
 * Why a customer in a batch's audience was not taken, in plain English: the eligibility reasons
 * (src/consent/eligibility.rules.ts, all but quiet hours, which only defer) and the batch rules
 * (src/campaigns/batch-selection.sql.ts).
 */
export const EXCLUSION_LABELS: Readonly<Record<string, string>> = {
  no_marketing_consent: 'No consent to marketing',
  consent_withdrawn: 'Withdrew consent',
  casl_consent_expired: 'Implied consent expired (CASL)',
  casl_opt_out: 'Unsubscribed from e-mail (CASL)',
  do_not_mail: 'Do Not Mail is set',
  method_off: 'Contact method turned off',
  no_email: 'No e-mail address',
  email_invalid: 'E-mail address bounced',
  no_valid_cell: 'No valid cell phone',
  no_phone: 'No phone number',
  phone_blocked_until: 'Number impossible to contact for now',
  phone_blocked: 'Number impossible to contact',
  no_address: 'No mailing address',
  no_fax_number: 'No fax number',
  vehicle_off: 'Vehicle turned off for contact',
  day_part_mismatch: 'Not a Day / Late Day match',
  language: 'Language does not match',
  fleet: 'Fleet customer',
  reserved: 'Reserved by another batch or agent',
  recycling: 'Recycling after a recent contact',
  days_between: 'Contacted by this batch within its days between',
  prevented_contact_type: 'Already got a batch of this contact type',
  prevented_customer: 'Already got a batch today',
  over_limit: 'Over the # to send',
};

/** The label of a reason code; an unknown one reads as its words ("new_reason" → "New reason"). */
export function exclusionLabel(code: string): string {
  const known = EXCLUSION_LABELS[code];
  if (known) return known;
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The exclusions with a count, most customers first (then by label), for a table. */
export function exclusionRows(
  excluded: Readonly<Record<string, number>>,
): { code: string; label: string; count: number }[] {
  return Object.entries(excluded)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, label: exclusionLabel(code), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** One sentence on what "Run now" did. */
export function runOutcomeMessage(r: Pick<BatchRunReport, 'outcome' | 'selected' | 'enqueued' | 'heldOut'>): string {
  const counts = `${r.selected} taken, ${r.enqueued} queued${r.heldOut > 0 ? `, ${r.heldOut} held out` : ''}`;
  switch (r.outcome) {
    case 'done':
      return `Run finished: ${counts}.`;
    case 'already_done':
      return `This batch already ran today (${counts}); nothing more was sent.`;
    case 'running_elsewhere':
      return 'This batch is running right now elsewhere; try again in a few minutes.';
    case 'dry_run':
      return `Preview only: ${r.selected} would be taken.`;
  }
}

export const RUN_STATUS_LABELS: Record<BatchRun['status'], { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Done', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

/**
 * What each built-in contact type contacts, for the schedule screen. A copy of the descriptions in
 * src/campaigns/audiences.sql.ts (the web app cannot import server code); batch-labels.test.ts
 * fails when the two drift apart. A store's own contact types have none and need a saved query.
 */
export const AUDIENCE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  maintenance: 'Last service visit 6 to 24 months ago, and no appointment booked.',
  reminder_1: 'Last service visit 5 to 6 months ago, and no appointment booked.',
  reminder_2: 'Last service visit 6 to 7 months ago, and no appointment booked.',
  confirm: 'An appointment booked for tomorrow.',
  no_show: 'Missed an appointment in the last 7 days, and has not booked again.',
  thank_you: 'A service visit yesterday.',
  deferred: 'Declined work on a service visit in the last 60 days, and no visit since.',
  inactive: 'No visit of any kind for 12 months to 3 years.',
  unsold: 'A prospect with sales activity in the last 90 days and no deal.',
  sales_schedule: 'Bought 3 days, 30 days, 90 days or one year ago (the follow-up calls after a sale).',
  general: 'Every customer of the store.',
};

export const audienceDescription = (contactTypeKey: string): string | null =>
  AUDIENCE_DESCRIPTIONS[contactTypeKey] ?? null;
