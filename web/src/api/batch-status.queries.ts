import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchBatchContacts, fetchBatchRoi, fetchScheduleSummary, fetchStatusSeries } from './batch-status.ts';
import type { BatchContactStatus, DayRangeInput } from './batch-status.types.ts';
import { batchContactsKey, batchRoiKey, batchScheduleSummaryKey, batchStatusSeriesKey } from './query-keys.ts';

export function useScheduleSummary(scheduleId: number) {
  return useQuery({
    queryKey: batchScheduleSummaryKey(scheduleId),
    queryFn: ({ signal }) => fetchScheduleSummary(scheduleId, signal),
  });
}

/** Keeps the last page on screen while the next filter loads, so the grid does not flash empty. */
export function useBatchContacts(
  scheduleId: number,
  range: DayRangeInput,
  excluded: readonly BatchContactStatus[],
  page: number,
) {
  return useQuery({
    queryKey: batchContactsKey(scheduleId, range, excluded, page),
    queryFn: ({ signal }) => fetchBatchContacts(scheduleId, range, excluded, page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStatusSeries(scheduleId: number, range: DayRangeInput) {
  return useQuery({
    queryKey: batchStatusSeriesKey(scheduleId, range),
    queryFn: ({ signal }) => fetchStatusSeries(scheduleId, range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBatchRoi(scheduleId: number, range: DayRangeInput, enabled: boolean) {
  return useQuery({
    queryKey: batchRoiKey(scheduleId, range),
    queryFn: ({ signal }) => fetchBatchRoi(scheduleId, range, signal),
    enabled,
  });
}
