import type {
  AppointmentStatus,
  ContactMethod,
  CustomerType,
  DayPreference,
  Department,
  SaleType,
} from '../../db/schema.ts';
import { codeKey, spellings, type Parsed } from './values.rules.ts';

/** The spellings of each code DMS exports use, compared without case or punctuation. */
export const CUSTOMER_TYPES = spellings<CustomerType>([
  ['retail', ['r', 'individual', 'i', 'person', 'private', 'p']],
  ['fleet', ['f', 'commercial', 'c', 'business', 'b', 'company', 'corporate']],
]);

export const DAY_PREFERENCES = spellings<DayPreference>([
  ['day', ['d', 'daytime', 'days', 'morning', 'am', 'jour']],
  ['late_day', ['l', 'late', 'evening', 'evenings', 'e', 'pm', 'night', 'soir', 'afternoon']],
]);

export const CONTACT_METHODS = spellings<ContactMethod>([
  ['mail', ['letter', 'post', 'postal', 'm', 'mailing', 'courrier']],
  ['home_phone', ['home', 'h', 'phone', 'homephone', 'telephone', 'tel']],
  ['work_phone', ['work', 'w', 'business', 'office', 'workphone', 'bus']],
  ['cell_phone', ['cell', 'c', 'mobile', 'cellphone', 'sms', 'text', 'cellular']],
  ['email', ['e-mail', 'e', 'courriel', 'electronic']],
]);

export const DEPARTMENTS = spellings<Department>([
  ['service', ['s', 'svc', 'sv', 'ser', 'serv', 'shop', 'mechanical', 'maintenance', 'warranty', 'w']],
  ['body_shop', ['b', 'bodyshop', 'body shop', 'body', 'bs', 'collision', 'carrosserie']],
  ['parts', ['p', 'pt', 'pts', 'part', 'counter', 'pieces']],
  ['sales', ['sale', 'sl', 'v', 'vente', 'ventes']],
  ['other', ['o', 'oth', 'misc', 'internal', 'i']],
]);

export const APPOINTMENT_STATUSES = spellings<AppointmentStatus>([
  ['scheduled', ['s', 'sched', 'booked', 'open', 'pending', 'confirmed', 'active', 'new', 'planned']],
  ['completed', ['c', 'complete', 'done', 'closed', 'arrived', 'shown', 'show', 'kept', 'finished']],
  ['no_show', ['ns', 'noshow', 'no-show', 'no show', 'missed', 'n', 'didnotshow', 'dns']],
  ['cancelled', ['x', 'canceled', 'cancel', 'cancelled', 'cxl', 'cx', 'void', 'deleted']],
]);

export const SALE_TYPES = spellings<SaleType>([
  ['new', ['n', 'neuf', 'new vehicle']],
  ['used', ['u', 'preowned', 'pre-owned', 'cpo', 'certified', 'usage', 'occasion']],
  ['lease', ['l', 'leased', 'location', 'lse']],
]);

const LANGUAGES = spellings<string>([
  ['en', ['english', 'eng', 'anglais', 'e']],
  ['fr', ['french', 'fre', 'fra', 'francais', 'français', 'f']],
  ['es', ['spanish', 'spa', 'espanol', 'español', 'espagnol']],
]);

/** A language as a lower-case ISO 639 code; names and 3-letter codes we know are translated. */
export function parseLanguage(raw: string): Parsed<string> {
  const known = LANGUAGES.get(codeKey(raw));
  if (known) return { ok: true, value: known };
  const t = raw.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(t) ? { ok: true, value: t } : { ok: false, reason: `unknown language: "${raw.trim()}"` };
}

const COUNTRIES = spellings<string>([
  ['CA', ['canada', 'can']],
  ['US', ['usa', 'unitedstates', 'unitedstatesofamerica', 'etatsunis', 'america']],
  ['MX', ['mexico', 'mex']],
  ['FR', ['france', 'fra']],
  ['GB', ['uk', 'unitedkingdom', 'greatbritain', 'england']],
]);

/** A country as ISO 3166 alpha-2 (the column is char(2)). */
export function parseCountry(raw: string): Parsed<string> {
  const known = COUNTRIES.get(codeKey(raw));
  if (known) return { ok: true, value: known };
  const t = raw.trim();
  return /^[a-z]{2}$/i.test(t)
    ? { ok: true, value: t.toUpperCase() }
    : { ok: false, reason: `not a 2-letter country code: "${t}"` };
}
