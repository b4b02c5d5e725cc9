import type { ContactMethod, CustomerType, DateString, DayPreference } from '../../db/schema.ts';
import { normalisePhone } from '../../shared/phone.ts';
import { CONTACT_METHODS, CUSTOMER_TYPES, DAY_PREFERENCES, parseCountry, parseLanguage } from './codes.rules.ts';
import { readConsents, type ImportedConsent } from './consent-import.rules.ts';
import type { CustomerField } from './customers.mapping.ts';
import { RowReader, type RawRow, type RowContext, type RowOutcome } from './row.rules.ts';
import {
  parseBoolean,
  parseCode,
  parseDate,
  parseDateTime,
  parseEmail,
  parseInteger,
  type Parsed,
} from './values.rules.ts';

/**
 * A customer as imported. Every column but the key is `undefined` when the file has no column
 * for it (the stored value is then left alone) and null when the cell is blank or was dropped.
 */
export interface CustomerRow {
  dms_customer_number: string;
  customer_type?: CustomerType;
  is_prospect?: boolean;
  prospect_entered_by?: string | null;
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  other_name?: string | null;
  contact_name?: string | null;
  mailing_name?: string | null;
  address_to?: string | null;
  date_of_birth?: DateString | null;
  address_line1?: string | null;
  address_line2?: string | null;
  city?: string | null;
  region?: string | null;
  postal_code?: string | null;
  country?: string | null;
  home_phone?: string | null;
  work_phone?: string | null;
  cell_phone?: string | null;
  email?: string | null;
  language?: string | null;
  day_preference?: DayPreference | null;
  likely_to_buy?: number | null;
  star_rating?: number | null;
  last_verified_at?: Date | null;
  preferred_contact_method?: ContactMethod | null;
  inquired?: boolean;
  eservice_user?: boolean;
  /**
   * Flags and contact-method switches: undefined when the file has no column, null when the cell
   * is blank or unreadable; in both cases the stored value is left alone.
   */
  do_not_mail?: boolean | null;
  casl_opt_out?: boolean | null;
  mail_on?: boolean | null;
  home_phone_on?: boolean | null;
  work_phone_on?: boolean | null;
  cell_phone_on?: boolean | null;
  email_on?: boolean | null;
  /** Marketing consents the file states, one per channel at most (recorded in the consent ledger). */
  consents: ImportedConsent[];
}

/** A switch read from a positive column ("Cell OK") and/or an inverted one ("Do Not Call Cell"). */
function readSwitch(r: RowReader<CustomerField>, on: CustomerField, off: CustomerField): boolean | null | undefined {
  const yes = r.optional(on, parseBoolean);
  const no = r.optional(off, parseBoolean);
  if (yes === undefined && no === undefined) return undefined;
  const fromOff = no === undefined || no === null ? no : !no;
  if (yes === undefined || yes === null) return fromOff ?? null;
  if (fromOff !== undefined && fromOff !== null && fromOff !== yes) {
    r.warn(on, `contradicts the ${off} column: left unchanged`);
    return null;
  }
  return yes;
}

/** Strips spaces inside DMS numbers ('12 345') so one customer is not two; case is kept. */
export function dmsNumber(raw: string): Parsed<string> {
  const t = raw.replace(/\s+/g, '');
  return t === '' ? { ok: false, reason: 'blank' } : { ok: true, value: t };
}

/**
 * Reads one customers record. Only a missing customer number refuses the row; an unreadable
 * phone, e-mail, date, code, flag or consent is dropped with a warning so the rest of the
 * customer is kept.
 */
export function readCustomer(raw: RawRow<CustomerField>, ctx: RowContext): RowOutcome<CustomerRow> {
  const r = new RowReader(raw);
  const phone = (s: string) => {
    const p = normalisePhone(s, ctx.country);
    return p.ok ? { ok: true as const, value: p.e164 } : p;
  };
  const row: CustomerRow = {
    dms_customer_number: r.required('dms_customer_number', dmsNumber, ''),
    customer_type: r.withDefault('customer_type', (s) => parseCode(s, CUSTOMER_TYPES, 'customer type'), 'retail'),
    is_prospect: r.withDefault('is_prospect', parseBoolean, false),
    prospect_entered_by: r.text('prospect_entered_by'),
    name: r.text('name'),
    first_name: r.text('first_name'),
    last_name: r.text('last_name'),
    other_name: r.text('other_name'),
    contact_name: r.text('contact_name'),
    mailing_name: r.text('mailing_name'),
    address_to: r.text('address_to'),
    date_of_birth: r.optional('date_of_birth', parseDate),
    address_line1: r.text('address_line1'),
    address_line2: r.text('address_line2'),
    city: r.text('city'),
    region: r.text('region'),
    postal_code: r.optional('postal_code', (s) => ({ ok: true, value: s.toUpperCase() })),
    country: r.optional('country', parseCountry),
    home_phone: r.optional('home_phone', phone),
    work_phone: r.optional('work_phone', phone),
    cell_phone: r.optional('cell_phone', phone),
    email: r.optional('email', parseEmail),
    language: r.optional('language', parseLanguage),
    day_preference: r.optional('day_preference', (s) => parseCode(s, DAY_PREFERENCES, 'day preference')),
    likely_to_buy: r.optional('likely_to_buy', (s) => parseInteger(s, 1, 3)),
    star_rating: r.optional('star_rating', (s) => parseInteger(s, 0, 10)),
    last_verified_at: r.optional('last_verified_at', (s) => parseDateTime(s, ctx.timeZone)),
    preferred_contact_method: r.optional('preferred_contact_method', (s) =>
      parseCode(s, CONTACT_METHODS, 'contact method'),
    ),
    inquired: r.withDefault('inquired', parseBoolean, false),
    eservice_user: r.withDefault('eservice_user', parseBoolean, false),
    do_not_mail: r.optional('do_not_mail', parseBoolean),
    casl_opt_out: r.optional('casl_opt_out', parseBoolean),
    mail_on: r.optional('mail_on', parseBoolean),
    home_phone_on: readSwitch(r, 'home_phone_on', 'home_phone_off'),
    work_phone_on: readSwitch(r, 'work_phone_on', 'work_phone_off'),
    cell_phone_on: readSwitch(r, 'cell_phone_on', 'cell_phone_off'),
    email_on: readSwitch(r, 'email_on', 'email_off'),
    consents: readConsents(r, ctx.timeZone, ctx.headers ?? new Map()),
  };
  return r.done(row);
}
