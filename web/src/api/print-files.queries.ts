import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { closePrintFile, fetchPrintFiles, markPrintFilePrinted } from './print-files.ts';
import type { PrintFile } from './print-files.types.ts';
import { printFilesKey, STORE_MESSAGES_KEY } from './query-keys.ts';

/** Open files grow while the worker files letters; look again now and then. */
const OPEN_REFRESH_MS = 10_000;

export function usePrintFiles(storeId: number | undefined) {
  return useQuery({
    queryKey: printFilesKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchPrintFiles(storeId ?? 0, signal),
    enabled: storeId !== undefined,
    refetchInterval: (q) =>
      (q.state.data ?? []).some((f) => f.status === 'open' || f.status === 'closing') ? OPEN_REFRESH_MS : false,
  });
}

/** Puts a changed file in the cached list in place of the old one. */
function useReplaceInList(storeId: number) {
  const qc = useQueryClient();
  return (file: PrintFile) =>
    qc.setQueryData<PrintFile[]>(printFilesKey(storeId), (old) => old?.map((f) => (f.id === file.id ? file : f)));
}

export function useClosePrintFile(storeId: number) {
  const replace = useReplaceInList(storeId);
  return useMutation({ mutationFn: closePrintFile, onSuccess: replace });
}

/** Marks printed; the Outbox shows the letters delivered. */
export function useMarkPrinted(storeId: number) {
  const qc = useQueryClient();
  const replace = useReplaceInList(storeId);
  return useMutation({
    mutationFn: markPrintFilePrinted,
    onSuccess: async (file) => {
      replace(file);
      await qc.invalidateQueries({ queryKey: STORE_MESSAGES_KEY });
    },
  });
}
