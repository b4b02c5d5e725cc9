import { apiRequest } from './client.ts';
import type { Purpose } from './consent.types.ts';
import type {
  Eligibility,
  HistoryItem,
  HistoryPage,
  MessageDetail,
  MessageFilters,
  SendChannel,
  SendOptions,
  SendRequest,
  StoreMessage,
  Reply,
} from './delivery.types.ts';

/** Messages per page of history and of the Outbox. */
export const MESSAGES_PAGE_SIZE = 25;

function pageQuery(filters: MessageFilters, before: number | null): string {
  const params = new URLSearchParams({ limit: String(MESSAGES_PAGE_SIZE) });
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.status) params.set('status', filters.status);
  if (before !== null) params.set('before', String(before));
  return params.toString();
}

/** One page of a customer's contact history, newest first. */
export function fetchHistory(
  customerId: number,
  filters: MessageFilters,
  before: number | null,
  signal?: AbortSignal,
): Promise<HistoryPage> {
  return apiRequest<HistoryPage>('GET', `/api/customers/${customerId}/history?${pageQuery(filters, before)}`, {
    signal,
  });
}

/** One page of a store's messages (the Outbox), newest first. */
export function fetchStoreMessages(
  storeId: number,
  filters: MessageFilters,
  before: number | null,
  signal?: AbortSignal,
): Promise<HistoryPage<StoreMessage>> {
  return apiRequest<HistoryPage<StoreMessage>>('GET', `/api/stores/${storeId}/messages?${pageQuery(filters, before)}`, {
    signal,
  });
}

export function fetchMessage(id: number, signal?: AbortSignal): Promise<MessageDetail> {
  return apiRequest<MessageDetail>('GET', `/api/messages/${id}`, { signal });
}

export function fetchSendOptions(customerId: number, signal?: AbortSignal): Promise<SendOptions> {
  return apiRequest<SendOptions>('GET', `/api/customers/${customerId}/send-options`, { signal });
}

export function fetchEligibility(
  customerId: number,
  channel: SendChannel,
  purpose: Purpose,
  signal?: AbortSignal,
): Promise<Eligibility> {
  const params = new URLSearchParams({ channel, purpose });
  return apiRequest<Eligibility>('GET', `/api/customers/${customerId}/eligibility?${params.toString()}`, { signal });
}

/**
 * Queues one message (201), or answers the message already queued for this request key (200). A
 * 422 `not_eligible` lists the reasons in `details.reasons`; template_* 422s list the problems.
 */
export function sendMessage(customerId: number, request: SendRequest): Promise<HistoryItem> {
  return apiRequest<HistoryItem>('POST', `/api/customers/${customerId}/messages`, { body: request });
}

/** What the customer sent us, newest first. */
export async function fetchReplies(customerId: number, signal?: AbortSignal): Promise<Reply[]> {
  const res = await apiRequest<{ items: Reply[] }>('GET', `/api/customers/${customerId}/replies?limit=20`, { signal });
  return res.items;
}
