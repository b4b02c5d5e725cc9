import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import { DomainError } from '../shared/errors.ts';

export const SESSION_COOKIE = 'forecourt_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie into `request.principal` for every /api route, refuses anonymous
 * calls to non-public routes, and checks the CSRF token on state-changing requests. A
 * cross-origin `Origin` header is refused outright as a second line of defence.
 */
export function registerSession(app: FastifyInstance, auth: AuthService): void {
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const isPublic = request.routeOptions.config.public === true;
    if (UNSAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) {
        throw new DomainError('csrf_failed', 'Cross-site request refused.');
      }
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.principal = await auth.authenticate(token);
    if (isPublic) return;
    if (!request.principal) throw new DomainError('unauthenticated', 'Your session has ended. Log in again.');
    if (UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.principal.csrfToken)) {
        throw new DomainError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header; reload the page and try again.`);
      }
    }
  });
}
