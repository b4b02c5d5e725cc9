const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a customer contacted at `lastContactOn` with a result of `code` may be contacted again:
 * once the code's days have passed. An inactive code holds no one back (null: eligible now), so
 * a store can switch a code off without customers staying parked under it.
 *
 * Days are counted as exact 24-hour spans from the contact; the batch run compares in UTC, so a
 * daylight-saving change in the store's zone does not move anyone by a day.
 */
export function eligibleAgainOn(lastContactOn: Date, code: { days: number; active: boolean }): Date | null {
  if (!code.active) return null;
  return new Date(lastContactOn.getTime() + code.days * DAY_MS);
}
