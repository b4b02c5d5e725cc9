import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createSavedQuery,
  fetchSavedQueries,
  fetchSavedQuery,
  fetchSegmentFields,
  previewQuery,
  updateSavedQuery,
} from './segments.ts';
import type { FilterGroup, QueryDetail, QueryInput, QueryPatch } from './segments.types.ts';
import { queryPreviewKey, savedQueryKey, savedQueryListKey, SEGMENTS_KEY, segmentFieldsKey } from './query-keys.ts';

/** The catalogue only changes with a new release: fetch it once per page load. */
export function useSegmentFields() {
  return useQuery({
    queryKey: segmentFieldsKey,
    queryFn: ({ signal }) => fetchSegmentFields(signal),
    staleTime: Infinity,
  });
}

export function useSavedQueries(storeId: number | undefined, archived = false) {
  return useQuery({
    queryKey: savedQueryListKey(storeId ?? 0, archived),
    queryFn: ({ signal }) => fetchSavedQueries(storeId ?? 0, archived, signal),
    enabled: storeId !== undefined,
  });
}

export function useSavedQuery(id: number | null) {
  return useQuery({
    queryKey: savedQueryKey(id ?? 0),
    queryFn: ({ signal }) => fetchSavedQuery(id ?? 0, signal),
    enabled: id !== null,
  });
}

/** After a save the lists and that query's detail are fetched again. */
function useRefreshQueries() {
  const qc = useQueryClient();
  return async (saved: QueryDetail) => {
    qc.setQueryData(savedQueryKey(saved.id), saved);
    await qc.invalidateQueries({ queryKey: [...SEGMENTS_KEY, 'list'] });
  };
}

export function useCreateSavedQuery(storeId: number) {
  const refresh = useRefreshQueries();
  return useMutation({
    mutationFn: (input: QueryInput) => createSavedQuery(storeId, input),
    onSuccess: refresh,
  });
}

/** Edits any query by id (the list archives several with one hook). */
export function useUpdateSavedQuery() {
  const refresh = useRefreshQueries();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: QueryPatch }) => updateSavedQuery(id, patch),
    onSuccess: refresh,
  });
}

/**
 * The live count and sample of a filter (pass a debounced tree; null while there is nothing to
 * ask). The last good answer stays on screen while the next one loads or when it is refused.
 */
export function useQueryPreview(storeId: number, filter: FilterGroup | null, sampleSize: number) {
  return useQuery({
    queryKey: queryPreviewKey(storeId, { filter, sampleSize }),
    queryFn: async ({ signal }) => {
      if (!filter) throw new Error('Nothing to preview');
      return previewQuery(storeId, { filter, sampleSize }, signal);
    },
    enabled: filter !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    gcTime: 60_000,
    retry: false,
  });
}
