import { DateTime } from 'luxon';
import type { DateString } from '../../db/schema.ts';

/** The outcome of reading one cell: a value, or why the cell could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Trimmed text, or null when blank. NUL characters are removed: PostgreSQL refuses them in text. */
export function cleanText(raw: string): string | null {
  const t = (raw.includes('\0') ? raw.replaceAll('\0', '') : raw).trim();
  return t === '' ? null : t;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(y: string, m: string, d: string, raw: string): Parsed<DateString> {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return bad(`not a calendar date: "${raw}"`);
  }
  return ok(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const US_DATE = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})(?:[T ].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A calendar date as 'YYYY-MM-DD' from the forms DMS exports use: ISO (a time part is ignored),
 * YYYY/MM/DD, MM/DD/YYYY (North American order, as the DMSs we read write it) and YYYYMMDD.
 * Two-digit years are refused rather than guessed.
 */
export function parseDate(raw: string): Parsed<DateString> {
  const t = raw.trim();
  let m = ISO_DATE.exec(t);
  if (m) return ymd(m[1] ?? '', m[2] ?? '', m[3] ?? '', t);
  m = US_DATE.exec(t);
  if (m) return ymd(m[3] ?? '', m[1] ?? '', m[2] ?? '', t);
  m = COMPACT_DATE.exec(t);
  if (m) return ymd(m[1] ?? '', m[2] ?? '', m[3] ?? '', t);
  return bad(`not a date (expected YYYY-MM-DD, MM/DD/YYYY or YYYYMMDD): "${t}"`);
}

const TIME = /^(\d{1,2})(?::?(\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A moment from a date and an optional time ('14:30', '2:30 PM', '1430', with seconds or an
 * explicit offset). Without an offset the wall-clock time is read in `timeZone` (the store's);
 * a time that falls in a daylight-saving gap moves forward, as a clock would.
 */
export function parseDateTime(raw: string, timeZone: string): Parsed<Date> {
  const t = raw.trim();
  const split = /^(\S+?)(?:[T ]+(.+))?$/.exec(t);
  const datePart = split?.[1] ?? '';
  const date = parseDate(datePart);
  if (!date.ok) return bad(`not a date and time: "${t}"`);
  const timePart = split?.[2]?.trim() ?? '';
  const [y, mo, d] = date.value.split('-').map(Number);
  if (timePart === '') return toDate(DateTime.fromObject({ year: y, month: mo, day: d }, { zone: timeZone }), t);
  const m = TIME.exec(timePart);
  if (!m) return bad(`not a time of day: "${timePart}"`);
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const second = Number(m[3] ?? '0');
  const meridiem = m[4]?.toLowerCase().replaceAll('.', '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return bad(`not a time of day: "${timePart}"`);
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return bad(`not a time of day: "${timePart}"`);
  const offset = m[5];
  const zone =
    offset === undefined
      ? timeZone
      : offset.toLowerCase() === 'z'
        ? 'utc'
        : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`;
  return toDate(DateTime.fromObject({ year: y, month: mo, day: d, hour, minute, second }, { zone }), t);
}

function toDate(dt: DateTime, raw: string): Parsed<Date> {
  return dt.isValid ? ok(dt.toJSDate()) : bad(`not a date and time (${dt.invalidReason ?? 'invalid'}): "${raw}"`);
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', 't', '1', 'x', 'on', 'oui', 'o']);
const FALSE_WORDS = new Set(['n', 'no', 'false', 'f', '0', 'off', 'non']);

/** Yes/no as DMSs write it: Y/N, Yes/No, True/False, 1/0, X (ticked), Oui/Non. */
export function parseBoolean(raw: string): Parsed<boolean> {
  const t = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return ok(true);
  if (FALSE_WORDS.has(t)) return ok(false);
  return bad(`not yes/no: "${raw.trim()}"`);
}

/** A whole number within [min, max]; thousands separators and spaces are ignored ('123,456 km' is not). */
export function parseInteger(raw: string, min: number, max: number): Parsed<number> {
  const t = raw.trim().replace(/[,\s]/g, '');
  if (!/^-?\d+(?:\.0+)?$/.test(t)) return bad(`not a whole number: "${raw.trim()}"`);
  const n = Number.parseInt(t, 10);
  if (n < min || n > max) return bad(`out of range ${min}..${max}: ${n}`);
  return ok(n);
}

/** An amount of money rounded to cents: '$1,234.50', '(12.00)' (negative), '-3'. */
export function parseMoney(raw: string): Parsed<number> {
  let t = raw.trim().replace(/[$,\s]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return bad(`not an amount: "${raw.trim()}"`);
  // numeric(12,2): rounding here keeps a re-import from looking like a change (12.345 would be stored 12.35).
  const n = (sign * Math.round(Number(t) * 100)) / 100;
  if (Math.abs(n) >= 1e10) return bad(`amount too large: "${raw.trim()}"`);
  return ok(n);
}

// Deliberately practical: one @, no spaces or quotes, a dotted domain with a letter TLD.
const EMAIL = /^[^\s@"(),:;<>[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/** An e-mail address with its domain lower-cased, or why it cannot be used. */
export function parseEmail(raw: string): Parsed<string> {
  const t = raw.trim();
  if (t.length > 254 || !EMAIL.test(t)) return bad(`not an e-mail address: "${t}"`);
  const at = t.lastIndexOf('@');
  return ok(t.slice(0, at + 1) + t.slice(at + 1).toLowerCase());
}

/** Lower-cased letters and digits only: the form in which codes ('No-Show', 'NO SHOW') are compared. */
export function codeKey(raw: string): string {
  return raw
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A code looked up in a table of spellings, compared with `codeKey`. */
export function parseCode<T>(raw: string, table: ReadonlyMap<string, T>, what: string): Parsed<T> {
  const v = table.get(codeKey(raw));
  return v === undefined ? bad(`unknown ${what}: "${raw.trim()}"`) : ok(v);
}

/** Builds a spelling table from `[value, [spellings...]]` pairs; the value and its spellings go through `codeKey`. */
export function spellings<T extends string>(
  table: readonly (readonly [T, readonly string[]])[],
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of table) {
    map.set(codeKey(value), value);
    for (const w of words) map.set(codeKey(w), value);
  }
  return map;
}
