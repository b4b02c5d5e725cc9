import { DateTime } from 'luxon';
import type { Store } from '../db/schema.ts';
import { buildMergeContext } from '../templates/merge-context.ts';
import { FormatterCache, messageLocale, templateLanguage } from '../templates/locale-format.ts';
import { mergeInputFromProfile, type MergeProfile } from '../templates/merge-input.rows.ts';
import type { CsvColumn } from './csv-stream.ts';

/** Which list a mail-merge file was made from; each adds its own columns after the common ones. */
export type MailMergeSource = 'saved_query' | 'batch' | 'lifecycle';

/**
 * One line of a mail-merge file: the facts a letter's merge tags name, as text. Null is an empty
 * cell. Dates are 'YYYY-MM-DD' (a word processor can format them; an ISO date is never misread
 * as day/month); the appointment time is written in the store's zone as the customer's language
 * writes it, the way a letter's `| time` prints it.
 */
export interface MailMergeRow {
  customerNumber: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  mailingName: string | null;
  addressTo: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  email: string | null;
  cellPhone: string | null;
  homePhone: string | null;
  workPhone: string | null;
  language: string;
  vehicleYear: string | null;
  vehicleMake: string | null;
  vehicleModel: string | null;
  plate: string | null;
  vin: string | null;
  lastServiceDate: string | null;
  appointmentDate: string | null;
  appointmentTime: string | null;
  deferredItems: string | null;
  salesperson: string | null;
  storeName: string;
  storePhone: string | null;
  /** A batch: the channel the run would use for the customer (the batch's, or Campaign Options'). */
  channel?: string | null;
  /** A lifecycle list: the step's name and the day it is due. */
  step?: string | null;
  dueDate?: string | null;
}

/** The columns every mail-merge file has, in order, with the headers a mail-merge dialog lists. */
export const MAIL_MERGE_COLUMNS: readonly CsvColumn<MailMergeRow>[] = [
  { key: 'customerNumber', label: 'Customer Number' },
  { key: 'firstName', label: 'First Name' },
  { key: 'lastName', label: 'Last Name' },
  { key: 'fullName', label: 'Full Name' },
  { key: 'mailingName', label: 'Mailing Name' },
  { key: 'addressTo', label: 'Address To' },
  { key: 'address1', label: 'Address 1' },
  { key: 'address2', label: 'Address 2' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'Province/State' },
  { key: 'postalCode', label: 'Postal Code' },
  { key: 'country', label: 'Country' },
  { key: 'email', label: 'E-mail' },
  { key: 'cellPhone', label: 'Cell Phone' },
  { key: 'homePhone', label: 'Home Phone' },
  { key: 'workPhone', label: 'Work Phone' },
  { key: 'language', label: 'Language' },
  { key: 'vehicleYear', label: 'Vehicle Year' },
  { key: 'vehicleMake', label: 'Vehicle Make' },
  { key: 'vehicleModel', label: 'Vehicle Model' },
  { key: 'plate', label: 'Licence Plate' },
  { key: 'vin', label: 'VIN' },
  { key: 'lastServiceDate', label: 'Last Service Date' },
  { key: 'appointmentDate', label: 'Appointment Date' },
  { key: 'appointmentTime', label: 'Appointment Time' },
  { key: 'deferredItems', label: 'Deferred Items' },
  { key: 'salesperson', label: 'Salesperson' },
  { key: 'storeName', label: 'Business Name' },
  { key: 'storePhone', label: 'Business Phone' },
];

const EXTRA_COLUMNS: Record<MailMergeSource, readonly CsvColumn<MailMergeRow>[]> = {
  saved_query: [],
  batch: [{ key: 'channel', label: 'Channel' }],
  lifecycle: [
    { key: 'step', label: 'Step' },
    { key: 'dueDate', label: 'Due Date' },
  ],
};

/** The columns of a file made from `source`: the common ones, then the source's own. */
export function mailMergeColumns(source: MailMergeSource): readonly CsvColumn<MailMergeRow>[] {
  return [...MAIL_MERGE_COLUMNS, ...EXTRA_COLUMNS[source]];
}

/**
 * What a lifecycle item is about, which outranks the profile's choice: the letter for a reminder
 * names that appointment, a deferred-work letter that visit's items (as lifecycle-run.service does).
 */
export interface RowFocus {
  vehicleId: number | null;
  scheduledAt: Date | null;
  visit: { visitDate: string; deferredItems: readonly string[] } | null;
}

export interface RowExtras {
  focus?: RowFocus | undefined;
  channel?: string | undefined;
  step?: string | undefined;
  dueDate?: string | undefined;
}

const DEFERRED_SEPARATOR = '; ';

/**
 * A maker of mail-merge rows for one store at the as-of time `now`. Pure but for a cache of
 * formatters (one Intl formatter per locale, built once for the whole file).
 *
 * The row uses the facts a letter's merge tags use (mergeInputFromProfile): the vehicle of the
 * next appointment or of the last visit (else the newest), the last visit and its deferred items,
 * the current salesperson. The appointment columns are filled only for an appointment still to
 * come (a past one is no "next appointment"), or with the item's own appointment when a lifecycle
 * `focus` has one (a no-show letter names the appointment missed). Phone numbers are written as
 * the customer's language writes them ("(416) 555-0123"), as a letter's `| phone` prints them.
 */
export function createMailMergeRows(store: Store, now: Date) {
  const formats = new FormatterCache();
  return (p: MergeProfile, extras: RowExtras = {}): MailMergeRow => {
    const c = p.customer;
    const input = mergeInputFromProfile(p, store, now, null);
    const focus = extras.focus;
    const vehicle = focus?.vehicleId ? p.vehicles.find((v) => v.id === focus.vehicleId) : letterVehicle(p, now);
    const next = input.appointment?.scheduledAt;
    const scheduledAt = focus?.scheduledAt ?? (next && next >= now ? next : null);
    const ctx = buildMergeContext({
      ...input,
      vehicle: vehicle ?? null,
      appointment: scheduledAt ? { scheduledAt } : null,
      visit: focus?.visit ?? input.visit ?? null,
    });
    const language = templateLanguage(c.language);
    const format = formats.get(messageLocale(language, store.country), store.time_zone, store.country);
    const phone = (n: string | null) => (n?.trim() ? format.phone(n.trim()) : null);
    return {
      customerNumber: c.dms_customer_number,
      firstName: ctx.customer.first_name,
      lastName: ctx.customer.last_name,
      fullName: ctx.customer.name,
      mailingName: ctx.customer.mailing_name,
      addressTo: text(c.address_to) ?? ctx.customer.mailing_name,
      address1: text(c.address_line1),
      address2: text(c.address_line2),
      city: text(c.city),
      region: text(c.region),
      postalCode: text(c.postal_code),
      country: text(c.country) ?? store.country,
      email: text(c.email),
      cellPhone: phone(c.cell_phone),
      homePhone: phone(c.home_phone),
      workPhone: phone(c.work_phone),
      language,
      vehicleYear: ctx.vehicle.year,
      vehicleMake: ctx.vehicle.make,
      vehicleModel: ctx.vehicle.model,
      plate: ctx.vehicle.plate,
      vin: text(vehicle?.vin),
      lastServiceDate: ctx.visit.date,
      appointmentDate: ctx.appointment.date,
      appointmentTime: scheduledAt ? format.time(scheduledAt) : null,
      deferredItems: ctx.deferred_items.length > 0 ? ctx.deferred_items.join(DEFERRED_SEPARATOR) : null,
      salesperson: ctx.salesperson.name,
      storeName: store.name,
      storePhone: phone(store.phone),
      ...(extras.channel !== undefined ? { channel: extras.channel } : {}),
      ...(extras.step !== undefined ? { step: extras.step } : {}),
      ...(extras.dueDate !== undefined ? { dueDate: extras.dueDate } : {}),
    };
  };
}

/** The vehicle mergeInputFromProfile names (kept in step with it): the appointment's, the last visit's, the newest. */
function letterVehicle(p: MergeProfile, now: Date) {
  const upcoming = p.appointments
    .filter((a) => a.status === 'scheduled' && a.scheduled_at >= now)
    .sort((a, b) => a.scheduled_at.getTime() - b.scheduled_at.getTime())[0];
  const appointment = upcoming ?? p.appointments[0];
  const wanted = appointment?.vehicle_id ?? p.visits[0]?.vehicle_id;
  return p.vehicles.find((v) => v.id === wanted) ?? p.vehicles[0];
}

function text(v: string | null | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

/** The store-local calendar day of `at`, 'YYYY-MM-DD'. */
export function storeDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? '';
}
