import { apiRequest } from './client.ts';
import type { ExportKind, ExportRun, ExportTarget, ExportTargetChange } from './exports.types.ts';

const targets = (storeId: number) => `/api/stores/${storeId}/export-targets`;

/** The store's three partner exports with their settings (managers and administrators). */
export async function fetchExportTargets(storeId: number, signal?: AbortSignal): Promise<ExportTarget[]> {
  const body = await apiRequest<{ targets: ExportTarget[] }>('GET', targets(storeId), { signal });
  return body.targets;
}

/**
 * Changes a partner export. Switching on without `confirm: true` answers 409
 * 'export_confirmation_required' (details.consentText); missing connection fields 422
 * 'export_invalid' (details.problems); allowing a private host as a manager 403.
 */
export function saveExportTarget(storeId: number, kind: ExportKind, change: ExportTargetChange): Promise<ExportTarget> {
  return apiRequest<ExportTarget>('PUT', `${targets(storeId)}/${kind}`, { body: change });
}

/** Writes the extract and uploads it now; the run as recorded (a failed one with its reason). */
export function runExportNow(storeId: number, kind: ExportKind): Promise<ExportRun> {
  return apiRequest<ExportRun>('POST', `${targets(storeId)}/${kind}/run`, { body: {} });
}

/** The store's latest export runs, newest first. */
export async function fetchExportRuns(storeId: number, signal?: AbortSignal): Promise<ExportRun[]> {
  const body = await apiRequest<{ runs: ExportRun[] }>('GET', `/api/stores/${storeId}/export-runs`, { signal });
  return body.runs;
}

/** The file a run wrote, for a plain download link (the session cookie authorises it). */
export const exportRunFileUrl = (runId: number): string => `/api/export-runs/${runId}/file`;

/** Mail-merge CSV of a saved query's customers (managers and administrators). */
export const savedQueryCsvUrl = (queryId: number): string => `/api/saved-queries/${queryId}/export.csv`;

/** Mail-merge CSV of the customers a batch would take at `at` (its next run; default now). */
export function batchCsvUrl(scheduleId: number, at?: string | null): string {
  const q = at ? `?${new URLSearchParams({ at }).toString()}` : '';
  return `/api/batch-schedules/${scheduleId}/export.csv${q}`;
}

/** Mail-merge CSV of a store-local day's 360° list: one step, or every step that is on. */
export function lifecycleCsvUrl(storeId: number, day: string, step?: string): string {
  const q = new URLSearchParams(step ? { day, step } : { day });
  return `/api/stores/${storeId}/lifecycle/export.csv?${q.toString()}`;
}
