import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchConsent, fetchContactability, recordConsent, updateContactMethods } from './consent.ts';
import type { ConsentChange } from './consent.types.ts';
import { consentKey, contactabilityKey, customerKey } from './query-keys.ts';
import type { ContactMethods, CustomerProfile } from './types.ts';

/** Quiet hours open and close with the clock: decide again every minute while the page is open. */
const CONTACTABILITY_REFRESH_MS = 60_000;

export function useContactability(customerId: number) {
  return useQuery({
    queryKey: contactabilityKey(customerId),
    queryFn: ({ signal }) => fetchContactability(customerId, signal),
    refetchInterval: CONTACTABILITY_REFRESH_MS,
  });
}

export function useConsent(customerId: number) {
  return useQuery({
    queryKey: consentKey(customerId),
    queryFn: ({ signal }) => fetchConsent(customerId, signal),
  });
}

/** Records a grant or withdrawal; the consent states, history and contactability follow. */
export function useRecordConsent(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ConsentChange) => recordConsent(customerId, change),
    onSuccess: async (overview) => {
      qc.setQueryData(consentKey(customerId), overview);
      await qc.invalidateQueries({ queryKey: contactabilityKey(customerId) });
    },
  });
}

/** Flips contact-method switches; the profile shows the answer at once and contactability is decided again. */
export function useUpdateContactMethods(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<ContactMethods>) => updateContactMethods(customerId, changes),
    onSuccess: async (contactMethods) => {
      qc.setQueryData<CustomerProfile>(customerKey(customerId), (old) =>
        old
          ? {
              ...old,
              customer: {
                ...old.customer,
                contactMethods,
                preferredContactMethod: contactMethods.preferredContactMethod,
              },
            }
          : old,
      );
      await qc.invalidateQueries({ queryKey: contactabilityKey(customerId) });
    },
  });
}
