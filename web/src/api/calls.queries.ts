import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchCallLists,
  fetchCallResults,
  fetchProductivity,
  logCallResult,
  openCallList,
  releaseCall,
  takeNextCall,
} from './calls.ts';
import type { CallResultRequest } from './calls.types.ts';
import {
  callListsKey,
  callResultsKey,
  CALLS_KEY,
  contactabilityKey,
  customerKey,
  productivityKey,
} from './query-keys.ts';

export function useCallLists(storeId: number | undefined) {
  return useQuery({
    queryKey: callListsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchCallLists(storeId ?? 0, signal),
    enabled: storeId !== undefined,
  });
}

/** Opens (builds on its first use of the day) a list; its size and what is left. */
export function useOpenCallList(storeId: number) {
  return useMutation({ mutationFn: (list: string) => openCallList(storeId, list) });
}

/** "Next customer": takes one off the list (or the one already held). */
export function useTakeNextCall(storeId: number) {
  return useMutation({ mutationFn: (list: string) => takeNextCall(storeId, list) });
}

/** "Skip / give back": the customer goes back on the list. */
export function useReleaseCall() {
  return useMutation({ mutationFn: (entryId: number) => releaseCall(entryId) });
}

/**
 * Logs a result. The customer's call results, profile (a booked appointment) and contactability
 * (the recycle period, a wrong number) are fetched again, and so is the productivity report.
 */
export function useLogCallResult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, request }: { entryId: number; customerId: number; request: CallResultRequest }) =>
      logCallResult(entryId, request),
    onSuccess: async (_result, { customerId }) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: callResultsKey(customerId) }),
        qc.invalidateQueries({ queryKey: customerKey(customerId) }),
        qc.invalidateQueries({ queryKey: contactabilityKey(customerId) }),
        qc.invalidateQueries({ queryKey: [...CALLS_KEY, 'productivity'] }),
      ]);
    },
  });
}

export function useCallResults(customerId: number | null) {
  return useQuery({
    queryKey: callResultsKey(customerId ?? 0),
    queryFn: ({ signal }) => fetchCallResults(customerId ?? 0, signal),
    enabled: customerId !== null,
  });
}

export function useProductivity(storeId: number, range: { from: string; to: string }) {
  return useQuery({
    queryKey: productivityKey(storeId, range),
    queryFn: ({ signal }) => fetchProductivity(storeId, range, signal),
  });
}
