import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createCampaign, fetchCampaignOptions, fetchStoreSenders, fetchStoreStaff } from './campaigns.ts';
import type { Campaign, CampaignInput, CampaignOptionsRequest } from './campaigns.types.ts';
import { BATCHES_KEY, storeSendersKey, storeStaffKey } from './query-keys.ts';

export function useStoreStaff(storeId: number | undefined) {
  return useQuery({
    queryKey: storeStaffKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchStoreStaff(storeId ?? 0, signal),
    enabled: storeId !== undefined,
    staleTime: 60_000,
  });
}

export function useStoreSenders(storeId: number | undefined) {
  return useQuery({
    queryKey: storeSendersKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchStoreSenders(storeId ?? 0, signal),
    enabled: storeId !== undefined,
    staleTime: 60_000,
  });
}

/** Asked for when Send is clicked: the counts are for that moment and that template's purpose. */
export function useCampaignOptions(storeId: number) {
  return useMutation({ mutationFn: (body: CampaignOptionsRequest) => fetchCampaignOptions(storeId, body) });
}

/** After a send the batch lists (which list campaigns too) are fetched again. */
export function useCreateCampaign(storeId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput): Promise<Campaign> => createCampaign(storeId, input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: [...BATCHES_KEY, 'list'] });
    },
  });
}
