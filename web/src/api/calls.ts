import { apiRequest } from './client.ts';
import type {
  CallEntry,
  CallListOption,
  CallListSummary,
  CallResult,
  CallResultRequest,
  LoggedCall,
  Productivity,
} from './calls.types.ts';

/** The lists an agent can work: contact types with a built-in list, then saved queries. */
export async function fetchCallLists(storeId: number, signal?: AbortSignal): Promise<CallListOption[]> {
  const res = await apiRequest<{ lists: CallListOption[] }>('GET', `/api/stores/${storeId}/call-lists`, { signal });
  return res.lists;
}

/** Today's list (built on its first use of the day): its size and how many are left. */
export function openCallList(storeId: number, list: string): Promise<CallListSummary> {
  return apiRequest<CallListSummary>('POST', `/api/stores/${storeId}/call-list/open`, { body: { list } });
}

/**
 * Takes the next customer, held for the agent for 10 minutes; the one already held if any; null
 * when nobody is left to call now.
 */
export async function takeNextCall(storeId: number, list: string): Promise<CallEntry | null> {
  const res = await apiRequest<{ entry: CallEntry | null }>('POST', `/api/stores/${storeId}/call-list/next`, {
    body: { list },
  });
  return res.entry;
}

/** Gives a taken customer back to the list without a result. */
export async function releaseCall(entryId: number): Promise<void> {
  await apiRequest<null>('POST', `/api/call-list/entries/${entryId}/release`, { body: {} });
}

/**
 * Logs what came of the call. 409 call_not_taken / call_already_logged; 409 confirmation_required
 * for "wrong number" without confirmWrongNumber; 422 unknown_recycle_code.
 */
export function logCallResult(entryId: number, request: CallResultRequest): Promise<CallResult> {
  return apiRequest<CallResult>('POST', `/api/call-list/entries/${entryId}/result`, { body: request });
}

/** A customer's logged calls, newest first. */
export async function fetchCallResults(customerId: number, signal?: AbortSignal): Promise<LoggedCall[]> {
  const res = await apiRequest<{ calls: LoggedCall[] }>('GET', `/api/customers/${customerId}/call-results`, {
    signal,
  });
  return res.calls;
}

/** Per agent and store-local day: calls, productive contacts, appointments, texts answered. */
export function fetchProductivity(
  storeId: number,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<Productivity> {
  const q = new URLSearchParams(range);
  return apiRequest<Productivity>('GET', `/api/stores/${storeId}/productivity?${q.toString()}`, { signal });
}
