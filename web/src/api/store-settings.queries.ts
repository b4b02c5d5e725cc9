import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from '../session/session.queries.ts';
import { fetchStoreSettings, updateStoreSettings, type EditableStoreSettings } from './store-settings.ts';

export const storeSettingsKey = (storeId: number) => ['stores', 'settings', storeId] as const;

export function useStoreSettings(storeId: number | undefined) {
  return useQuery({
    queryKey: storeSettingsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchStoreSettings(storeId ?? 0, signal),
    enabled: storeId !== undefined,
  });
}

/** Saves a change; the session is fetched again so the header and profiles see the new name and time zone. */
export function useUpdateStoreSettings(storeId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<EditableStoreSettings>) => updateStoreSettings(storeId, change),
    onSuccess: async (settings) => {
      qc.setQueryData(storeSettingsKey(storeId), settings);
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
