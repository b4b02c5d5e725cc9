import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { normalisePhone } from '../shared/phone.ts';
import type { Language } from './merge-tags.catalogue.ts';

/** The locales messages are written in: English by the store's country, French as Quebec writes it. */
export type MessageLocale = 'en-CA' | 'en-US' | 'fr-CA';

/** The locale for a customer's language at a store in `country` (ISO 3166 alpha-2). */
export function messageLocale(language: Language, country: string): MessageLocale {
  if (language === 'fr') return 'fr-CA';
  return country.toUpperCase() === 'US' ? 'en-US' : 'en-CA';
}

/** A customer's language column ('fr', 'FR', 'fr-CA', null...) as a template language; English by default. */
export function templateLanguage(raw: string | null | undefined): Language {
  return raw && /^fr/i.test(raw.trim()) ? 'fr' : 'en';
}

export type DateStyle = 'long' | 'short';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  short: { dateStyle: 'medium' },
};
// Not timeStyle 'short': in fr-CA it pads the hour ("09 h 30"); Quebec writes "9 h 30".
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** 'YYYY-MM-DD' exactly: a calendar date, formatted as that day whatever the zone. */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NANP_E164 = /^\+1(\d{3})(\d{3})(\d{4})$/;
/** Bound on the phone memo so a long batch of distinct numbers cannot grow it without limit. */
const PHONE_MEMO_LIMIT = 10_000;

/**
 * Formats dates, times and phone numbers for one locale and time zone. Every `Intl.DateTimeFormat`
 * is built once per (locale, timeZone, style) and reused: building one costs far more than
 * formatting with it (liquidjs's own `date` filter builds one per call and is ~3× slower).
 */
export interface LocaleFormatter {
  readonly locale: MessageLocale;
  readonly timeZone: string;
  /** A date ('YYYY-MM-DD', an ISO instant, a Date or epoch ms) in words; input unchanged if unreadable. */
  date(value: unknown, style: DateStyle): string;
  /** The wall-clock time of an instant in the store's zone; input unchanged if unreadable. */
  time(value: unknown): string;
  /** A phone number as people of the locale write it; input unchanged if it is not a valid number. */
  phone(value: unknown): string;
}

/**
 * A cache of LocaleFormatters (and their Intl formatters) shared by every render of one renderer.
 * `country` is the store's country, used to read numbers written without a country code.
 */
export class FormatterCache {
  readonly #formatters = new Map<string, LocaleFormatter>();
  readonly #intl = new Map<string, Intl.DateTimeFormat>();
  readonly #phones = new Map<string, string>();

  /** The formatter for (locale, timeZone, country), built on first use. */
  get(locale: MessageLocale, timeZone: string, country: string): LocaleFormatter {
    const key = `${locale}|${timeZone}|${country}`;
    let f = this.#formatters.get(key);
    if (!f) {
      f = this.#build(locale, timeZone, country);
      this.#formatters.set(key, f);
    }
    return f;
  }

  /** Number of distinct Intl.DateTimeFormat objects built so far (for tests). */
  get intlFormatterCount(): number {
    return this.#intl.size;
  }

  #intlFormat(locale: MessageLocale, timeZone: string, style: string, options: Intl.DateTimeFormatOptions) {
    const key = `${locale}|${timeZone}|${style}`;
    let f = this.#intl.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      this.#intl.set(key, f);
    }
    return f;
  }

  #build(locale: MessageLocale, timeZone: string, country: string): LocaleFormatter {
    // Resolved lazily so that a template using only `date_long` never builds the time formatter.
    const intl = (style: string, options: Intl.DateTimeFormatOptions, zone = timeZone) =>
      this.#intlFormat(locale, zone, style, options);
    const phones = this.#phones;
    return {
      locale,
      timeZone,
      date(value, style) {
        if (typeof value === 'string') {
          const m = CALENDAR_DATE.exec(value);
          // A calendar date is the same day everywhere: format it as noon UTC in UTC.
          if (m) return intl(style, DATE_OPTIONS[style], 'UTC').format(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, 12));
        }
        const t = instant(value);
        return t === undefined ? stringOf(value) : intl(style, DATE_OPTIONS[style]).format(t);
      },
      time(value) {
        const t = instant(value);
        return t === undefined ? stringOf(value) : intl('time', TIME_OPTIONS).format(t);
      },
      phone(value) {
        if (typeof value !== 'string' || value.trim() === '') return stringOf(value);
        const key = `${locale}|${country}|${value}`;
        let s = phones.get(key);
        if (s === undefined) {
          s = formatPhone(value, locale, country);
          if (phones.size >= PHONE_MEMO_LIMIT) phones.clear();
          phones.set(key, s);
        }
        return s;
      },
    };
  }
}

/** Epoch ms of a Date, an epoch number or an ISO 8601 string with a time; undefined otherwise. */
function instant(value: unknown): number | undefined {
  let t: number;
  if (value instanceof Date) t = value.getTime();
  else if (typeof value === 'number') t = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) t = Date.parse(value);
  else return undefined;
  return Number.isFinite(t) ? t : undefined;
}

/** What a filter gives back for a value it cannot format: the value as Liquid prints it (nothing for null). */
function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * '(416) 555-0123' in English, '416 555-0123' in French (the OQLF's spacing), for North American
 * numbers; other countries' numbers in international form. Unparseable text is returned unchanged.
 */
export function formatPhone(raw: string, locale: MessageLocale, country: string): string {
  const parsed = normalisePhone(raw, country);
  if (!parsed.ok) return raw;
  const m = NANP_E164.exec(parsed.e164);
  if (m) return locale === 'fr-CA' ? `${m[1]} ${m[2]}-${m[3]}` : `(${m[1]}) ${m[2]}-${m[3]}`;
  return parsePhoneNumberFromString(parsed.e164)?.formatInternational() ?? raw;
}
