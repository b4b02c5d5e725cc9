import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/min/metadata';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * A phone number as E.164 ('+14165550123'), read the way a person in `country` (ISO 3166 alpha-2,
 * the store's country) would dial it; numbers written with a leading '+' keep their own country.
 * Refuses numbers libphonenumber does not consider valid for their country, so a mistyped area
 * code is dropped rather than texted. Pure.
 *
 * North American numbers in the plain forms DMSs write ('(416) 967-1111', '1-416-967-1111',
 * '+1 416 967 1111') take a fast path that gives exactly libphonenumber's answer for valid numbers
 * (see `nanpE164`); anything else, and every number the fast path does not accept, goes through
 * libphonenumber, which also words the reasons.
 */
export function normalisePhone(raw: string, country: string): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty phone number' };
  const region = country.toUpperCase();
  const fast = nanpE164(text, region);
  if (fast !== undefined) return { ok: true, e164: fast };
  // An unknown default country would make every national number unparseable; treat it as none.
  const parsed = isSupportedCountry(region)
    ? parsePhoneNumberFromString(text, { defaultCountry: region })
    : parsePhoneNumberFromString(text);
  if (!parsed) return { ok: false, reason: `not a phone number: "${text}"` };
  if (!parsed.isValid())
    return { ok: false, reason: `not a valid ${parsed.country ?? region} phone number: "${text}"` };
  return { ok: true, e164: parsed.number };
}

/** One NANP country's numbering plan, with libphonenumber's patterns compiled once. */
interface NanpPlan {
  /** Leading digits that claim a number for this country outright (Dominican Republic: 809, 829, 849...). */
  leading: RegExp | undefined;
  national: RegExp;
  /** Fixed line, mobile, toll free...: undefined when the metadata has none for this country. */
  types: { pattern: RegExp; lengths: readonly number[] }[] | undefined;
}

const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const isLengths = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');

/**
 * The plans of the countries sharing calling code 1, in libphonenumber's order (US first), read from
 * its "min" metadata (format version 4: [0] calling code, [2] national pattern, [3] possible
 * lengths, [10] leading digits, [11] types, each [pattern, lengths?]). Undefined (no fast path)
 * if the metadata is not in the shape this code understands.
 */
function nanpPlans(): NanpPlan[] | undefined {
  if (metadata.version !== 4) return undefined;
  const plans: NanpPlan[] = [];
  for (const code of metadata.country_calling_codes['1'] ?? []) {
    const m: unknown = metadata.countries[code];
    if (!Array.isArray(m) || m[0] !== '1' || typeof m[2] !== 'string' || !isLengths(m[3])) return undefined;
    const possible = m[3];
    const leading: unknown = m[10];
    const types: unknown = m[11];
    if (leading && typeof leading !== 'string') return undefined;
    let compiled: NanpPlan['types'];
    if (types) {
      if (!Array.isArray(types)) return undefined;
      compiled = [];
      for (const t of types) {
        if (!t) continue;
        if (!Array.isArray(t) || typeof t[0] !== 'string' || (t[1] && !isLengths(t[1]))) return undefined;
        // An empty pattern stands for "same as fixed line" and never matches by itself.
        if (t[0] !== '') compiled.push({ pattern: anchored(t[0]), lengths: isLengths(t[1]) ? t[1] : possible });
      }
    }
    plans.push({
      leading: typeof leading === 'string' && leading !== '' ? new RegExp(leading) : undefined,
      national: anchored(m[2]),
      types: compiled,
    });
  }
  return plans.length > 0 ? plans : undefined;
}

const NANP = nanpPlans();

/** libphonenumber's getNumberType(...) !== undefined for this plan. */
function hasType(plan: NanpPlan, n: string): boolean {
  if (!plan.types || !plan.national.test(n)) return false;
  for (const t of plan.types) if (t.lengths.includes(n.length) && t.pattern.test(n)) return true;
  return false;
}

/**
 * Whether libphonenumber finds the 10-digit national number `n` of calling code 1 valid: the first
 * country whose leading digits match, or whose types match, claims it (getCountryByNationalNumber),
 * and the number is valid if it is valid for that country (isValidNumber). Only `true` matters:
 * `false` sends the number to libphonenumber itself.
 */
function nanpValid(plans: readonly NanpPlan[], n: string): boolean {
  for (const plan of plans) {
    if (plan.leading) {
      if (n.search(plan.leading) === 0) return plan.types ? hasType(plan, n) : plan.national.test(n);
    } else if (hasType(plan, n)) return true;
  }
  return false;
}

// Digits with the separators DMSs use; anything else (letters, extensions, '/', '#') goes the long way.
const PLAIN = /^\+?[0-9 ().-]{10,40}$/;
const SEPARATORS = /[ ().-]/g;

/**
 * The E.164 form of a valid North American number written plainly: '+1' and 10 digits in any
 * country, or 10 digits (11 with the trunk prefix 1) when the store is in Canada or the US.
 * Undefined when the text is not of that shape or the number is not valid: the caller then asks
 * libphonenumber, so this only ever answers what libphonenumber would.
 */
export function nanpE164(text: string, region: string): string | undefined {
  if (!NANP || !PLAIN.test(text)) return undefined;
  const digits = text.replace(SEPARATORS, '');
  let n: string;
  if (digits.charCodeAt(0) === 43 /* + */) {
    if (digits.length !== 12 || digits.charCodeAt(1) !== 49 /* 1 */) return undefined;
    n = digits.slice(2);
  } else {
    if (region !== 'CA' && region !== 'US') return undefined;
    if (digits.length === 10) n = digits;
    else if (digits.length === 11 && digits.charCodeAt(0) === 49) n = digits.slice(1);
    else return undefined;
  }
  // Area code and exchange start with 2-9; the patterns say so too, but this skips them cheaply.
  if (n.charCodeAt(0) < 50 || n.charCodeAt(3) < 50) return undefined;
  return nanpValid(NANP, n) ? `+1${n}` : undefined;
}
