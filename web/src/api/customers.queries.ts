import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCustomerProfile, markCustomerVerified } from './customers.ts';
import { contactabilityKey, customerKey } from './query-keys.ts';
import type { CustomerProfile } from './types.ts';

export function useCustomerProfile(id: number | null) {
  return useQuery({
    queryKey: customerKey(id ?? 0),
    queryFn: ({ signal }) => fetchCustomerProfile(id ?? 0, signal),
    enabled: id !== null,
  });
}

/**
 * "Verified Info": records the check and shows the new date at once. It also clears the bounce and
 * block history of what is on file, so contactability is decided again.
 */
export function useVerifyCustomer(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => markCustomerVerified(id),
    onSuccess: async ({ lastVerifiedAt }) => {
      qc.setQueryData<CustomerProfile>(customerKey(id), (old) =>
        old ? { ...old, customer: { ...old.customer, lastVerifiedAt } } : old,
      );
      await qc.invalidateQueries({ queryKey: contactabilityKey(id) });
    },
  });
}
