import type { Kysely } from 'kysely';
import type { ConsentEventsTable, Customer, Database } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import type { ConsentEvent } from './consent.types.ts';

export interface ConsentHistoryRow extends ConsentEvent {
  id: number;
  actorName: string | null;
  recordedAt: Date;
}

/** The customer's whole ledger, newest first, with the names of the users who recorded it. */
export async function listConsentHistory(db: Kysely<Database>, customerId: number): Promise<ConsentHistoryRow[]> {
  const rows = await db
    .selectFrom('consent_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .selectAll('e')
    .select('u.name as actor_name')
    .where('e.customer_id', '=', customerId)
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    purpose: r.purpose,
    granted: r.granted,
    basis: r.basis,
    source: r.source,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    wording: r.wording,
  }));
}

export async function appendConsentEvents(
  db: Kysely<Database>,
  events: Insertable<ConsentEventsTable>[],
): Promise<void> {
  if (events.length > 0) await db.insertInto('consent_events').values(events).execute();
}

/**
 * The dates implied consent rests on: the latest purchase (deal or visit) and the latest inquiry,
 * as kept on the customer by triggers (migration 2026-11-23T1500).
 */
export function consentAnchors(customer: Pick<Customer, 'last_purchase_on' | 'last_inquiry_on'>): {
  lastPurchaseOn: Date | null;
  lastInquiryOn: Date | null;
} {
  const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  return { lastPurchaseOn: asDate(customer.last_purchase_on), lastInquiryOn: asDate(customer.last_inquiry_on) };
}
