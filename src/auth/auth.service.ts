import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Store, User } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { visibleStores } from '../stores/stores.store.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { deleteSession, findSession, insertSession, touchSession } from './sessions.store.ts';
import { countUsers, createUser, findUserByEmail } from './users.store.ts';
import { ensureOrganisation } from '../stores/stores.store.ts';

/** Who is calling: the user, their session's CSRF token, and the stores they may see. */
export interface Principal {
  user: User;
  sessionId: string;
  csrfToken: string;
  stores: Store[];
  storeIds: number[];
}

export interface AuthDeps {
  db: Kysely<Database>;
  clock: Clock;
  sessionTtlHours: number;
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createAuthService({ db, clock, sessionTtlHours }: AuthDeps) {
  const ttlMs = sessionTtlHours * 3_600_000;

  async function principalFor(user: User, sessionId: string, csrfToken: string): Promise<Principal> {
    const stores = await visibleStores(db, user);
    return { user, sessionId, csrfToken, stores, storeIds: stores.map((s) => s.id) };
  }

  return {
    /** Checks the password and opens a session; the returned token goes into the cookie only. */
    async login(email: string, password: string): Promise<{ token: string; principal: Principal }> {
      const user = await findUserByEmail(db, email);
      // Verify against a dummy hash for unknown users so the response time does not reveal accounts.
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user || !ok || !user.active) {
        throw new DomainError('invalid_credentials', 'The e-mail or password is not correct.');
      }
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const id = sessionIdOf(token);
      await insertSession(db, { id, userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + ttlMs), now });
      await db.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      return { token, principal: await principalFor(user, id, csrfToken) };
    },

    /** The principal for a cookie token, sliding the expiry at most once a minute. */
    async authenticate(token: string): Promise<Principal | undefined> {
      const now = clock.now();
      const found = await findSession(db, sessionIdOf(token), now);
      if (!found) return undefined;
      if (now.getTime() - found.session.last_seen_at.getTime() > 60_000) {
        await touchSession(db, found.session.id, now, new Date(now.getTime() + ttlMs));
      }
      return principalFor(found.user, found.session.id, found.session.csrf_token);
    },

    async logout(sessionId: string): Promise<void> {
      await deleteSession(db, sessionId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/**
 * Creates the first administrator when there are no users. Without a configured password one
 * is generated and returned so the caller can print it once; it is never stored in clear.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  opts: { email: string | undefined; password: string | undefined },
): Promise<{ email: string; generatedPassword?: string } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const email = opts.email ?? 'admin@forecourt.local';
  const generatedPassword = opts.password ? undefined : randomBytes(12).toString('base64url');
  const password = opts.password ?? generatedPassword ?? '';
  const organisationId = await ensureOrganisation(db);
  await createUser(db, {
    organisationId,
    email,
    name: 'Administrator',
    passwordHash: await hashPassword(password),
    role: 'admin',
  });
  return generatedPassword ? { email, generatedPassword } : { email };
}
