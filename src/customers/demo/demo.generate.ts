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
import { DateTime } from 'luxon';
import type { AppointmentStatus, ContactMethod, DayPreference, Department, SaleType } from '../../db/schema.ts';
import {
  BODY_SHOP_JOBS,
  COMPANY_SUFFIXES_CA,
  COMPANY_SUFFIXES_US,
  COMPANY_TRADES,
  DEFERRED_ITEMS,
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
  MAKES,
  PARTS_SALES,
  SALES_ACTIVITIES,
  SERVICE_JOBS,
  TIRE_CHANGEOVER,
  type MakeSpec,
  type ModelSpec,
  type ServiceJob,
} from './demo.catalogue.ts';
import type { DemoArea, DemoStoreProfile } from './demo.stores.ts';
import { asciiWord, badPhone, formatPhone, makeVin, phoneDigits, plate, postalCode } from './demo.values.ts';

/** A cell of a CSV row: text as written, a number, a yes/no, or blank. */
export type Cell = string | number | boolean | null;

export interface CustomerCsvRow {
  dms_customer_number: string;
  customer_type: 'retail' | 'fleet';
  is_prospect: boolean;
  prospect_entered_by: string | null;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  other_name: string | null;
  contact_name: string | null;
  mailing_name: string | null;
  date_of_birth: string | null;
  address_line1: string;
  address_line2: string | null;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  home_phone: string | null;
  work_phone: string | null;
  cell_phone: string | null;
  email: string | null;
  language: string | null;
  day_preference: DayPreference | null;
  likely_to_buy: number | null;
  star_rating: number | null;
  inquired: boolean;
  eservice_user: boolean;
  preferred_contact_method: ContactMethod | null;
  last_verified_at: string | null;
}

export interface VehicleCsvRow {
  vin: string;
  dms_customer_number: string;
  year: number;
  make: string;
  model: string;
  sub_model: string;
  engine: string;
  plate: string | null;
  plate_region: string | null;
  odometer: number;
}

export interface VisitCsvRow {
  ro_number: string;
  dms_customer_number: string;
  vin: string | null;
  visit_date: string;
  department: Department;
  odometer: number | null;
  labour_total: string;
  parts_total: string;
  description: string;
  /** Items separated by '|'. */
  deferred_items: string;
}

export interface AppointmentCsvRow {
  dms_appointment_number: string;
  dms_customer_number: string;
  vin: string | null;
  /** ISO 8601 with the store's offset. */
  scheduled_at: string;
  status: AppointmentStatus;
  notes: string | null;
}

export interface DealCsvRow {
  deal_number: string;
  dms_customer_number: string;
  vin: string;
  sold_on: string;
  salesperson: string;
  sale_type: SaleType;
}

/** Rows with no import kind, inserted directly by name after the customers are in. */
export interface AssignmentRow {
  dms_customer_number: string;
  salesperson: string;
  assigned_on: string;
}

export interface ActivityRow {
  dms_customer_number: string;
  salesperson: string;
  activity_on: string;
  kind: string;
  notes: string;
}

export interface DemoChunk {
  customers: CustomerCsvRow[];
  vehicles: VehicleCsvRow[];
  visits: VisitCsvRow[];
  appointments: AppointmentCsvRow[];
  deals: DealCsvRow[];
  assignments: AssignmentRow[];
  activities: ActivityRow[];
}

export interface DemoSalesperson {
  name: string;
  /** Epoch days (days since 1970-01-01) in the store's calendar. */
  hiredDay: number;
  leftDay: number | null;
}

export interface GenerationContext {
  profile: DemoStoreProfile;
  salespeople: readonly DemoSalesperson[];
  /** Today in the store's zone, as an epoch day. */
  today: number;
  now: Date;
}

/** Running numbers of a store, carried from chunk to chunk so RO, deal and appointment numbers stay unique. */
export interface StoreCounters {
  vehicles: number;
  repairOrders: number;
  appointments: number;
  deals: number;
}

export const newCounters = (): StoreCounters => ({ vehicles: 0, repairOrders: 0, appointments: 0, deals: 0 });

const DAY_MS = 86_400_000;
/** How far back repair orders go. */
const HISTORY_DAYS = 4 * 365;

/** The calendar day of `now` in `zone`, as days since 1970-01-01. */
export function epochDayIn(now: Date, zone: string): number {
  const local = DateTime.fromJSDate(now, { zone });
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: number): number => (day + 4) % 7; // 0 = Sunday
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
const monthOf = (day: number): number => new Date(day * DAY_MS).getUTCMonth() + 1;
const firstDayOf = (year: number, month: number): number => Math.round(Date.UTC(year, month - 1, 1) / DAY_MS);
/** Moves a Sunday to the Monday: the shop is closed. */
const openDay = (day: number): number => (weekday(day) === 0 ? day + 1 : day);
const money = (n: number): string => n.toFixed(2);

type Culture = 'en' | 'fr' | 'es';

/** Generates `count` customers of the store, numbered from `first`, with their histories. */
export function generateChunk(f: Faker, ctx: GenerationContext, first: number, count: number, counters: StoreCounters): DemoChunk {
  const chunk: DemoChunk = { customers: [], vehicles: [], visits: [], appointments: [], deals: [], assignments: [], activities: [] };
  for (let i = first; i < first + count; i++) generateCustomer(f, ctx, i, counters, chunk);
  return chunk;
}

/** The DMS customer number of the store's i-th demo customer. */
export const customerNumber = (i: number): string => String(100_001 + i);

function generateCustomer(f: Faker, ctx: GenerationContext, index: number, counters: StoreCounters, out: DemoChunk): void {
  const { profile, today } = ctx;
  const num = customerNumber(index);
  const fleet = f.number.float() < 0.05;
  const prospect = !fleet && f.number.float() < 0.05;

  const r = f.number.float();
  const culture: Culture = r < profile.frenchShare ? 'fr' : r < profile.frenchShare + profile.spanishShare ? 'es' : 'en';
  // English-speaking Quebecers often carry French names; the file's language is what they chose.
  const nameCulture: Culture = culture === 'en' && profile.streetStyle === 'fr' && f.number.float() < 0.45 ? 'fr' : culture;
  const language = culture === 'fr' ? 'fr' : culture === 'es' ? 'es' : f.number.float() < 0.2 ? 'en' : null;

  const firstName = pickFirst(f, nameCulture);
  const lastName = pickLast(f, nameCulture);
  const area = f.helpers.arrayElement(profile.areas);
  const companyName = fleet ? company(f, profile, area, lastName) : null;

  const phones = customerPhones(f, area, fleet);
  const email = f.number.float() < (fleet ? 0.85 : 0.75) ? emailFor(f, firstName, lastName, companyName) : null;
  const activity = f.number.float();
  // Active customers come back until today; lapsed ones stopped 9 to 30 months ago; "dead" ones longer ago.
  const stopDay = activity < 0.68 ? today : activity < 0.88 ? today - f.number.int({ min: 270, max: 900 }) : today - f.number.int({ min: 900, max: 1500 });

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
    last_verified_at: f.number.float() < 0.45 ? new Date(ctx.now.getTime() - f.number.int({ min: 1, max: 900 * 24 }) * 3_600_000).toISOString() : null,
  };
  nameDetails(f, customer, nameCulture, firstName, lastName, today);
  if (f.number.float() < 0.18) customer.preferred_contact_method = preferredMethod(f, customer);
  out.customers.push(customer);

  const vehicleCount = prospect ? (f.number.float() < 0.35 ? 1 : 0) : fleet ? f.number.int({ min: 3, max: 9 }) : f.helpers.weightedArrayElement(VEHICLE_COUNTS);
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
    return f.datatype.boolean() ? `${f.helpers.arrayElement(FR_COMPANY_TRADES)} ${lastName} inc.` : `Les Entreprises ${lastName} inc.`;
  }
  const suffix = f.helpers.arrayElement(profile.country === 'US' ? COMPANY_SUFFIXES_US : COMPANY_SUFFIXES_CA);
  const base = f.datatype.boolean() ? `${lastName} ${f.helpers.arrayElement(COMPANY_TRADES)}` : `${area.city} ${f.helpers.arrayElement(COMPANY_TRADES)}`;
  return suffix ? `${base} ${suffix}` : base;
}

function address(f: Faker, profile: DemoStoreProfile, area: DemoArea, culture: Culture) {
  const number = f.number.int({ min: 1, max: f.number.float() < 0.7 ? 999 : 24_999 });
  const line1 =
    profile.streetStyle === 'fr'
      ? `${number}, ${f.helpers.arrayElement(FR_STREET_TYPES)} ${f.helpers.arrayElement(FR_STREET_NAMES)}`
      : `${number} ${f.helpers.arrayElement(EN_STREET_NAMES)} ${f.helpers.arrayElement(EN_STREET_SUFFIXES)}`;
  const unit = f.number.int({ min: 101, max: 2405 });
  const line2 = f.number.float() < 0.12 ? (culture === 'fr' ? `app. ${unit}` : f.datatype.boolean() ? `Unit ${unit}` : `Apt ${unit}`) : null;
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
function customerPhones(f: Faker, area: DemoArea, fleet: boolean): Pick<CustomerCsvRow, 'home_phone' | 'work_phone' | 'cell_phone'> {
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
  const provider = companyName ? `${asciiWord(companyName).slice(0, 20)}.example` : f.helpers.arrayElement(EMAIL_PROVIDERS);
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
  c.mailing_name = m < 0.7 ? `${first} ${last}` : m < 0.85 ? `${first} ${and} ${spouse} ${last}` : m < 0.9 ? `${last} Family` : null;
  if (culture === 'fr' && c.mailing_name === `${last} Family`) c.mailing_name = `Famille ${last}`;
  if (f.number.float() < 0.08) c.other_name = `${spouse} ${f.number.float() < 0.5 ? last : pickLast(f, culture)}`;
  if (f.number.float() < 0.04) {
    const rel = culture === 'fr' ? f.helpers.arrayElement(['fils', 'fille', 'conjoint']) : f.helpers.arrayElement(['son', 'daughter', 'spouse', 'POA']);
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

function pickMake(f: Faker, profile: DemoStoreProfile, fleet: boolean): MakeSpec {
  const brand = MAKES.find((m) => m.make === profile.brand);
  if (brand && f.number.float() < (fleet ? 0.5 : 0.65)) return brand;
  const pool = fleet ? MAKES.filter((m) => ['Ford', 'Chevrolet', 'Ram', 'GMC', 'Toyota', 'Nissan'].includes(m.make)) : MAKES;
  return f.helpers.arrayElement(pool);
}

function pickModel(f: Faker, make: MakeSpec, fleet: boolean): ModelSpec {
  const work = make.models.filter((m) => m.style === 'truck' || m.style === 'van');
  return f.helpers.arrayElement(fleet && work.length > 0 ? work : make.models);
}

const AGE_WEIGHTS = [0.6, 1, 1, 1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1].map((weight, value) => ({ weight, value }));

/** One vehicle with its sale, its repair orders and the appointments that led to them; returns the VIN. */
function generateVehicle(
  f: Faker,
  ctx: GenerationContext,
  num: string,
  fleet: boolean,
  prospect: boolean,
  stopDay: number,
  counters: StoreCounters,
  out: DemoChunk,
): string {
  const { profile, today } = ctx;
  const thisYear = yearOf(today);
  // New model years go on sale in the autumn.
  const latest = monthOf(today) >= 9 ? thisYear + 1 : thisYear;
  const year = Math.min(latest, thisYear - f.helpers.weightedArrayElement(AGE_WEIGHTS) + (f.number.float() < 0.3 ? 1 : 0));
  const make = pickMake(f, profile, fleet);
  const model = pickModel(f, make, fleet);
  const vin = makeVin(f, f.helpers.arrayElement(make.wmis), year, counters.vehicles++);

  const onSale = firstDayOf(year - 1, 9);
  const latestPurchase = today - 20;
  const usedFrom = onSale + 365;
  const boughtNew = usedFrom >= latestPurchase || f.number.float() < (year >= thisYear - 6 ? 0.55 : 0.25);
  const ownedSince = boughtNew
    ? f.number.int({ min: Math.min(onSale, latestPurchase), max: Math.max(Math.min(latestPurchase, firstDayOf(year + 1, 1)), onSale) })
    : f.number.int({ min: usedFrom, max: latestPurchase });
  const perYear = (profile.country === 'US' ? f.number.int({ min: 8_000, max: 18_000 }) : f.number.int({ min: 12_000, max: 30_000 })) * (fleet ? 1.6 : 1);
  let odometer = boughtNew ? f.number.int({ min: 5, max: 60 }) : Math.round(((ownedSince - onSale) / 365) * perYear * f.number.float({ min: 0.7, max: 1.2 }));

  if (!prospect) {
    odometer = vehicleVisits(f, ctx, num, vin, fleet, ownedSince, odometer, perYear, stopDay, counters, out);
    const soldHere = f.number.float() < (fleet ? 0.7 : make.make === profile.brand ? 0.58 : 0.12);
    if (soldHere) {
      const saleType: SaleType = boughtNew ? (f.number.float() < 0.22 ? 'lease' : 'new') : 'used';
      out.deals.push({
        deal_number: String(20_001 + counters.deals++),
        dms_customer_number: num,
        vin,
        sold_on: dayString(ownedSince),
        salesperson: salespersonOn(f, ctx, ownedSince).name,
        sale_type: saleType,
      });
    }
  }

  const region = profile.region;
  out.vehicles.push({
    vin,
    dms_customer_number: num,
    year,
    make: make.make,
    model: model.model,
    sub_model: f.helpers.arrayElement(model.trims),
    engine: f.helpers.arrayElement(model.engines),
    plate: f.number.float() < 0.93 ? plate(f, region) : null,
    plate_region: region,
    odometer,
  });
  return vin;
}

/** Work on one service RO: a routine job (oil change, maintenance), sometimes a repair or two besides. */
function pickJobs(f: Faker, ctx: GenerationContext, day: number): ServiceJob[] {
  const routine = SERVICE_JOBS.slice(0, 4);
  const repairs = SERVICE_JOBS.slice(4);
  const jobs: ServiceJob[] = [];
  const month = monthOf(day);
  if (ctx.profile.country === 'CA' && [4, 5, 10, 11].includes(month) && f.number.float() < 0.6) jobs.push(TIRE_CHANGEOVER);
  if (f.number.float() < 0.8) jobs.push(f.helpers.arrayElement(routine));
  const extra = f.helpers.weightedArrayElement([
    { weight: 60, value: 0 },
    { weight: 32, value: 1 },
    { weight: 8, value: 2 },
  ]);
  jobs.push(...f.helpers.arrayElements(repairs, jobs.length === 0 ? Math.max(1, extra) : extra));
  return jobs;
}

function visitRow(
  f: Faker,
  ctx: GenerationContext,
  counters: StoreCounters,
  v: { num: string; vin: string | null; day: number; department: Department; odometer: number | null; jobs: ServiceJob[]; fleet: boolean; deferred: string[] },
): VisitCsvRow {
  const fr = ctx.profile.streetStyle === 'fr';
  let labour = 0;
  let parts = 0;
  for (const j of v.jobs) {
    labour += f.number.float({ min: j.labour[0], max: Math.max(j.labour[0], j.labour[1]) });
    parts += f.number.float({ min: j.parts[0], max: Math.max(j.parts[0], j.parts[1]) });
  }
  if (v.fleet) labour *= 1.3;
  return {
    ro_number: String(300_001 + counters.repairOrders++),
    dms_customer_number: v.num,
    vin: v.vin,
    visit_date: dayString(v.day),
    department: v.department,
    odometer: v.odometer,
    labour_total: money(labour),
    parts_total: money(parts),
    description: v.jobs.map((j) => (fr ? j.descriptionFr : j.description)).join('; '),
    deferred_items: v.deferred.join('|'),
  };
}

/** Repair orders over the last four years, odometer rising with time; returns the last odometer. */
function vehicleVisits(
  f: Faker,
  ctx: GenerationContext,
  num: string,
  vin: string,
  fleet: boolean,
  ownedSince: number,
  startOdometer: number,
  perYear: number,
  stopDay: number,
  counters: StoreCounters,
  out: DemoChunk,
): number {
  const { today } = ctx;
  const fr = ctx.profile.streetStyle === 'fr';
  const windowStart = today - HISTORY_DAYS;
  // Up to yesterday: today's work may not have happened yet at `now`.
  const end = Math.min(stopDay, today - 1);
  let odometer = startOdometer;
  let lastDay = ownedSince;
  const advance = (day: number) => {
    odometer += Math.max(1, Math.round(((day - lastDay) / 365) * perYear * f.number.float({ min: 0.7, max: 1.3 })));
    lastDay = day;
    return odometer;
  };

  if (f.number.float() < 0.06) {
    // Serviced elsewhere; only the body shop has seen it (stores may turn contact off for these).
    const from = Math.max(ownedSince, windowStart);
    if (from <= end) {
      const days = [f.number.int({ min: from, max: end })];
      if (f.number.float() < 0.25) days.push(f.number.int({ min: from, max: end }));
      for (const d of days.sort((a, b) => a - b)) {
        const day = Math.min(openDay(d), end);
        out.visits.push(
          visitRow(f, ctx, counters, { num, vin, day, department: 'body_shop', odometer: advance(day), jobs: [f.helpers.arrayElement(BODY_SHOP_JOBS)], fleet, deferred: [] }),
        );
      }
    }
    return odometer;
  }

  const interval = fleet ? { min: 80, max: 200 } : { min: 110, max: 330 };
  let day = ownedSince + f.number.int({ min: 60, max: 240 });
  const bodyShopDay = f.number.float() < 0.04 ? f.number.int({ min: Math.max(ownedSince, windowStart), max: Math.max(ownedSince, windowStart, end) }) : null;
  while (day <= end) {
    const d = openDay(day);
    if (d > end) break;
    if (d >= windowStart && f.number.float() >= 0.12) {
      const jobs = pickJobs(f, ctx, d);
      const deferred: string[] = [];
      if (f.number.float() < 0.28) {
        const items = f.helpers.arrayElements(DEFERRED_ITEMS, { min: 1, max: 3 });
        for (const [en, frText] of items) deferred.push(fr ? frText : en);
      }
      const visit = visitRow(f, ctx, counters, { num, vin, day: d, department: 'service', odometer: advance(d), jobs, fleet, deferred });
      out.visits.push(visit);
      if (f.number.float() < 0.45) {
        out.appointments.push(appointment(f, ctx, counters, num, vin, d, 'completed', visit.description.split('; ')[0] ?? null));
      }
    }
    day += f.number.int(interval);
  }
  if (bodyShopDay !== null && bodyShopDay <= end && bodyShopDay > lastDay) {
    const d = Math.min(openDay(bodyShopDay), end);
    out.visits.push(visitRow(f, ctx, counters, { num, vin, day: d, department: 'body_shop', odometer: advance(d), jobs: [f.helpers.arrayElement(BODY_SHOP_JOBS)], fleet, deferred: [] }));
  }
  return odometer;
}

function partsVisits(f: Faker, ctx: GenerationContext, num: string, vins: string[], counters: StoreCounters, out: DemoChunk): void {
  const n = f.number.int({ min: 1, max: 2 });
  for (let i = 0; i < n; i++) {
    const day = openDay(ctx.today - f.number.int({ min: 2, max: HISTORY_DAYS }));
    const vin = f.datatype.boolean() ? f.helpers.arrayElement(vins) : null;
    const jobs = [f.helpers.arrayElement(PARTS_SALES)];
    out.visits.push(visitRow(f, ctx, counters, { num, vin, day: Math.min(day, ctx.today - 1), department: 'parts', odometer: null, jobs, fleet: false, deferred: [] }));
  }
}

const APPOINTMENT_NOTES = [
  'Oil change and tire rotation',
  'Maintenance service, customer waiting',
  'Noise from front end over bumps',
  'Check engine light on',
  'Seasonal tire changeover',
  'Recall campaign',
  'Brakes squealing',
  'A/C not blowing cold',
];
const APPOINTMENT_NOTES_FR = [
  "Vidange d'huile et permutation",
  'Entretien, client attend sur place',
  'Bruit à l’avant sur les bosses',
  'Témoin moteur allumé',
  'Changement de pneus saisonnier',
  'Campagne de rappel',
  'Freins qui grincent',
  'Climatisation ne refroidit pas',
];

function appointment(
  f: Faker,
  ctx: GenerationContext,
  counters: StoreCounters,
  num: string,
  vin: string | null,
  day: number,
  status: AppointmentStatus,
  notes: string | null,
): AppointmentCsvRow {
  const [y, m, d] = dayString(day).split('-').map(Number);
  // Service drives open 7:30 to 16:00, booked on the quarter hour; Saturdays only mornings.
  const lastSlot = weekday(day) === 6 ? 11 * 4 : 16 * 4;
  const slot = f.number.int({ min: 30, max: lastSlot });
  const at = DateTime.fromObject({ year: y, month: m, day: d, hour: Math.floor(slot / 4), minute: (slot % 4) * 15 }, { zone: ctx.profile.timeZone });
  return {
    dms_appointment_number: String(500_001 + counters.appointments++),
    dms_customer_number: num,
    vin,
    scheduled_at: at.toISO({ suppressMilliseconds: true }) ?? dayString(day),
    status,
    notes,
  };
}

/** No-shows, cancellations and booked future visits (the completed ones come with their repair orders). */
function customerAppointments(f: Faker, ctx: GenerationContext, num: string, vins: string[], stopDay: number, counters: StoreCounters, out: DemoChunk): void {
  const { today } = ctx;
  const notes = () => f.helpers.arrayElement(ctx.profile.streetStyle === 'fr' ? APPOINTMENT_NOTES_FR : APPOINTMENT_NOTES);
  const active = stopDay >= today;
  if (f.number.float() < 0.05) {
    const day = openDay(Math.max(stopDay, today - 400) - f.number.int({ min: 1, max: 120 }));
    out.appointments.push(appointment(f, ctx, counters, num, f.helpers.arrayElement(vins), Math.min(day, today - 2), 'no_show', notes()));
  }
  if (f.number.float() < 0.04) {
    const future = active && f.number.float() < 0.3;
    const day = future ? today + f.number.int({ min: 1, max: 45 }) : today - f.number.int({ min: 1, max: 365 });
    out.appointments.push(appointment(f, ctx, counters, num, f.helpers.arrayElement(vins), openDay(day), 'cancelled', notes()));
  }
  if (active && f.number.float() < 0.14) {
    const day = openDay(today + f.number.int({ min: 1, max: 59 }));
    out.appointments.push(appointment(f, ctx, counters, num, f.helpers.arrayElement(vins), day, 'scheduled', notes()));
  }
}

/** A salesperson who worked at the store on `day` (anyone, if nobody did). */
function salespersonOn(f: Faker, ctx: GenerationContext, day: number): DemoSalesperson {
  const there = ctx.salespeople.filter((s) => s.hiredDay <= day && (s.leftDay === null || s.leftDay > day));
  const pick = f.helpers.arrayElement(there.length > 0 ? there : ctx.salespeople);
  return pick;
}

/**
 * Reassignments (when the selling salesperson left, or a manager moved the file) and logged
 * sales activities; a prospect's file shows who entered it and their follow-ups.
 */
function salesHistory(f: Faker, ctx: GenerationContext, customer: CustomerCsvRow, prospect: boolean, deals: DealCsvRow[], out: DemoChunk): void {
  const { today } = ctx;
  const num = customer.dms_customer_number;
  const activeStaff = ctx.salespeople.filter((s) => s.leftDay === null);
  if (activeStaff.length === 0) return;
  const log = (salesperson: string, day: number) => {
    const [kind, note] = f.helpers.arrayElement(SALES_ACTIVITIES);
    out.activities.push({ dms_customer_number: num, salesperson, activity_on: dayString(day), kind, notes: note });
  };
  if (prospect) {
    const who = f.helpers.arrayElement(activeStaff);
    customer.prospect_entered_by = who.name;
    let day = today - f.number.int({ min: 5, max: 200 });
    const n = f.number.int({ min: 1, max: 3 });
    for (let i = 0; i < n && day <= today; i++) {
      log(who.name, day);
      day += f.number.int({ min: 1, max: 30 });
    }
    return;
  }
  const last = deals.reduce<DealCsvRow | undefined>((a, d) => (a === undefined || d.sold_on > a.sold_on ? d : a), undefined);
  if (last) {
    const seller = ctx.salespeople.find((s) => s.name === last.salesperson);
    const lastDay = Math.round(Date.parse(last.sold_on) / DAY_MS);
    if (seller?.leftDay != null && seller.leftDay > lastDay && f.number.float() < 0.65) {
      const day = Math.min(today, seller.leftDay + f.number.int({ min: 1, max: 30 }));
      out.assignments.push({ dms_customer_number: num, salesperson: f.helpers.arrayElement(activeStaff).name, assigned_on: dayString(day) });
    } else if (f.number.float() < 0.03) {
      const day = Math.max(lastDay + 1, today - f.number.int({ min: 1, max: 700 }));
      if (day <= today) out.assignments.push({ dms_customer_number: num, salesperson: f.helpers.arrayElement(activeStaff).name, assigned_on: dayString(day) });
    }
  }
  if (f.number.float() < 0.1) {
    const who = f.helpers.arrayElement(activeStaff).name;
    const n = f.number.int({ min: 1, max: 2 });
    for (let i = 0; i < n; i++) log(who, today - f.number.int({ min: 0, max: 700 }));
  }
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
    const culture: Culture = profile.streetStyle === 'fr' && f.number.float() < 0.7 ? 'fr' : profile.spanishShare > 0.1 && f.number.float() < 0.3 ? 'es' : 'en';
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
