import { sql, type Kysely } from 'kysely';
import type { ContactOffReason, Database, Department } from '../db/schema.ts';
import { bodyShopChange } from './body-shop.rules.ts';

export interface BodyShopResult {
  turnedOff: number;
  turnedOn: number;
}

/**
 * Applies the body-shop rule to some vehicles of a store in three statements: one read of their
 * state and service-history departments, one update turning off, one turning on. The updates
 * re-check the state they expect, so a user's change made meanwhile wins.
 */
export async function applyBodyShopRule(
  db: Kysely<Database>,
  storeId: number,
  vehicleIds: readonly number[],
  autoOff: boolean,
): Promise<BodyShopResult> {
  if (!autoOff || vehicleIds.length === 0) return { turnedOff: 0, turnedOn: 0 };
  const ids = [...new Set(vehicleIds)];
  const { rows } = await sql<{
    id: number;
    contact_off: boolean;
    contact_off_reason: ContactOffReason | null;
    departments: Department[];
  }>`
    select v.id, v.contact_off, v.contact_off_reason,
           array(select distinct vi.department from visits vi where vi.vehicle_id = v.id) as departments
    from vehicles v
    where v.store_id = ${storeId} and v.id = any(${ids}::int8[])`.execute(db);
  const off: number[] = [];
  const on: number[] = [];
  for (const r of rows) {
    const change = bodyShopChange(
      { contactOff: r.contact_off, contactOffReason: r.contact_off_reason, departments: r.departments },
      autoOff,
    );
    if (change === 'turn_off') off.push(r.id);
    else if (change === 'turn_on') on.push(r.id);
  }
  let turnedOff = 0;
  let turnedOn = 0;
  if (off.length > 0) {
    const res = await db
      .updateTable('vehicles')
      .set({ contact_off: true, contact_off_reason: 'body_shop', contact_off_at: sql`now()`, updated_at: sql`now()` })
      .where('store_id', '=', storeId)
      .where(sql<boolean>`id = any(${off}::int8[])`)
      .where('contact_off', '=', false)
      .executeTakeFirst();
    turnedOff = Number(res.numUpdatedRows);
  }
  if (on.length > 0) {
    const res = await db
      .updateTable('vehicles')
      .set({ contact_off: false, contact_off_reason: null, contact_off_at: null, updated_at: sql`now()` })
      .where('store_id', '=', storeId)
      .where(sql<boolean>`id = any(${on}::int8[])`)
      .where('contact_off_reason', '=', 'body_shop')
      .executeTakeFirst();
    turnedOn = Number(res.numUpdatedRows);
  }
  return { turnedOff, turnedOn };
}
