import type { Kysely } from 'kysely';
import type { Database, Store } from '../db/schema.ts';

export interface NewStore {
  code: string;
  name: string;
  country?: string;
  timeZone?: string;
  addressLine1?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  phone?: string | null;
  email?: string | null;
  ownerName?: string | null;
  feedbackUrl?: string | null;
  bodyShopAutoOff?: boolean;
}

/** The organisation that owns everything in a single-group install, created on first use. */
export async function ensureOrganisation(db: Kysely<Database>, name = 'My Dealer Group'): Promise<number> {
  const existing = await db.selectFrom('organisations').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (existing) return existing.id;
  const row = await db.insertInto('organisations').values({ name }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function createStore(db: Kysely<Database>, organisationId: number, s: NewStore): Promise<Store> {
  return db
    .insertInto('stores')
    .values({
      organisation_id: organisationId,
      code: s.code,
      name: s.name,
      country: s.country,
      time_zone: s.timeZone,
      address_line1: s.addressLine1 ?? null,
      address_line2: null,
      city: s.city ?? null,
      region: s.region ?? null,
      postal_code: s.postalCode ?? null,
      phone: s.phone ?? null,
      email: s.email ?? null,
      owner_name: s.ownerName ?? null,
      feedback_url: s.feedbackUrl ?? null,
      body_shop_auto_off: s.bodyShopAutoOff,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findStoreByCode(db: Kysely<Database>, code: string): Promise<Store | undefined> {
  return db.selectFrom('stores').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Stores a user may see: every store of the organisation for an admin, else the assigned ones. */
export function visibleStores(
  db: Kysely<Database>,
  user: { id: number; role: string; organisation_id: number },
): Promise<Store[]> {
  let q = db.selectFrom('stores').selectAll('stores').where('stores.organisation_id', '=', user.organisation_id);
  if (user.role !== 'admin') {
    q = q.where('stores.id', 'in', (eb) =>
      eb.selectFrom('user_stores').select('store_id').where('user_id', '=', user.id),
    );
  }
  return q.orderBy('stores.name').execute();
}
