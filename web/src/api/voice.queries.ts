import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BATCHES_KEY, voiceCallerIdsKey, voiceRecordingsKey } from './query-keys.ts';
import {
  addCallerId,
  fetchCallerIds,
  fetchRecordings,
  updateCallerId,
  updateRecording,
  uploadRecording,
} from './voice.ts';
import type { CallerIdInput, CallerIdPatch, RecordingPatch } from './voice.types.ts';

export function useRecordings(storeId: number | undefined) {
  return useQuery({
    queryKey: voiceRecordingsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchRecordings(storeId ?? 0, signal),
    enabled: storeId !== undefined,
  });
}

export function useCallerIds(storeId: number | undefined) {
  return useQuery({
    queryKey: voiceCallerIdsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchCallerIds(storeId ?? 0, signal),
    enabled: storeId !== undefined,
  });
}

/** A change to a recording or caller ID: its list again, and the batch lists (their names and problems). */
function useRefresh(key: readonly unknown[]) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: key }),
      qc.invalidateQueries({ queryKey: [...BATCHES_KEY, 'list'] }),
    ]);
  };
}

export function useUploadRecording(storeId: number) {
  const refresh = useRefresh(voiceRecordingsKey(storeId));
  return useMutation({
    mutationFn: ({ name, file }: { name: string; file: File }) => uploadRecording(storeId, name, file),
    onSuccess: refresh,
  });
}

export function useUpdateRecording(storeId: number) {
  const refresh = useRefresh(voiceRecordingsKey(storeId));
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: RecordingPatch }) => updateRecording(id, patch),
    onSuccess: refresh,
  });
}

export function useAddCallerId(storeId: number) {
  const refresh = useRefresh(voiceCallerIdsKey(storeId));
  return useMutation({ mutationFn: (input: CallerIdInput) => addCallerId(storeId, input), onSuccess: refresh });
}

export function useUpdateCallerId(storeId: number) {
  const refresh = useRefresh(voiceCallerIdsKey(storeId));
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: CallerIdPatch }) => updateCallerId(id, patch),
    onSuccess: refresh,
  });
}
