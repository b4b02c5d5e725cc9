import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/auth.service.ts';
import { DomainError } from '../shared/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Routes that anyone may call (health, login, docs). */
    public?: boolean;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated', 'Log in first.');
  return request.principal;
}

/**
 * Throws not_found (never forbidden) for a store the caller may not see, so that other
 * tenants' ids reveal nothing.
 */
export function requireStore(principal: Principal, storeId: number): void {
  if (!principal.storeIds.includes(storeId)) throw new DomainError('not_found', 'Store not found');
}

export function requireRole(principal: Principal, ...roles: Principal['user']['role'][]): void {
  if (!roles.includes(principal.user.role)) {
    throw new DomainError('forbidden', `This needs the ${roles.join(' or ')} role.`);
  }
}
