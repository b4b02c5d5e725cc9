import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from '../session/session.queries.ts';
import {
  fetchLifecycleMessages,
  fetchLifecycleSetup,
  fetchLifecycleStatistics,
  previewLifecycleRun,
  runLifecycleNow,
  updateLifecycleSetup,
} from './lifecycle.ts';
import type { LifecycleSetupChange, LifecycleStep } from './lifecycle.types.ts';
import { LIFECYCLE_KEY, lifecycleMessagesKey, lifecycleSetupKey, lifecycleStatisticsKey } from './query-keys.ts';
import { storeSettingsKey } from './store-settings.queries.ts';

export function useLifecycleSetup(storeId: number | undefined) {
  return useQuery({
    queryKey: lifecycleSetupKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchLifecycleSetup(storeId ?? 0, signal),
    enabled: storeId !== undefined,
  });
}

/**
 * Saves a change. The signature is the store's contact card, so the store settings and the
 * session (the store's name in the header) are fetched again too.
 */
export function useUpdateLifecycleSetup(storeId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: LifecycleSetupChange) => updateLifecycleSetup(storeId, change),
    onSuccess: async (setup) => {
      qc.setQueryData(lifecycleSetupKey(storeId), setup);
      await Promise.all([
        qc.invalidateQueries({ queryKey: storeSettingsKey(storeId) }),
        qc.invalidateQueries({ queryKey: SESSION_KEY }),
      ]);
    },
  });
}

/** A dry run of today: nothing is sent, so nothing else needs refreshing. */
export function usePreviewLifecycle(storeId: number) {
  return useMutation({ mutationFn: () => previewLifecycleRun(storeId) });
}

/** Runs today now; the statistics and message lists are fetched again. */
export function useRunLifecycle(storeId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => runLifecycleNow(storeId),
    onSuccess: () => qc.invalidateQueries({ queryKey: LIFECYCLE_KEY }),
  });
}

export function useLifecycleStatistics(storeId: number, range: { from: string; to: string }) {
  return useQuery({
    queryKey: lifecycleStatisticsKey(storeId, range),
    queryFn: ({ signal }) => fetchLifecycleStatistics(storeId, range, signal),
  });
}

/** One day's messages of a step; nothing is fetched until a cell is chosen. */
export function useLifecycleMessages(storeId: number, cell: { day: string; step: LifecycleStep } | null) {
  return useQuery({
    queryKey: lifecycleMessagesKey(storeId, cell?.day ?? '', cell?.step ?? ''),
    queryFn: ({ signal }) => fetchLifecycleMessages(storeId, cell?.day ?? '', cell?.step ?? 'thank_you', signal),
    enabled: cell !== null,
  });
}
