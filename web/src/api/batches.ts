import { apiRequest } from './client.ts';
import type {
  BatchChannel,
  BatchRun,
  BatchRunReport,
  BatchSchedule,
  BatchScheduleInput,
  BatchSchedulePatch,
  ContactType,
  RecycleCode,
} from './batches.types.ts';

/** A store's daily batch schedules ("Batch Contacts") for one channel, by name. */
export async function fetchBatchSchedules(
  storeId: number,
  channel: BatchChannel,
  signal?: AbortSignal,
): Promise<BatchSchedule[]> {
  const res = await apiRequest<{ schedules: BatchSchedule[] }>(
    'GET',
    `/api/stores/${storeId}/batch-schedules?channel=${channel}&recurrence=daily`,
    { signal },
  );
  return res.schedules;
}

export function fetchBatchSchedule(id: number, signal?: AbortSignal): Promise<BatchSchedule> {
  return apiRequest<BatchSchedule>('GET', `/api/batch-schedules/${id}`, { signal });
}

/** Managers and administrators; one that could not run is a 422 'batch_invalid' with `details.problems`, a name in use a 409. */
export function createBatchSchedule(storeId: number, input: BatchScheduleInput): Promise<BatchSchedule> {
  return apiRequest<BatchSchedule>('POST', `/api/stores/${storeId}/batch-schedules`, { body: input });
}

/** Switching off (`{ active: false }`) is always allowed; any other change is checked like a new one. */
export function updateBatchSchedule(id: number, patch: BatchSchedulePatch): Promise<BatchSchedule> {
  return apiRequest<BatchSchedule>('PATCH', `/api/batch-schedules/${id}`, { body: patch });
}

/** A dry run at `at` (default: the schedule's next run); sends nothing. */
export function previewBatchSchedule(
  id: number,
  options: { at?: string; sampleSize?: number } = {},
): Promise<BatchRunReport> {
  return apiRequest<BatchRunReport>('POST', `/api/batch-schedules/${id}/preview`, { body: options });
}

/** Runs it now for today (managers and administrators); a schedule that already ran today sends nothing more. */
export function runBatchSchedule(id: number): Promise<BatchRunReport> {
  return apiRequest<BatchRunReport>('POST', `/api/batch-schedules/${id}/run`, { body: {} });
}

/** The schedule's runs, newest first. */
export async function fetchBatchRuns(id: number, limit: number, signal?: AbortSignal): Promise<BatchRun[]> {
  const res = await apiRequest<{ runs: BatchRun[] }>('GET', `/api/batch-schedules/${id}/runs?limit=${limit}`, {
    signal,
  });
  return res.runs;
}

export async function fetchContactTypes(storeId: number, signal?: AbortSignal): Promise<ContactType[]> {
  const res = await apiRequest<{ contactTypes: ContactType[] }>('GET', `/api/stores/${storeId}/contact-types`, {
    signal,
  });
  return res.contactTypes;
}

export async function fetchRecycleCodes(storeId: number, signal?: AbortSignal): Promise<RecycleCode[]> {
  const res = await apiRequest<{ recycleCodes: RecycleCode[] }>('GET', `/api/stores/${storeId}/recycle-codes`, {
    signal,
  });
  return res.recycleCodes;
}
