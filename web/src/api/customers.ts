import { apiRequest } from './client.ts';
import type { CustomerListRow, CustomerProfile } from './types.ts';

export const SEARCH_LIMIT = 50;

export async function searchCustomers(storeId: number, q: string, signal?: AbortSignal): Promise<CustomerListRow[]> {
  const params = new URLSearchParams({ q, limit: String(SEARCH_LIMIT), offset: '0' });
  const res = await apiRequest<{ customers: CustomerListRow[] }>(
    'GET',
    `/api/stores/${storeId}/customers?${params.toString()}`,
    {
      signal,
    },
  );
  return res.customers;
}

export function fetchCustomerProfile(id: number, signal?: AbortSignal): Promise<CustomerProfile> {
  return apiRequest<CustomerProfile>('GET', `/api/customers/${id}`, { signal });
}

export function markCustomerVerified(id: number): Promise<{ lastVerifiedAt: string }> {
  return apiRequest<{ lastVerifiedAt: string }>('POST', `/api/customers/${id}/verify`);
}
