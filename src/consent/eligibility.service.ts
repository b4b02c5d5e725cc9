import type { Kysely } from 'kysely';
import type { Customer, Database, Store } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import { deriveConsent } from './consent.rules.ts';
import { consentAnchors, listConsentHistory } from './consent.store.ts';
import type { Channel, Purpose } from './consent.types.ts';
import { decideEligibility, type EligibilityDecision, type Reachability } from './eligibility.rules.ts';
import { effectiveWindow, type DayPart } from './quiet-hours.rules.ts';
import { isRedAt, reachabilityAt } from './reachability.rules.ts';
import { loadReachabilityState } from './reachability.store.ts';
import { recipientPlace } from './time-zone.rules.ts';

export interface EligibilityQuery {
  channel: Channel;
  purpose: Purpose;
  at: Date;
  vehicleId?: number | undefined;
  /** Day, late day or all (the default): see `EligibilityInput.dayPart`. */
  dayPart?: DayPart | undefined;
}

/** Everything about one customer that eligibility depends on, read once for any number of decisions. */
export interface EligibilityFacts {
  customer: Customer;
  store: Store;
  history: Awaited<ReturnType<typeof listConsentHistory>>;
  anchors: ReturnType<typeof consentAnchors>;
  vehicles: Map<number, { contactOff: boolean; reason: 'user' | 'body_shop' | null }>;
  /** Derived state of each of the customer's numbers and its e-mail address. */
  reachability: Map<string, Reachability>;
  /** The e-mail bounced within the store's red window and was not verified since. */
  emailRed: boolean;
}

export async function loadEligibilityFacts(
  db: Kysely<Database>,
  customer: Customer,
  store: Store,
  now: Date,
): Promise<EligibilityFacts> {
  const email = customer.email?.toLowerCase() ?? null;
  const phones = [customer.cell_phone, customer.home_phone, customer.work_phone].filter((p): p is string => p !== null);
  const anchors = consentAnchors(customer);
  const [events, history, vehicles] = await Promise.all([
    loadReachabilityState(db, store.id, email ? [...phones, email] : phones),
    listConsentHistory(db, customer.id),
    db
      .selectFrom('vehicles')
      .select(['id', 'contact_off', 'contact_off_reason'])
      .where('customer_id', '=', customer.id)
      .execute(),
  ]);
  const reachability = new Map<string, Reachability>();
  for (const [address, summary] of events) reachability.set(address, reachabilityAt(summary, now));
  const emailSummary = email ? events.get(email) : undefined;
  const emailRed = emailSummary ? isRedAt(emailSummary, now) : false;
  return {
    customer,
    store,
    history,
    anchors,
    vehicles: new Map(vehicles.map((v) => [v.id, { contactOff: v.contact_off, reason: v.contact_off_reason }])),
    reachability,
    emailRed,
  };
}

/** The pure decision for one channel, purpose and time over facts already loaded. */
export function decideFor(f: EligibilityFacts, q: EligibilityQuery): EligibilityDecision & { zone: string } {
  const { customer, store } = f;
  const vehicle = q.vehicleId === undefined ? undefined : f.vehicles.get(q.vehicleId);
  if (q.vehicleId !== undefined && !vehicle) throw new DomainError('not_found', 'Vehicle not found on this customer');
  const consent = deriveConsent(f.history, q.channel, q.purpose, { now: q.at, country: store.country, ...f.anchors });
  const place = recipientPlace(
    { country: customer.country ?? store.country, region: customer.region },
    [customer.cell_phone, customer.home_phone, customer.work_phone],
    store.time_zone,
  );
  const decision = decideEligibility({
    channel: q.channel,
    purpose: q.purpose,
    at: q.at,
    consent,
    reachability: f.reachability,
    vehicle,
    zone: place.zone,
    zoneSource: place.source,
    window: effectiveWindow(
      { start: store.send_window_start, end: store.send_window_end },
      place.country,
      place.region,
    ),
    dayPart: q.dayPart,
    customer: {
      email: customer.email,
      cellPhone: customer.cell_phone,
      homePhone: customer.home_phone,
      workPhone: customer.work_phone,
      hasMailingAddress: Boolean(customer.address_line1 && (customer.city || customer.postal_code)),
      methodsOn: {
        mail: customer.mail_on,
        home_phone: customer.home_phone_on,
        work_phone: customer.work_phone_on,
        cell_phone: customer.cell_phone_on,
        email: customer.email_on,
      },
      doNotMail: customer.do_not_mail,
      caslOptOut: customer.casl_opt_out,
      dayPreference: customer.day_preference,
    },
  });
  return { ...decision, zone: place.zone };
}

/** Loads the facts and decides once. */
export async function explainEligibility(
  db: Kysely<Database>,
  customer: Customer,
  store: Store,
  q: EligibilityQuery,
): Promise<EligibilityDecision & { zone: string }> {
  return decideFor(await loadEligibilityFacts(db, customer, store, q.at), q);
}
