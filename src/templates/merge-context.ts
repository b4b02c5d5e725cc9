import { DateTime } from 'luxon';
import { MERGE_TAGS } from './merge-tags.catalogue.ts';
import type { Language } from './merge-tags.catalogue.ts';
import { templateLanguage } from './locale-format.ts';

/**
 * The Liquid scope a template renders against: exactly the catalogue's paths (merge-tags.catalogue.ts).
 * Missing values are null and render as the empty string (or a template's `default`).
 */
export interface MergeContext {
  customer: { first_name: string | null; last_name: string | null; name: string | null; mailing_name: string | null };
  vehicle: { year: string | null; make: string | null; model: string | null; plate: string | null };
  store: {
    name: string | null;
    owner_name: string | null;
    phone: string | null;
    email: string | null;
    feedback_url: string | null;
  };
  /** date: 'YYYY-MM-DD' in the store's zone; time: the ISO instant (format with `| time`). */
  appointment: { date: string | null; time: string | null };
  /** date: the last visit's 'YYYY-MM-DD'. */
  visit: { date: string | null };
  deferred_items: string[];
  salesperson: { name: string | null };
  unsubscribe_url: string | null;
}

// Inputs: the camelCase essentials of the DB rows (src/db/schema.ts), defined here so rendering
// depends on no table shape.
export interface CustomerInput {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  mailingName?: string | null;
  language?: string | null;
}
export interface VehicleInput {
  year?: number | string | null;
  make?: string | null;
  model?: string | null;
  plate?: string | null;
}
export interface StoreInput {
  name: string;
  ownerName?: string | null;
  phone?: string | null;
  email?: string | null;
  feedbackUrl?: string | null;
  /** ISO 3166 alpha-2. */
  country: string;
  /** IANA zone, e.g. 'America/Toronto'. */
  timeZone: string;
}
export interface AppointmentInput {
  scheduledAt: Date;
}
export interface VisitInput {
  /** 'YYYY-MM-DD'. */
  visitDate: string;
  deferredItems?: readonly string[] | null;
}
export interface SalespersonInput {
  name: string | null;
}
export interface MergeInput {
  customer: CustomerInput;
  store: StoreInput;
  vehicle?: VehicleInput | null;
  appointment?: AppointmentInput | null;
  visit?: VisitInput | null;
  salesperson?: SalespersonInput | null;
  unsubscribeUrl?: string | null;
}

/** What a render needs besides the scope: the customer's language and the store's country and zone. */
export interface RenderLocale {
  language: Language;
  country: string;
  timeZone: string;
}

/**
 * Trimmed text, or null when blank. A literal `{{` or `{%` in data (a DMS note, a pasted name) is
 * broken with a space, so a rendered message can never carry what looks like an unrendered tag.
 */
function text(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s.replace(/\{(?=[{%])/g, '{ ');
}

function joinName(first: string | null, last: string | null): string | null {
  return first && last ? `${first} ${last}` : (first ?? last);
}

/**
 * Builds the merge context from plain data. Pure: the customer's name falls back to first + last,
 * the mailing name to the name; the appointment's calendar date is taken in the store's zone.
 */
export function buildMergeContext(input: MergeInput): MergeContext {
  const c = input.customer;
  const first = text(c.firstName);
  const last = text(c.lastName);
  const name = text(c.name) ?? joinName(first, last);
  const at = input.appointment?.scheduledAt;
  const valid = at !== undefined && Number.isFinite(at.getTime());
  return {
    customer: { first_name: first, last_name: last, name, mailing_name: text(c.mailingName) ?? name },
    vehicle: {
      year: text(input.vehicle?.year),
      make: text(input.vehicle?.make),
      model: text(input.vehicle?.model),
      plate: text(input.vehicle?.plate),
    },
    store: {
      name: text(input.store.name),
      owner_name: text(input.store.ownerName),
      phone: text(input.store.phone),
      email: text(input.store.email),
      feedback_url: text(input.store.feedbackUrl),
    },
    appointment: {
      date: valid ? DateTime.fromJSDate(at, { zone: input.store.timeZone }).toISODate() : null,
      time: valid ? at.toISOString() : null,
    },
    visit: { date: text(input.visit?.visitDate) },
    deferred_items: (input.visit?.deferredItems ?? []).flatMap((i) => text(i) ?? []),
    salesperson: { name: text(input.salesperson?.name) },
    unsubscribe_url: text(input.unsubscribeUrl),
  };
}

/** The render locale of a customer at a store. */
export function renderLocaleFor(customer: CustomerInput, store: StoreInput): RenderLocale {
  return { language: templateLanguage(customer.language), country: store.country, timeZone: store.timeZone };
}

function sampleOf(path: string): string {
  const s = MERGE_TAGS.find((t) => t.path === path)?.sample;
  return typeof s === 'string' ? s : '';
}

/** The catalogue's sample values as merge input: for previews and for validating templates. */
export function sampleMergeInput(language: Language = 'en'): MergeInput {
  const deferred = MERGE_TAGS.find((t) => t.path === 'deferred_items')?.sample;
  return {
    customer: {
      firstName: sampleOf('customer.first_name'),
      lastName: sampleOf('customer.last_name'),
      name: sampleOf('customer.name'),
      mailingName: sampleOf('customer.mailing_name'),
      language,
    },
    vehicle: {
      year: sampleOf('vehicle.year'),
      make: sampleOf('vehicle.make'),
      model: sampleOf('vehicle.model'),
      plate: sampleOf('vehicle.plate'),
    },
    store: {
      name: sampleOf('store.name'),
      ownerName: sampleOf('store.owner_name'),
      phone: sampleOf('store.phone'),
      email: sampleOf('store.email'),
      feedbackUrl: sampleOf('store.feedback_url'),
      country: 'CA',
      timeZone: 'America/Toronto',
    },
    appointment: { scheduledAt: new Date(sampleOf('appointment.time')) },
    visit: {
      visitDate: sampleOf('visit.date'),
      deferredItems: deferred === undefined || typeof deferred === 'string' ? [] : [...deferred],
    },
    salesperson: { name: sampleOf('salesperson.name') },
    unsubscribeUrl: sampleOf('unsubscribe_url'),
  };
}
