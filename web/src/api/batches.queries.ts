import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createBatchSchedule,
  fetchBatchRuns,
  fetchBatchSchedule,
  fetchBatchSchedules,
  fetchContactTypes,
  fetchRecycleCodes,
  previewBatchSchedule,
  runBatchSchedule,
  updateBatchSchedule,
} from './batches.ts';
import type { BatchChannel, BatchSchedule, BatchScheduleInput, BatchSchedulePatch } from './batches.types.ts';
import {
  BATCHES_KEY,
  batchListKey,
  batchRunsKey,
  batchScheduleKey,
  contactTypesKey,
  recycleCodesKey,
} from './query-keys.ts';

export function useBatchSchedules(storeId: number | undefined, channel: BatchChannel) {
  return useQuery({
    queryKey: batchListKey(storeId ?? 0, channel),
    queryFn: ({ signal }) => fetchBatchSchedules(storeId ?? 0, channel, signal),
    enabled: storeId !== undefined,
  });
}

export function useBatchSchedule(id: number | null) {
  return useQuery({
    queryKey: batchScheduleKey(id ?? 0),
    queryFn: ({ signal }) => fetchBatchSchedule(id ?? 0, signal),
    enabled: id !== null,
  });
}

/** A schedule's latest runs (newest first); `limit` 1 for a list's "last run" column. */
export function useBatchRuns(id: number, limit: number) {
  return useQuery({
    queryKey: batchRunsKey(id, limit),
    queryFn: ({ signal }) => fetchBatchRuns(id, limit, signal),
  });
}

export function useContactTypes(storeId: number | undefined) {
  return useQuery({
    queryKey: contactTypesKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchContactTypes(storeId ?? 0, signal),
    enabled: storeId !== undefined,
    staleTime: 60_000,
  });
}

export function useRecycleCodes(storeId: number | undefined) {
  return useQuery({
    queryKey: recycleCodesKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchRecycleCodes(storeId ?? 0, signal),
    enabled: storeId !== undefined,
    staleTime: 60_000,
  });
}

/** After a save the lists are fetched again and the schedule's detail is the saved one. */
function useRefreshBatches() {
  const qc = useQueryClient();
  return async (saved: BatchSchedule) => {
    qc.setQueryData(batchScheduleKey(saved.id), saved);
    await qc.invalidateQueries({ queryKey: [...BATCHES_KEY, 'list'] });
  };
}

export function useCreateBatchSchedule(storeId: number) {
  const refresh = useRefreshBatches();
  return useMutation({
    mutationFn: (input: BatchScheduleInput) => createBatchSchedule(storeId, input),
    onSuccess: refresh,
  });
}

/** Changes any schedule by id (the list switches several on and off with one hook). */
export function useUpdateBatchSchedule() {
  const refresh = useRefreshBatches();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: BatchSchedulePatch }) => updateBatchSchedule(id, patch),
    onSuccess: refresh,
  });
}

/** The dry run of the schedule's next run, asked for on demand. */
export function usePreviewBatchSchedule(id: number) {
  return useMutation({ mutationFn: () => previewBatchSchedule(id) });
}

/** Runs it now; its runs and the lists' "last run" are fetched again after. */
export function useRunBatchSchedule(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => runBatchSchedule(id),
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: [...BATCHES_KEY, 'runs', id] }),
        qc.invalidateQueries({ queryKey: batchScheduleKey(id) }),
      ]);
    },
  });
}
