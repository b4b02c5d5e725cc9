import { apiRequest } from './client.ts';
import type {
  LifecycleMessages,
  LifecycleRunReport,
  LifecycleSetup,
  LifecycleSetupChange,
  LifecycleStatistics,
  LifecycleStep,
} from './lifecycle.types.ts';

const base = (storeId: number) => `/api/stores/${storeId}/lifecycle`;

/** The store's 360° Customer Contact set-up, its signature and what it will do. */
export function fetchLifecycleSetup(storeId: number, signal?: AbortSignal): Promise<LifecycleSetup> {
  return apiRequest<LifecycleSetup>('GET', base(storeId), { signal });
}

/**
 * Changes the set-up (managers and administrators; 403 for others). 422 'lifecycle_invalid'
 * lists every problem in `details.problems` with its field ('signature.businessOwner',
 * 'intervals.deadDays', …).
 */
export function updateLifecycleSetup(storeId: number, change: LifecycleSetupChange): Promise<LifecycleSetup> {
  return apiRequest<LifecycleSetup>('PATCH', base(storeId), { body: change });
}

/** What today's run would send, and why not for the others. Sends nothing. */
export function previewLifecycleRun(storeId: number): Promise<LifecycleRunReport> {
  return apiRequest<LifecycleRunReport>('POST', `${base(storeId)}/preview`, { body: {} });
}

/** Runs today's steps now (managers and administrators); a day that has run sends nothing more. */
export function runLifecycleNow(storeId: number): Promise<LifecycleRunReport> {
  return apiRequest<LifecycleRunReport>('POST', `${base(storeId)}/run`, { body: {} });
}

/** Messages per store-local day, step and channel with their delivery results, and the recent runs. */
export function fetchLifecycleStatistics(
  storeId: number,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<LifecycleStatistics> {
  const q = new URLSearchParams(range);
  return apiRequest<LifecycleStatistics>('GET', `${base(storeId)}/statistics?${q.toString()}`, { signal });
}

/** One day's 360° messages of one step, with their status and reason (at most 500). */
export function fetchLifecycleMessages(
  storeId: number,
  day: string,
  step: LifecycleStep,
  signal?: AbortSignal,
): Promise<LifecycleMessages> {
  const q = new URLSearchParams({ day, step });
  return apiRequest<LifecycleMessages>('GET', `${base(storeId)}/messages?${q.toString()}`, { signal });
}
