import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assignTextThread, fetchInbox, fetchTextThread, replyToText } from './inbox.ts';
import { historyKey, INBOX_KEY, inboxKey, textThreadKey } from './query-keys.ts';

/** How often the inbox and an open thread look for new texts. */
const POLL_MS = 30_000;

export function useInbox(storeId: number | undefined, mine: boolean) {
  return useQuery({
    queryKey: inboxKey(storeId ?? 0, mine),
    queryFn: ({ signal }) => fetchInbox(storeId ?? 0, mine, signal),
    enabled: storeId !== undefined,
    refetchInterval: POLL_MS,
  });
}

/** One thread; reading it marks it read, so the thread lists are fetched again once it arrives. */
export function useTextThread(customerId: number | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: textThreadKey(customerId ?? 0),
    queryFn: async ({ signal }) => {
      const thread = await fetchTextThread(customerId ?? 0, signal);
      void qc.invalidateQueries({ queryKey: [...INBOX_KEY, 'threads'] });
      return thread;
    },
    enabled: customerId !== null,
    refetchInterval: POLL_MS,
  });
}

export function useAssignTextThread(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: number | null) => assignTextThread(customerId, userId),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...INBOX_KEY, 'threads'] }),
  });
}

/** A reply; the thread and the customer's contact history are fetched again. */
export function useReplyToText(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, requestKey }: { body: string; requestKey: string }) =>
      replyToText(customerId, body, requestKey),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: textThreadKey(customerId) }),
        qc.invalidateQueries({ queryKey: historyKey(customerId) }),
      ]);
    },
  });
}
