import { apiRequest } from './client.ts';
import type { ConsentChange, ConsentOverview, Contactability } from './consent.types.ts';
import type { ContactMethods } from './types.ts';

export function fetchContactability(customerId: number, signal?: AbortSignal): Promise<Contactability> {
  return apiRequest<Contactability>('GET', `/api/customers/${customerId}/contactability`, { signal });
}

export function fetchConsent(customerId: number, signal?: AbortSignal): Promise<ConsentOverview> {
  return apiRequest<ConsentOverview>('GET', `/api/customers/${customerId}/consent`, { signal });
}

/** Appends a grant or withdrawal recorded by the logged-in user; answers the new overview. */
export function recordConsent(customerId: number, change: ConsentChange): Promise<ConsentOverview> {
  return apiRequest<ConsentOverview>('POST', `/api/customers/${customerId}/consent`, {
    body: { ...change, source: 'user' },
  });
}

/** Changes some switches; answers the full set. */
export function updateContactMethods(customerId: number, changes: Partial<ContactMethods>): Promise<ContactMethods> {
  return apiRequest<ContactMethods>('PATCH', `/api/customers/${customerId}/contact-methods`, { body: changes });
}
