/** Display formatting shared by every screen. Pure functions; the clock is passed in. */

const NANP = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** "+14165550123" → "(416) 555-0123"; numbers outside North America are shown as stored. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const m = NANP.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateFormatter = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date ('YYYY-MM-DD') as "Jun 5, 2026", never shifted by the browser's zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = DATE_ONLY.exec(date.slice(0, 10));
  if (!m) return date;
  return dateFormatter.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** An instant in the store's time zone: "Tue, Dec 1, 2026, 9:30 a.m. PST". */
export function formatDateTimeInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

/** Money in the store's currency: CA stores in CAD, US stores in USD. */
export function formatMoney(amount: number, country: string | undefined): string {
  const currency = country === 'US' ? 'USD' : 'CAD';
  return new Intl.NumberFormat(country === 'US' ? 'en-US' : 'en-CA', { style: 'currency', currency }).format(amount);
}

export function formatNumber(n: number | null | undefined): string {
  return n == null ? '' : new Intl.NumberFormat('en-CA').format(n);
}

/** "2019 Honda Civic" from whatever parts are known. */
export function vehicleLabel(v: { year: number | null; make: string | null; model: string | null }): string {
  return [v.year, v.make, v.model].filter((p) => p !== null && p !== '').join(' ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Whole calendar months and days from `from` to `now` in the browser's zone, the way the
 * "Last Verification: months and days" line reads: "2 months, 3 days ago", "today".
 */
export function monthsDaysAgo(from: Date, now: Date): string {
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (end <= start) return 'today';
  let months = (end.getFullYear() - start.getFullYear()) * 12 + (end.getMonth() - start.getMonth());
  const anchor = (m: number) => {
    const d = new Date(start.getFullYear(), start.getMonth() + m, 1);
    // Clamp Jan 31 + 1 month to Feb 28/29 rather than rolling into March.
    const lastDay = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
    d.setDate(Math.min(start.getDate(), lastDay));
    return d;
  };
  if (anchor(months) > end) months -= 1;
  const days = Math.round((end.getTime() - anchor(months).getTime()) / 86_400_000);
  return `${plural(months, 'month')}, ${plural(days, 'day')} ago`;
}

/** Department codes as dealers say them. */
export function departmentLabel(department: string): string {
  switch (department) {
    case 'service':
      return 'Service';
    case 'body_shop':
      return 'Body shop';
    case 'parts':
      return 'Parts';
    case 'sales':
      return 'Sales';
    default:
      return department.charAt(0).toUpperCase() + department.slice(1).replaceAll('_', ' ');
  }
}

/** An instant in the store's time zone, compactly for tables: "Nov 23, 2026, 10:19 a.m.". */
export function formatShortDateTimeInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

/** The calendar day of an instant in the store's zone: "Nov 23, 2026". */
export function formatDateInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(at);
}

/** The time of day of an instant in the store's zone: "10:19 a.m.". */
export function formatClockInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { hour: 'numeric', minute: '2-digit', timeZone }).format(at);
}
