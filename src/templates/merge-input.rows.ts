import type { CustomerProfileData } from '../customers/customers.store.ts';
import { currentSalesperson } from '../customers/salesperson.rules.ts';
import type { Appointment, Customer, Store, Vehicle, Visit } from '../db/schema.ts';
import type { MergeInput, StoreInput } from './merge-context.ts';
import type { Sender } from './message.render.ts';

// Database rows → merge input: the one place that knows both shapes.

/** The parts of a profile the merge tags read (a batch loads just these, for many customers). */
export type MergeProfile = Pick<
  CustomerProfileData,
  'customer' | 'vehicles' | 'visits' | 'appointments' | 'lastDeal' | 'lastReassignment' | 'lastActivity'
>;

export function storeInput(store: Store): StoreInput {
  return {
    name: store.name,
    ownerName: store.owner_name,
    phone: store.phone,
    email: store.email,
    feedbackUrl: store.feedback_url,
    country: store.country,
    timeZone: store.time_zone,
  };
}

/** The store's postal address as printed: street lines, then "City Region  Postal". */
export function storeAddressLines(store: Store): string[] {
  const cityLine = [[store.city, store.region].filter(Boolean).join(' '), store.postal_code].filter(Boolean).join('  ');
  return [store.address_line1, store.address_line2, cityLine].flatMap((l) => (l?.trim() ? [l.trim()] : []));
}

export const storeSender = (store: Store): Sender => ({
  storeName: store.name,
  postalAddress: storeAddressLines(store),
});

/** The customer columns the merge input reads. */
export const MERGE_CUSTOMER_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'name',
  'mailing_name',
  'language',
  'is_prospect',
] as const satisfies readonly (keyof Customer)[];
/** The vehicle, visit and appointment columns the merge input reads (with customer_id, to group them). */
export const MERGE_VEHICLE_COLUMNS = [
  'id',
  'customer_id',
  'year',
  'make',
  'model',
  'plate',
] as const satisfies readonly (keyof Vehicle)[];
export const MERGE_VISIT_COLUMNS = [
  'customer_id',
  'vehicle_id',
  'visit_date',
  'deferred_items',
] as const satisfies readonly (keyof Visit)[];
export const MERGE_APPOINTMENT_COLUMNS = [
  'customer_id',
  'vehicle_id',
  'status',
  'scheduled_at',
] as const satisfies readonly (keyof Appointment)[];

/**
 * What mergeInputFromProfile reads of a profile: a MergeProfile is one, and so is what a batch
 * loads with only the columns above (merge-profiles.store.ts, loadMergeRows).
 */
export interface MergeFacts {
  customer: Pick<Customer, (typeof MERGE_CUSTOMER_COLUMNS)[number]>;
  vehicles: readonly Pick<Vehicle, (typeof MERGE_VEHICLE_COLUMNS)[number]>[];
  visits: readonly Pick<Visit, (typeof MERGE_VISIT_COLUMNS)[number]>[];
  appointments: readonly Pick<Appointment, (typeof MERGE_APPOINTMENT_COLUMNS)[number]>[];
  lastDeal?: MergeProfile['lastDeal'];
  lastReassignment?: MergeProfile['lastReassignment'];
  lastActivity?: MergeProfile['lastActivity'];
}

/**
 * The merge input for a customer as the profile shows them: the vehicle of the last visit (else
 * the newest), the next scheduled appointment (else the latest), the last visit and its deferred
 * items, and the current salesperson.
 */
export function mergeInputFromProfile(
  p: MergeFacts,
  store: Store,
  now: Date,
  unsubscribeUrl: string | null,
): MergeInput {
  const c = p.customer;
  const lastVisit = p.visits[0];
  const upcoming = p.appointments
    .filter((a) => a.status === 'scheduled' && a.scheduled_at >= now)
    .sort((a, b) => a.scheduled_at.getTime() - b.scheduled_at.getTime())[0];
  const appointment = upcoming ?? p.appointments[0];
  const vehicle = p.vehicles.find((v) => v.id === (appointment?.vehicle_id ?? lastVisit?.vehicle_id)) ?? p.vehicles[0];
  const salesperson = currentSalesperson({
    isProspect: c.is_prospect,
    lastDeal: p.lastDeal,
    lastReassignment: p.lastReassignment,
    lastActivity: p.lastActivity,
  });
  return {
    customer: {
      firstName: c.first_name,
      lastName: c.last_name,
      name: c.name,
      mailingName: c.mailing_name,
      language: c.language,
    },
    store: storeInput(store),
    vehicle: vehicle ? { year: vehicle.year, make: vehicle.make, model: vehicle.model, plate: vehicle.plate } : null,
    appointment: appointment ? { scheduledAt: appointment.scheduled_at } : null,
    visit: lastVisit ? { visitDate: lastVisit.visit_date, deferredItems: lastVisit.deferred_items } : null,
    salesperson: salesperson ? { name: salesperson.name } : null,
    unsubscribeUrl,
  };
}

/** A customer's postal address as printed on an envelope: name, street lines, "City Region  Postal". */
export function customerAddressLines(c: {
  mailing_name: string | null;
  address_to: string | null;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
}): string[] {
  const name =
    c.address_to ?? c.mailing_name ?? c.name ?? ([c.first_name, c.last_name].filter(Boolean).join(' ') || null);
  const cityLine = [[c.city, c.region].filter(Boolean).join(' '), c.postal_code].filter(Boolean).join('  ');
  return [name, c.address_line1, c.address_line2, cityLine].flatMap((l) => (l?.trim() ? [l.trim()] : []));
}
