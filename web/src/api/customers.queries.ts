import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCustomerProfile, markCustomerVerified } from './customers.ts';
import type { CustomerProfile } from './types.ts';

export const customerKey = (id: number) => ['customers', 'profile', id] as const;

export function useCustomerProfile(id: number | null) {
  return useQuery({
    queryKey: customerKey(id ?? 0),
    queryFn: ({ signal }) => fetchCustomerProfile(id ?? 0, signal),
    enabled: id !== null,
  });
}

/** "Verified Info": records the check and shows the new date at once. */
export function useVerifyCustomer(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => markCustomerVerified(id),
    onSuccess: ({ lastVerifiedAt }) => {
      qc.setQueryData<CustomerProfile>(customerKey(id), (old) =>
        old ? { ...old, customer: { ...old.customer, lastVerifiedAt } } : old,
      );
    },
  });
}
