import { apiRequest } from './client.ts';
import type { PrintFile } from './print-files.types.ts';

/** The store's print files, newest first. */
export async function fetchPrintFiles(storeId: number, signal?: AbortSignal): Promise<PrintFile[]> {
  const res = await apiRequest<{ files: PrintFile[] }>('GET', `/api/stores/${storeId}/print-files`, { signal });
  return res.files;
}

/** Closes an open file now; the answer is the file with its PDF rendered. */
export function closePrintFile(id: number): Promise<PrintFile> {
  return apiRequest<PrintFile>('POST', `/api/print-files/${id}/close`, { body: {} });
}

/** Marks a closed file printed and mailed: its letters count as delivered. */
export function markPrintFilePrinted(id: number): Promise<PrintFile & { delivered: number }> {
  return apiRequest<PrintFile & { delivered: number }>('POST', `/api/print-files/${id}/printed`, { body: {} });
}
