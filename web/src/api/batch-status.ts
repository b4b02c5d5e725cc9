import type {
  BatchContactsPage,
  BatchContactStatus,
  BatchRoi,
  DayRangeInput,
  ScheduleSummary,
  StatusSeries,
} from './batch-status.types.ts';
import { apiRequest } from './client.ts';

/** Rows per page of the Batch Contact Status grid. */
export const BATCH_CONTACTS_PAGE_SIZE = 50;

const rangeParams = (range: DayRangeInput) => new URLSearchParams({ from: range.from, to: range.to });

export function fetchScheduleSummary(scheduleId: number, signal?: AbortSignal): Promise<ScheduleSummary> {
  return apiRequest<ScheduleSummary>('GET', `/api/batch-schedules/${scheduleId}`, { signal });
}

/** One page of the grid, newest first; `excluded` statuses are left out (the grey checks). */
export function fetchBatchContacts(
  scheduleId: number,
  range: DayRangeInput,
  excluded: readonly BatchContactStatus[],
  page: number,
  signal?: AbortSignal,
): Promise<BatchContactsPage> {
  const params = rangeParams(range);
  if (excluded.length > 0) params.set('exclude', excluded.join(','));
  params.set('page', String(page));
  params.set('pageSize', String(BATCH_CONTACTS_PAGE_SIZE));
  return apiRequest<BatchContactsPage>('GET', `/api/batch-schedules/${scheduleId}/contacts?${params.toString()}`, {
    signal,
  });
}

export function fetchStatusSeries(
  scheduleId: number,
  range: DayRangeInput,
  signal?: AbortSignal,
): Promise<StatusSeries> {
  return apiRequest<StatusSeries>(
    'GET',
    `/api/batch-schedules/${scheduleId}/status-series?${rangeParams(range).toString()}`,
    { signal },
  );
}

export function fetchBatchRoi(scheduleId: number, range: DayRangeInput, signal?: AbortSignal): Promise<BatchRoi> {
  return apiRequest<BatchRoi>('GET', `/api/batch-schedules/${scheduleId}/roi?${rangeParams(range).toString()}`, {
    signal,
  });
}
