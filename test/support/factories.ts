import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/auth/passwords.ts';
import { createUser } from '../../src/auth/users.store.ts';
import type { Customer, Database, NewCustomer, Role, Store, User, Vehicle } from '../../src/db/schema.ts';
import { createStore, ensureOrganisation, type NewStore } from '../../src/stores/stores.store.ts';

let seq = 0;
const next = () => ++seq;

export async function buildStore(db: Kysely<Database>, overrides: Partial<NewStore> = {}): Promise<Store> {
  const n = next();
  const org = await ensureOrganisation(db);
  return createStore(db, org, {
    code: `S${n}`,
    name: `Store ${n}`,
    country: 'CA',
    timeZone: 'America/Toronto',
    ...overrides,
  });
}

/** Hashing is slow on purpose; tests share one hash per password. */
const hashes = new Map<string, Promise<string>>();
export const TEST_PASSWORD = 'correct horse battery';

export async function buildUser(
  db: Kysely<Database>,
  overrides: { email?: string; role?: Role; storeIds?: number[]; password?: string; name?: string } = {},
): Promise<User> {
  const n = next();
  const password = overrides.password ?? TEST_PASSWORD;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return createUser(db, {
    organisationId: await ensureOrganisation(db),
    email: overrides.email ?? `user${n}@example.test`,
    name: overrides.name ?? `User ${n}`,
    passwordHash: await hashes.get(password)!,
    role: overrides.role ?? 'agent',
    storeIds: overrides.storeIds ?? [],
  });
}

export async function buildCustomer(
  db: Kysely<Database>,
  storeId: number,
  overrides: Partial<NewCustomer> = {},
): Promise<Customer> {
  const n = next();
  return db
    .insertInto('customers')
    .values({
      store_id: storeId,
      dms_customer_number: `C${n}`,
      first_name: 'Pat',
      last_name: `Customer${n}`,
      cell_phone: `+1416555${String(1000 + (n % 9000)).padStart(4, '0')}`,
      email: `pat${n}@example.test`,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildVehicle(
  db: Kysely<Database>,
  customer: Pick<Customer, 'id' | 'store_id'>,
  overrides: Partial<Omit<Vehicle, 'id'>> = {},
): Promise<Vehicle> {
  const n = next();
  return db
    .insertInto('vehicles')
    .values({
      store_id: customer.store_id,
      customer_id: customer.id,
      vin: `1HGCM82633A${String(100000 + n).slice(-6)}`,
      year: 2019,
      make: 'Honda',
      model: 'Civic',
      plate: `T${n}ABC`,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
