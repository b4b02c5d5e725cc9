import type { Kysely } from 'kysely';
import type { Customer, Database, Store } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import { deriveConsent } from './consent.rules.ts';
import { consentAnchors, listConsentHistory } from './consent.store.ts';
import type { Channel, Purpose } from './consent.types.ts';
import { decideEligibility, type EligibilityDecision, type Reachability } from './eligibility.rules.ts';
import { effectiveWindow } from './quiet-hours.rules.ts';
import { recipientZone } from './time-zone.rules.ts';

export interface EligibilityQuery {
  channel: Channel;
  purpose: Purpose;
  at: Date;
  vehicleId?: number | undefined;
}

/**
 * Gathers what the pure eligibility rule needs for one customer and asks it. Reachability
 * (bounces, blocked numbers) joins here when the reachability ledger lands; until then every
 * number and address counts as reachable.
 */
export async function explainEligibility(
  db: Kysely<Database>,
  customer: Customer,
  store: Store,
  q: EligibilityQuery,
): Promise<EligibilityDecision & { zone: string }> {
  const [history, anchors, vehicle] = await Promise.all([
    listConsentHistory(db, customer.id),
    consentAnchors(db, customer.id),
    q.vehicleId === undefined
      ? Promise.resolve(undefined)
      : db
          .selectFrom('vehicles')
          .select(['contact_off', 'contact_off_reason'])
          .where('id', '=', q.vehicleId)
          .where('customer_id', '=', customer.id)
          .executeTakeFirst(),
  ]);
  if (q.vehicleId !== undefined && !vehicle) throw new DomainError('not_found', 'Vehicle not found on this customer');
  const consent = deriveConsent(history, q.channel, q.purpose, { now: q.at, country: store.country, ...anchors });
  const zone = recipientZone(customer.country ?? store.country, customer.region, store.time_zone);
  const reachability = new Map<string, Reachability>();
  const decision = decideEligibility({
    channel: q.channel,
    purpose: q.purpose,
    at: q.at,
    consent,
    reachability,
    vehicle: vehicle ? { contactOff: vehicle.contact_off, reason: vehicle.contact_off_reason } : undefined,
    zone,
    window: effectiveWindow({ start: store.send_window_start, end: store.send_window_end }, customer.country ?? store.country, customer.region),
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
    },
  });
  return { ...decision, zone };
}
