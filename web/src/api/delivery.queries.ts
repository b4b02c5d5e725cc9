import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Purpose } from './consent.types.ts';
import {
  fetchEligibility,
  fetchHistory,
  fetchMessage,
  fetchReplies,
  fetchSendOptions,
  fetchStoreMessages,
  sendMessage,
} from './delivery.ts';
import type { MessageFilters, SendChannel, SendRequest } from './delivery.types.ts';
import {
  contactabilityKey,
  eligibilityKey,
  historyKey,
  repliesKey,
  messageKey,
  sendOptionsKey,
  STORE_MESSAGES_KEY,
  storeMessagesKey,
} from './query-keys.ts';

/** While something is waiting to go out, look again now and then: the worker moves it along. */
const PENDING_REFRESH_MS = 5_000;
const hasPending = (pages: { items: { status: string }[] }[] | undefined) =>
  (pages ?? []).some((p) => p.items.some((m) => m.status === 'queued' || m.status === 'sending'));

/** A customer's contact history, newest first, a page at a time ("Load more" asks for the next). */
export function useHistory(customerId: number, filters: MessageFilters) {
  return useInfiniteQuery({
    queryKey: historyKey(customerId, filters),
    queryFn: ({ pageParam, signal }) => fetchHistory(customerId, filters, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: (q) => (hasPending(q.state.data?.pages) ? PENDING_REFRESH_MS : false),
  });
}

/** The store's messages (the Outbox screen), newest first. */
export function useStoreMessages(storeId: number | undefined, filters: MessageFilters) {
  return useInfiniteQuery({
    queryKey: storeMessagesKey(storeId ?? 0, filters),
    queryFn: ({ pageParam, signal }) => fetchStoreMessages(storeId ?? 0, filters, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    enabled: storeId !== undefined,
    refetchInterval: (q) => (hasPending(q.state.data?.pages) ? PENDING_REFRESH_MS : false),
  });
}

/** One message as sent, with its events; null id: nothing to load. */
export function useMessage(id: number | null) {
  return useQuery({
    queryKey: messageKey(id ?? 0),
    queryFn: ({ signal }) => fetchMessage(id ?? 0, signal),
    enabled: id !== null,
  });
}

export function useSendOptions(customerId: number, enabled = true) {
  return useQuery({
    queryKey: sendOptionsKey(customerId),
    queryFn: ({ signal }) => fetchSendOptions(customerId, signal),
    enabled,
  });
}

/** May this customer get this channel and purpose now (fetched afresh each time the choice changes). */
export function useEligibility(customerId: number, channel: SendChannel, purpose: Purpose, enabled = true) {
  return useQuery({
    queryKey: eligibilityKey(customerId, channel, purpose),
    queryFn: ({ signal }) => fetchEligibility(customerId, channel, purpose, signal),
    enabled,
    staleTime: 0,
  });
}

/** Queues a message; the customer's history and the Outbox are fetched again. */
export function useSendMessage(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (request: SendRequest) => sendMessage(customerId, request),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: historyKey(customerId) }),
        qc.invalidateQueries({ queryKey: STORE_MESSAGES_KEY }),
        qc.invalidateQueries({ queryKey: contactabilityKey(customerId) }),
      ]);
    },
  });
}

/** What the customer sent us (replies, STOP, HELP), refreshed with the history. */
export function useReplies(customerId: number) {
  return useQuery({
    queryKey: repliesKey(customerId),
    queryFn: ({ signal }) => fetchReplies(customerId, signal),
  });
}
