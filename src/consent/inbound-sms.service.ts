import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface InboundKeyword {
  /** The stores whose texting number received it. */
  storeIds: number[];
  /** The sender, E.164. */
  number: string;
  at: Date;
}

/**
 * STOP from a number turns texting off on every customer file with that cell in the stores that
 * share the texting number, and withdraws SMS consent for both purposes on each: the person
 * behind the number asked, whichever file we would have texted. Set-based: one statement each.
 * Returns how many customer files it changed.
 */
export async function applyInboundStop(db: Kysely<Database>, k: InboundKeyword): Promise<number> {
  if (k.storeIds.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const customers = await trx
      .updateTable('customers')
      .set({ cell_phone_on: false, updated_at: k.at })
      .where('store_id', 'in', k.storeIds)
      .where('cell_phone', '=', k.number)
      .returning(['id', 'store_id'])
      .execute();
    if (customers.length === 0) return 0;
    await trx
      .insertInto('consent_events')
      .values(
        customers.flatMap((c) =>
          (['marketing', 'service'] as const).map((purpose) => ({
            store_id: c.store_id,
            customer_id: c.id,
            channel: 'sms' as const,
            purpose,
            granted: false,
            basis: null,
            source: 'inbound_stop' as const,
            actor_user_id: null,
            wording: 'STOP',
            occurred_at: k.at,
          })),
        ),
      )
      .execute();
    await trx
      .insertInto('audit_log')
      .values(
        customers.map((c) => ({
          store_id: c.store_id,
          user_id: null,
          action: 'sms.stop_received',
          subject_type: 'customer',
          subject_id: c.id,
          details: JSON.stringify({ number: k.number }),
          created_at: k.at,
        })),
      )
      .execute();
    return customers.length;
  });
}

/**
 * START is recorded on every file with that cell, but texting stays off until a user turns it
 * back on (dealermine-customer-information: the switch is the user's to flip).
 */
export async function recordInboundStart(db: Kysely<Database>, k: InboundKeyword): Promise<number> {
  if (k.storeIds.length === 0) return 0;
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'store_id'])
    .where('store_id', 'in', k.storeIds)
    .where('cell_phone', '=', k.number)
    .execute();
  if (customers.length === 0) return 0;
  await db
    .insertInto('audit_log')
    .values(
      customers.map((c) => ({
        store_id: c.store_id,
        user_id: null,
        action: 'sms.start_received',
        subject_type: 'customer',
        subject_id: c.id,
        details: JSON.stringify({ number: k.number, note: 'texting stays off until a user turns it back on' }),
        created_at: k.at,
      })),
    )
    .execute();
  return customers.length;
}
