import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords.ts';
import { createUser, findUserByEmail } from '../auth/users.store.ts';
import type { Db } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { ensureOrganisation } from '../stores/stores.store.ts';

const ROLES: readonly Role[] = ['admin', 'manager', 'agent'];

export interface AddUserOptions {
  db: Db;
  email: string;
  name: string;
  role: string;
  /** Store codes the user may see (admins see every store of the group). */
  stores: string[];
  /** When absent, a password is generated and printed once. */
  password?: string | undefined;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** `forecourt user add`: creates a user with an argon2id password and the stores they may see. */
export async function runAddUser(o: AddUserOptions): Promise<number> {
  const out = o.out ?? process.stdout;
  const err = o.err ?? process.stderr;
  if (!isRole(o.role)) {
    err.write(`Unknown role "${o.role}". Use one of: ${ROLES.join(', ')}.\n`);
    return 2;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o.email)) {
    err.write(`"${o.email}" is not an e-mail address.\n`);
    return 2;
  }
  if (o.password !== undefined && o.password.length < 8) {
    err.write('The password needs 8 characters or more.\n');
    return 2;
  }
  const k = o.db.kysely;
  if (await findUserByEmail(k, o.email)) {
    err.write(`A user with e-mail ${o.email} already exists.\n`);
    return 2;
  }
  const stores = o.stores.length
    ? await k.selectFrom('stores').select(['id', 'code']).where('code', 'in', o.stores).execute()
    : [];
  const missing = o.stores.filter((code) => !stores.some((s) => s.code === code));
  if (missing.length) {
    const known = (await k.selectFrom('stores').select('code').orderBy('code').execute()).map((s) => s.code);
    err.write(`Unknown store code(s): ${missing.join(', ')}. Known: ${known.join(', ') || 'none yet'}.\n`);
    return 2;
  }
  if (o.role !== 'admin' && stores.length === 0) {
    err.write('A manager or agent needs at least one store: --stores CODE[,CODE…].\n');
    return 2;
  }
  const password = o.password ?? randomBytes(12).toString('base64url');
  await createUser(k, {
    organisationId: await ensureOrganisation(k),
    email: o.email,
    name: o.name,
    passwordHash: await hashPassword(password),
    role: o.role,
    storeIds: stores.map((s) => s.id),
  });
  out.write(`Created ${o.role} ${o.email}${stores.length ? ` for ${stores.map((s) => s.code).join(', ')}` : ''}.\n`);
  if (!o.password) out.write(`Password (shown once): ${password}\n`);
  return 0;
}
