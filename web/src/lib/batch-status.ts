/** Pure helpers of the Batch Contact Status screen: words, colours, ranges, the chart's geometry, ROI figures. */
import {
  BATCH_CONTACT_STATUSES,
  type BatchContactStatus,
  type DayRangeInput,
  type StatusCounts,
} from '../api/batch-status.types.ts';
import { STATUS_COLOR, STATUS_LABEL } from './message-status.ts';

export const BATCH_STATUS_LABEL: Record<BatchContactStatus, string> = {
  held_out: 'Held out (control)',
  not_enqueued: 'Not queued',
  ...STATUS_LABEL,
};

export const BATCH_STATUS_COLOR: Record<BatchContactStatus, string> = {
  held_out: 'violet',
  not_enqueued: 'dark',
  ...STATUS_COLOR,
};

/** Mantine colour names as the chart's SVG fills (shade 6 of the default theme). */
const SVG_FILL: Record<string, string> = {
  blue: '#228be6',
  yellow: '#fab005',
  cyan: '#15aabf',
  teal: '#12b886',
  green: '#40c057',
  red: '#fa5252',
  orange: '#fd7e14',
  grape: '#be4bdb',
  gray: '#868e96',
  violet: '#7950f2',
  dark: '#495057',
};
// Skipped and cancelled share grey in the Outbox; in a stacked chart they need telling apart.
const CHART_OVERRIDE: Partial<Record<BatchContactStatus, string>> = { cancelled: '#ced4da' };

export const statusFill = (s: BatchContactStatus): string =>
  CHART_OVERRIDE[s] ?? SVG_FILL[BATCH_STATUS_COLOR[s]] ?? '#868e96';

/** Flips one status between included (green check) and excluded (grey check). */
export function toggleStatus(
  excluded: readonly BatchContactStatus[],
  status: BatchContactStatus,
): BatchContactStatus[] {
  return excluded.includes(status)
    ? excluded.filter((s) => s !== status)
    : BATCH_CONTACT_STATUSES.filter((s) => s === status || excluded.includes(s));
}

/** The statuses worth a chip or a legend entry: those in the range, plus any the user has excluded. */
export function visibleStatuses(counts: StatusCounts, excluded: readonly BatchContactStatus[]): BatchContactStatus[] {
  return BATCH_CONTACT_STATUSES.filter((s) => (counts[s] ?? 0) > 0 || excluded.includes(s));
}

/** Today as 'YYYY-MM-DD' in a time zone. */
export function todayInZone(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

/** 'YYYY-MM-DD' plus or minus whole days (calendar arithmetic, no zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The last 30 store-local days, today included: the server's default too. */
export function defaultRange(now: Date, timeZone: string): DayRangeInput {
  const to = todayInZone(now, timeZone);
  return { from: addDays(to, -29), to };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why a range cannot be searched, or null; the server says the same, this only saves a round trip. */
export function rangeProblem(range: DayRangeInput): string | null {
  if (!ISO_DAY.test(range.from) || !ISO_DAY.test(range.to)) return 'Choose both dates.';
  if (range.from > range.to) return 'The start date is after the end date.';
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  if (days > 366) return `That is ${days} days; choose at most 366.`;
  return null;
}

/** Whole-number gridlines for a niceMax top: every count up to 5, else fifths (0, 2, 4 … 10). */
export function axisTicks(max: number): number[] {
  const step = max >= 5 ? max / 5 : 1;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

export interface Bar {
  date: string;
  x: number;
  width: number;
  segments: { status: BatchContactStatus; y: number; height: number; count: number }[];
  total: number;
}

/** A round top for the y axis: 1, 2, 5, 10, 20, 50… at or above the highest day. */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Stacked bars, one per day, of the shown statuses only (a status switched off in the legend
 * drops out of the stack and the scale).
 */
export function stackedBars(
  days: readonly { date: string; counts: StatusCounts }[],
  shown: readonly BatchContactStatus[],
  size: { width: number; height: number },
): { bars: Bar[]; max: number } {
  const totals = days.map((d) => shown.reduce((sum, s) => sum + (d.counts[s] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = days.length === 0 ? 0 : size.width / days.length;
  const width = Math.max(1, slot * 0.7);
  const bars = days.map((d, i) => {
    let top = size.height;
    const segments = shown
      .filter((s) => (d.counts[s] ?? 0) > 0)
      .map((status) => {
        const count = d.counts[status] ?? 0;
        const height = (count / max) * size.height;
        top -= height;
        return { status, y: top, height, count };
      });
    return { date: d.date, x: i * slot + (slot - width) / 2, width, segments, total: totals[i] ?? 0 };
  });
  return { bars, max };
}

/** A response rate (0–1) as "12.5 %", or an en dash for an empty group. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '–';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('en-CA')} %`;
}

/** A lift in percentage points, signed: "+4.2 pts", "−1 pts". */
export function formatLift(points: number | null): string {
  if (points === null) return '–';
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '0 pts';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toLocaleString('en-CA')} pts`;
}
