/**
 * The shapes demo generation produces (CSV rows under the import's canonical column names), the
 * context it runs in, and calendar helpers over epoch days (days since 1970-01-01 in the store's
 * calendar), which are far cheaper than date objects for millions of rows.
 */
import { DateTime } from 'luxon';
import type { AppointmentStatus, ContactMethod, DayPreference, Department, SaleType } from '../../db/schema.ts';
import type { DemoStoreProfile } from './demo.stores.ts';

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
  /** The store's UTC offset ('-05:00') by epoch day, computed once per day (Intl is slow). */
  offsets: Map<number, string>;
}

export function generationContext(
  profile: DemoStoreProfile,
  salespeople: readonly DemoSalesperson[],
  now: Date,
): GenerationContext {
  return { profile, salespeople, now, today: epochDayIn(now, profile.timeZone), offsets: new Map() };
}

/** The zone's offset at noon of the day; clocks change at night, so it holds for shop hours. */
export function offsetOn(ctx: GenerationContext, day: number): string {
  let offset = ctx.offsets.get(day);
  if (offset === undefined) {
    const [y, m, d] = dayString(day).split('-').map(Number);
    offset = DateTime.fromObject({ year: y, month: m, day: d, hour: 12 }, { zone: ctx.profile.timeZone }).toFormat(
      'ZZ',
    );
    ctx.offsets.set(day, offset);
  }
  return offset;
}

/** Running numbers of a store, carried from chunk to chunk so RO, deal and appointment numbers stay unique. */
export interface StoreCounters {
  vehicles: number;
  repairOrders: number;
  appointments: number;
  deals: number;
}

export const newCounters = (): StoreCounters => ({ vehicles: 0, repairOrders: 0, appointments: 0, deals: 0 });

export const DAY_MS = 86_400_000;
/** How far back repair orders go. */
export const HISTORY_DAYS = 4 * 365;

/** The calendar day of `now` in `zone`, as days since 1970-01-01. */
export function epochDayIn(now: Date, zone: string): number {
  const local = DateTime.fromJSDate(now, { zone });
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const weekday = (day: number): number => (day + 4) % 7; // 0 = Sunday
export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
export const monthOf = (day: number): number => new Date(day * DAY_MS).getUTCMonth() + 1;
export const firstDayOf = (year: number, month: number): number => Math.round(Date.UTC(year, month - 1, 1) / DAY_MS);
/** Moves a Sunday to the Monday: the shop is closed. */
export const openDay = (day: number): number => (weekday(day) === 0 ? day + 1 : day);
export const money = (n: number): string => n.toFixed(2);
