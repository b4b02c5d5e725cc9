import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../db/schema.ts';

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  organisationId: number;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  storeIds?: number[];
}

export async function createUser(db: Kysely<Database>, u: NewUser): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        organisation_id: u.organisationId,
        email: u.email.trim(),
        name: u.name,
        password_hash: u.passwordHash,
        role: u.role,
        last_login_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (u.storeIds && u.storeIds.length > 0) {
      await trx
        .insertInto('user_stores')
        .values(u.storeIds.map((storeId) => ({ user_id: user.id, store_id: storeId })))
        .execute();
    }
    return user;
  });
}
