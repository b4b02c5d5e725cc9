import { apiRequest } from './client.ts';
import type { TextReplyResult, TextThread, TextThreadSummary } from './inbox.types.ts';

/** The store's text threads, the latest inbound first; `mine` keeps those assigned to me. */
export async function fetchInbox(storeId: number, mine: boolean, signal?: AbortSignal): Promise<TextThreadSummary[]> {
  const q = mine ? '?mine=true' : '';
  const res = await apiRequest<{ threads: TextThreadSummary[] }>('GET', `/api/stores/${storeId}/inbox${q}`, {
    signal,
  });
  return res.threads;
}

/** A customer's texts both ways, oldest first; reading marks the thread read. */
export function fetchTextThread(customerId: number, signal?: AbortSignal): Promise<TextThread> {
  return apiRequest<TextThread>('GET', `/api/customers/${customerId}/texts`, { signal });
}

/** Assigns the thread to an agent of the store, or to nobody. */
export async function assignTextThread(customerId: number, userId: number | null): Promise<void> {
  await apiRequest<null>('POST', `/api/customers/${customerId}/texts/assign`, { body: { userId } });
}

/**
 * Replies from the thread. 409 reply_blocked (quiet hours, no consent) says why in its message;
 * the same requestKey sends once.
 */
export function replyToText(customerId: number, body: string, requestKey: string): Promise<TextReplyResult> {
  return apiRequest<TextReplyResult>('POST', `/api/customers/${customerId}/texts/reply`, {
    body: { body, requestKey },
  });
}
