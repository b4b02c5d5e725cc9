import type { Kysely } from 'kysely';
import type { ContactType, Database, RecycleCode } from '../db/schema.ts';

/** Forecourt's contact types; a store may rename or deactivate them but keys stay fixed. */
export const DEFAULT_CONTACT_TYPES: readonly { key: string; name: string }[] = [
  { key: 'maintenance', name: 'Maintenance' },
  { key: 'confirm', name: 'Appointment confirmation' },
  { key: 'no_show', name: 'No-show' },
  { key: 'unsold', name: 'Unsold' },
  { key: 'sales_schedule', name: 'Sales schedule' },
  { key: 'reminder_1', name: 'Reminder 1' },
  { key: 'reminder_2', name: 'Reminder 2' },
  { key: 'thank_you', name: 'Thank you' },
  { key: 'deferred', name: 'Deferred work' },
  { key: 'inactive', name: 'Inactive customer' },
  { key: 'general', name: 'General' },
];

/**
 * The seeds' Recycle Setup: only a result where someone actually spoke to the customer counts as
 * productive, so voice drops (10 days) and every one-way message are not.
 */
export const DEFAULT_RECYCLE_CODES: readonly { key: string; name: string; days: number; productive: boolean }[] = [
  { key: 'voice_drop', name: 'Voice drop', days: 10, productive: false },
  { key: 'spoke_booked', name: 'Spoke — appointment booked', days: 180, productive: true },
  { key: 'spoke_not_interested', name: 'Spoke — not interested', days: 90, productive: true },
  { key: 'left_message', name: 'Left a message', days: 7, productive: false },
  { key: 'no_answer', name: 'No answer', days: 3, productive: false },
  { key: 'wrong_number', name: 'Wrong number', days: 365, productive: false },
  { key: 'email_sent', name: 'Email sent', days: 30, productive: false },
  { key: 'text_sent', name: 'Text sent', days: 30, productive: false },
  { key: 'letter_sent', name: 'Letter sent', days: 60, productive: false },
];

export interface ContactTypeChanges {
  name?: string;
  active?: boolean;
}

export interface RecycleCodeChanges {
  name?: string;
  days?: number;
  active?: boolean;
  productive?: boolean;
}

/**
 * Adds whichever default contact types and recycle codes a store lacks, by key; a store's renamed
 * or deactivated rows are left as they are. Idempotent, and safe when two processes start at once.
 */
export async function ensureContactDefaults(db: Kysely<Database>, storeId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const types = await trx
      .insertInto('contact_types')
      .values(DEFAULT_CONTACT_TYPES.map((d) => ({ store_id: storeId, key: d.key, name: d.name })))
      .onConflict((oc) => oc.columns(['store_id', 'key']).doNothing())
      .returning('id')
      .execute();
    const codes = await trx
      .insertInto('recycle_codes')
      .values(
        DEFAULT_RECYCLE_CODES.map((d) => ({
          store_id: storeId,
          key: d.key,
          name: d.name,
          days: d.days,
          productive: d.productive,
        })),
      )
      .onConflict((oc) => oc.columns(['store_id', 'key']).doNothing())
      .returning('id')
      .execute();
    return types.length + codes.length;
  });
}

/** Defaults for every store (run at start-up after migrations). */
export async function ensureContactDefaultsForAllStores(db: Kysely<Database>): Promise<void> {
  const stores = await db.selectFrom('stores').select('id').execute();
  for (const s of stores) await ensureContactDefaults(db, s.id);
}

export function listContactTypes(db: Kysely<Database>, storeId: number): Promise<ContactType[]> {
  return db.selectFrom('contact_types').selectAll().where('store_id', '=', storeId).orderBy('id').execute();
}

/** The contact type when it belongs to one of `storeIds` (the caller's visible stores). */
export async function findContactType(
  db: Kysely<Database>,
  id: number,
  storeIds: readonly number[],
): Promise<ContactType | undefined> {
  if (storeIds.length === 0) return undefined;
  return db
    .selectFrom('contact_types')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', 'in', storeIds)
    .executeTakeFirst();
}

export function insertContactType(
  db: Kysely<Database>,
  t: { storeId: number; key: string; name: string; active: boolean },
): Promise<ContactType> {
  return db
    .insertInto('contact_types')
    .values({ store_id: t.storeId, key: t.key, name: t.name.trim(), active: t.active })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateContactType(db: Kysely<Database>, id: number, changes: ContactTypeChanges): Promise<ContactType> {
  return db
    .updateTable('contact_types')
    .set({
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listRecycleCodes(db: Kysely<Database>, storeId: number): Promise<RecycleCode[]> {
  return db.selectFrom('recycle_codes').selectAll().where('store_id', '=', storeId).orderBy('id').execute();
}

/** The recycle code when it belongs to one of `storeIds` (the caller's visible stores). */
export async function findRecycleCode(
  db: Kysely<Database>,
  id: number,
  storeIds: readonly number[],
): Promise<RecycleCode | undefined> {
  if (storeIds.length === 0) return undefined;
  return db
    .selectFrom('recycle_codes')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', 'in', storeIds)
    .executeTakeFirst();
}

export function insertRecycleCode(
  db: Kysely<Database>,
  c: { storeId: number; key: string; name: string; days: number; active: boolean; productive: boolean },
): Promise<RecycleCode> {
  return db
    .insertInto('recycle_codes')
    .values({
      store_id: c.storeId,
      key: c.key,
      name: c.name.trim(),
      days: c.days,
      active: c.active,
      productive: c.productive,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateRecycleCode(db: Kysely<Database>, id: number, changes: RecycleCodeChanges): Promise<RecycleCode> {
  return db
    .updateTable('recycle_codes')
    .set({
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.days !== undefined ? { days: changes.days } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(changes.productive !== undefined ? { productive: changes.productive } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
