import { apiRequest, isUnauthenticated, setCsrfToken } from './client.ts';
import type { Session } from './types.ts';

export async function login(email: string, password: string): Promise<Session> {
  const session = await apiRequest<Session>('POST', '/api/auth/login', { body: { email, password }, quiet401: true });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when there is none (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('GET', '/api/auth/session', { quiet401: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isUnauthenticated(e)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export async function logout(): Promise<void> {
  try {
    await apiRequest<null>('POST', '/api/auth/logout', { quiet401: true });
  } catch (e) {
    // Already logged out on the server: the outcome the user asked for.
    if (!isUnauthenticated(e)) throw e;
  } finally {
    setCsrfToken(null);
  }
}
