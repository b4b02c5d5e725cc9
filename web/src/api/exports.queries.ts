import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchExportRuns, fetchExportTargets, runExportNow, saveExportTarget } from './exports.ts';
import type { ExportKind, ExportTarget, ExportTargetChange } from './exports.types.ts';
import { exportRunsKey, exportTargetsKey } from './query-keys.ts';

export function useExportTargets(storeId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: exportTargetsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchExportTargets(storeId ?? 0, signal),
    enabled: enabled && storeId !== undefined,
  });
}

/** Saves one partner's export; the list is updated in place with what the server answered. */
export function useSaveExportTarget(storeId: number, kind: ExportKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ExportTargetChange) => saveExportTarget(storeId, kind, change),
    onSuccess: (saved) =>
      qc.setQueryData<ExportTarget[]>(exportTargetsKey(storeId), (list) =>
        list?.map((t) => (t.kind === saved.kind ? saved : t)),
      ),
  });
}

/** Runs one partner's export now; the runs are fetched again. */
export function useRunExport(storeId: number, kind: ExportKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => runExportNow(storeId, kind),
    onSuccess: () => qc.invalidateQueries({ queryKey: exportRunsKey(storeId) }),
  });
}

/** The latest runs; while one is running or waiting to retry, they are fetched again every half minute. */
export function useExportRuns(storeId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: exportRunsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchExportRuns(storeId ?? 0, signal),
    enabled: enabled && storeId !== undefined,
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === 'running' || r.status === 'retrying') ? 30_000 : false,
  });
}
