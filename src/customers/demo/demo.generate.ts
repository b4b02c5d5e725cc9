/**
 * Generates one chunk of a demo store's customers with everything that hangs off them: vehicles,
 * repair orders, appointments, deals, salesperson reassignments and sales activities. Pure: all
 * randomness comes from the seeded faker passed in and all dates are relative to `ctx.today`, so
 * the same seed and the same day give the same data.
 *
 * Rows use the canonical column names of the DMS import (see ../import/*.mapping.ts) and hold
 * text as a DMS export would write it, including the occasional broken phone number or e-mail.
 */
import type { Faker } from '@faker-js/faker';
import type { ContactMethod } from '../../db/schema.ts';
import {
  COMPANY_SUFFIXES_CA,
  COMPANY_SUFFIXES_US,
  COMPANY_TRADES,
  EMAIL_PROVIDERS,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  EN_STREET_NAMES,
  EN_STREET_SUFFIXES,
  ES_FIRST_NAMES,
  ES_LAST_NAMES,
  FR_COMPANY_TRADES,
  FR_FIRST_NAMES,
  FR_LAST_NAMES,
  FR_STREET_NAMES,
  FR_STREET_TYPES,
} from './demo.catalogue.ts';
import { customerAppointments, generateVehicle, partsVisits, salesHistory } from './demo.history.ts';
import {
  dayString,
  type CustomerCsvRow,
  type DemoChunk,
  type DemoSalesperson,
  type GenerationContext,
  type StoreCounters,
} from './demo.model.ts';
import type { DemoArea, DemoStoreProfile } from './demo.stores.ts';
import { asciiWord, badPhone, formatPhone, phoneDigits, postalCode } from './demo.values.ts';

type Culture = 'en' | 'fr' | 'es';

/** Generates `count` customers of the store, numbered from `first`, with their histories. */
export function generateChunk(
  f: Faker,
  ctx: GenerationContext,
  first: number,
  count: number,
  counters: StoreCounters,
): DemoChunk {
  const chunk: DemoChunk = {
    customers: [],
    vehicles: [],
    visits: [],
    appointments: [],
    deals: [],
    assignments: [],
    activities: [],
  };
  for (let i = first; i < first + count; i++) generateCustomer(f, ctx, i, counters, chunk);
  return chunk;
}

/** The DMS customer number of the store's i-th demo customer. */
export const customerNumber = (i: number): string => String(100_001 + i);

function generateCustomer(
  f: Faker,
  ctx: GenerationContext,
  index: number,
  counters: StoreCounters,
  out: DemoChunk,
): void {
  const { profile, today } = ctx;
  const num = customerNumber(index);
  const fleet = f.number.float() < 0.05;
  const prospect = !fleet && f.number.float() < 0.05;

  const r = f.number.float();
  const culture: Culture =
    r < profile.frenchShare ? 'fr' : r < profile.frenchShare + profile.spanishShare ? 'es' : 'en';
  // English-speaking Quebecers often carry French names; the file's language is what they chose.
  const nameCulture: Culture =
    culture === 'en' && profile.streetStyle === 'fr' && f.number.float() < 0.45 ? 'fr' : culture;
  const language = culture === 'fr' ? 'fr' : culture === 'es' ? 'es' : f.number.float() < 0.2 ? 'en' : null;

  const firstName = pickFirst(f, nameCulture);
  const lastName = pickLast(f, nameCulture);
  const area = f.helpers.arrayElement(profile.areas);
  const companyName = fleet ? company(f, profile, area, lastName) : null;

  const phones = customerPhones(f, area, fleet);
  const email = f.number.float() < (fleet ? 0.85 : 0.75) ? emailFor(f, firstName, lastName, companyName) : null;
  const activity = f.number.float();
  // Active customers come back until today; lapsed ones stopped 9 to 30 months ago; "dead" ones longer ago.
  const stopDay =
    activity < 0.68
      ? today
      : activity < 0.88
        ? today - f.number.int({ min: 270, max: 900 })
        : today - f.number.int({ min: 900, max: 1500 });

  const customer: CustomerCsvRow = {
    dms_customer_number: num,
    customer_type: fleet ? 'fleet' : 'retail',
    is_prospect: prospect,
    prospect_entered_by: null,
    name: companyName,
    first_name: fleet ? null : firstName,
    last_name: fleet ? null : lastName,
    other_name: null,
    contact_name: null,
    mailing_name: null,
    date_of_birth: null,
    ...address(f, profile, area, nameCulture),
    ...phones,
    email,
    language,
    day_preference: f.number.float() < 0.35 ? (f.number.float() < 0.6 ? 'day' : 'late_day') : null,
    likely_to_buy: f.number.float() < (prospect ? 0.6 : 0.12) ? f.number.int({ min: 1, max: 3 }) : null,
    star_rating: f.number.float() < 0.2 ? f.helpers.weightedArrayElement(STAR_WEIGHTS) : null,
    inquired: f.number.float() < 0.1,
    eservice_user: email !== null && f.number.float() < 0.28,
    preferred_contact_method: null,
    last_verified_at:
      f.number.float() < 0.45
        ? new Date(ctx.now.getTime() - f.number.int({ min: 1, max: 900 * 24 }) * 3_600_000).toISOString()
        : null,
  };
  nameDetails(f, customer, nameCulture, firstName, lastName, today);
  if (f.number.float() < 0.18) customer.preferred_contact_method = preferredMethod(f, customer);
  out.customers.push(customer);

  const vehicleCount = prospect
    ? f.number.float() < 0.35
      ? 1
      : 0
    : fleet
      ? f.number.int({ min: 3, max: 9 })
      : f.helpers.weightedArrayElement(VEHICLE_COUNTS);
  const vins: string[] = [];
  const firstDeal = out.deals.length;
  for (let v = 0; v < vehicleCount; v++) {
    const vin = generateVehicle(f, ctx, num, fleet, prospect, stopDay, counters, out);
    vins.push(vin);
  }

  if (!prospect && vins.length > 0) {
    customerAppointments(f, ctx, num, vins, stopDay, counters, out);
    if (f.number.float() < 0.05) partsVisits(f, ctx, num, vins, counters, out);
  }
  salesHistory(f, ctx, customer, prospect, out.deals.slice(firstDeal), out);
}

const STAR_WEIGHTS = [
  { weight: 1, value: 2 },
  { weight: 1, value: 4 },
  { weight: 2, value: 5 },
  { weight: 3, value: 6 },
  { weight: 5, value: 7 },
  { weight: 6, value: 8 },
  { weight: 4, value: 9 },
  { weight: 3, value: 10 },
];
const VEHICLE_COUNTS = [
  { weight: 55, value: 1 },
  { weight: 32, value: 2 },
  { weight: 13, value: 3 },
];

function pickFirst(f: Faker, c: Culture): string {
  return f.helpers.arrayElement(c === 'fr' ? FR_FIRST_NAMES : c === 'es' ? ES_FIRST_NAMES : EN_FIRST_NAMES);
}
function pickLast(f: Faker, c: Culture): string {
  return f.helpers.arrayElement(c === 'fr' ? FR_LAST_NAMES : c === 'es' ? ES_LAST_NAMES : EN_LAST_NAMES);
}

function company(f: Faker, profile: DemoStoreProfile, area: DemoArea, lastName: string): string {
  if (profile.streetStyle === 'fr' && f.number.float() < 0.6) {
    return f.datatype.boolean()
      ? `${f.helpers.arrayElement(FR_COMPANY_TRADES)} ${lastName} inc.`
      : `Les Entreprises ${lastName} inc.`;
  }
  const suffix = f.helpers.arrayElement(profile.country === 'US' ? COMPANY_SUFFIXES_US : COMPANY_SUFFIXES_CA);
  const base = f.datatype.boolean()
    ? `${lastName} ${f.helpers.arrayElement(COMPANY_TRADES)}`
    : `${area.city} ${f.helpers.arrayElement(COMPANY_TRADES)}`;
  return suffix ? `${base} ${suffix}` : base;
}

function address(f: Faker, profile: DemoStoreProfile, area: DemoArea, culture: Culture) {
  const number = f.number.int({ min: 1, max: f.number.float() < 0.7 ? 999 : 24_999 });
  const line1 =
    profile.streetStyle === 'fr'
      ? `${number}, ${f.helpers.arrayElement(FR_STREET_TYPES)} ${f.helpers.arrayElement(FR_STREET_NAMES)}`
      : `${number} ${f.helpers.arrayElement(EN_STREET_NAMES)} ${f.helpers.arrayElement(EN_STREET_SUFFIXES)}`;
  const unit = f.number.int({ min: 101, max: 2405 });
  const line2 =
    f.number.float() < 0.12
      ? culture === 'fr'
        ? `app. ${unit}`
        : f.datatype.boolean()
          ? `Unit ${unit}`
          : `Apt ${unit}`
      : null;
  return {
    address_line1: line1,
    address_line2: line2,
    city: area.city,
    region: profile.region,
    postal_code: postalCode(f, f.helpers.arrayElement(area.postal)),
    country: profile.country,
  };
}

/** Home, work and cell numbers; about 2% of customers have one that a DMS user mistyped. */
function customerPhones(
  f: Faker,
  area: DemoArea,
  fleet: boolean,
): Pick<CustomerCsvRow, 'home_phone' | 'work_phone' | 'cell_phone'> {
  const num = () => formatPhone(f, phoneDigits(f, f.helpers.arrayElement(area.areaCodes)));
  const phones: Pick<CustomerCsvRow, 'home_phone' | 'work_phone' | 'cell_phone'> = {
    home_phone: f.number.float() < (fleet ? 0.1 : 0.45) ? num() : null,
    work_phone: f.number.float() < (fleet ? 0.9 : 0.18) ? num() : null,
    cell_phone: f.number.float() < 0.82 ? num() : null,
  };
  if (f.number.float() < 0.02) {
    const field = f.helpers.arrayElement(['home_phone', 'work_phone', 'cell_phone'] as const);
    phones[field] = badPhone(f, f.helpers.arrayElement(area.areaCodes));
  }
  return phones;
}

function emailFor(f: Faker, first: string, last: string, companyName: string | null): string {
  const a = asciiWord(first);
  const b = asciiWord(last);
  const provider = companyName
    ? `${asciiWord(companyName).slice(0, 20)}.example`
    : f.helpers.arrayElement(EMAIL_PROVIDERS);
  let local: string;
  switch (f.number.int(4)) {
    case 0:
      local = `${a}.${b}`;
      break;
    case 1:
      local = `${a.charAt(0)}${b}`;
      break;
    case 2:
      local = `${a}${b}${f.number.int({ min: 1, max: 99 })}`;
      break;
    case 3:
      local = `${b}.${a}`;
      break;
    default:
      local = `${a}_${b}${f.number.int({ min: 60, max: 99 })}`;
  }
  if (companyName && f.datatype.boolean()) local = f.helpers.arrayElement(['info', 'fleet', 'office', 'accounts']);
  const email = `${local}@${provider}`;
  if (f.number.float() < 0.015) {
    // What reaches a DMS: no TLD, a doubled @, a space, a placeholder.
    switch (f.number.int(3)) {
      case 0:
        return email.replace(/\.[a-z]+$/, '');
      case 1:
        return email.replace('@', '@@');
      case 2:
        return `${a} ${b}@${provider}`;
      default:
        return 'none';
    }
  }
  return email;
}

function nameDetails(f: Faker, c: CustomerCsvRow, culture: Culture, first: string, last: string, today: number): void {
  if (c.customer_type === 'fleet') {
    c.contact_name = `${first} ${last}`;
    c.mailing_name = c.name;
    if (f.number.float() < 0.25) c.other_name = culture === 'fr' ? `Flotte ${last}` : `${last} Fleet Services`;
    return;
  }
  const and = culture === 'fr' ? 'et' : culture === 'es' ? 'y' : '&';
  const spouse = pickFirst(f, culture);
  const m = f.number.float();
  c.mailing_name =
    m < 0.7 ? `${first} ${last}` : m < 0.85 ? `${first} ${and} ${spouse} ${last}` : m < 0.9 ? `${last} Family` : null;
  if (culture === 'fr' && c.mailing_name === `${last} Family`) c.mailing_name = `Famille ${last}`;
  if (f.number.float() < 0.08) c.other_name = `${spouse} ${f.number.float() < 0.5 ? last : pickLast(f, culture)}`;
  if (f.number.float() < 0.04) {
    const rel =
      culture === 'fr'
        ? f.helpers.arrayElement(['fils', 'fille', 'conjoint'])
        : f.helpers.arrayElement(['son', 'daughter', 'spouse', 'POA']);
    c.contact_name = `${pickFirst(f, culture)} ${last} (${rel})`;
  }
  if (f.number.float() < 0.7) {
    const ageDays = f.number.int({ min: 19 * 365, max: 88 * 365 });
    c.date_of_birth = dayString(today - ageDays);
  }
}

function preferredMethod(f: Faker, c: CustomerCsvRow): ContactMethod {
  const options: ContactMethod[] = ['mail'];
  if (c.email) options.push('email', 'email');
  if (c.cell_phone) options.push('cell_phone', 'cell_phone');
  if (c.home_phone) options.push('home_phone');
  if (c.work_phone) options.push('work_phone');
  return f.helpers.arrayElement(options);
}

/**
 * The store's sales staff: 5 to 8 people, one or two of whom have left (their customers are
 * reassigned). Names are unique within the store.
 */
export function generateSalespeople(f: Faker, profile: DemoStoreProfile, today: number): DemoSalesperson[] {
  const count = f.number.int({ min: 5, max: 8 });
  const leavers = f.number.int({ min: 1, max: 2 });
  const names = new Set<string>();
  while (names.size < count) {
    const culture: Culture =
      profile.streetStyle === 'fr' && f.number.float() < 0.7
        ? 'fr'
        : profile.spanishShare > 0.1 && f.number.float() < 0.3
          ? 'es'
          : 'en';
    names.add(`${pickFirst(f, culture)} ${pickLast(f, culture)}`);
  }
  return [...names].map((name, i) => {
    if (i < leavers) {
      const leftDay = today - f.number.int({ min: 60, max: 900 });
      return { name, hiredDay: leftDay - f.number.int({ min: 400, max: 3000 }), leftDay };
    }
    return { name, hiredDay: today - f.number.int({ min: 120, max: 5000 }), leftDay: null };
  });
}
