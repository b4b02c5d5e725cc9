/** Words for print files, as the Print files page shows them. Pure functions. */
import type { PrintFile, PrintFileStatus } from '../api/print-files.types.ts';
import { formatDate, formatNumber } from './format.ts';

export const PRINT_STATUS_LABEL: Record<PrintFileStatus, string> = {
  open: 'Open',
  closing: 'Closing',
  ready: 'Ready',
  printed: 'Printed',
};

export const PRINT_STATUS_COLOR: Record<PrintFileStatus, string> = {
  open: 'blue',
  closing: 'cyan',
  ready: 'yellow',
  printed: 'green',
};

/** "Batch run run-41" or "Letters of Jun 15, 2026". */
export function printGroupLabel(file: Pick<PrintFile, 'group' | 'channel'>): string {
  if (file.group.kind === 'run') return `Batch run ${file.group.value}`;
  return `${file.channel === 'letter' ? 'Letters' : 'Postcards'} of ${formatDate(file.group.value)}`;
}

/** "3 letters · 6 pages · 48 KB"; pages and size once the PDF exists. */
export function printSizeLabel(file: Pick<PrintFile, 'itemCount' | 'pages' | 'bytes' | 'channel'>): string {
  const parts = [`${formatNumber(file.itemCount)} ${file.channel}${file.itemCount === 1 ? '' : 's'}`];
  if (file.pages !== null) parts.push(`${formatNumber(file.pages)} page${file.pages === 1 ? '' : 's'}`);
  if (file.bytes !== null) parts.push(formatBytes(file.bytes));
  return parts.join(' · ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What a person may do with a file now. */
export function printFileActions(
  file: Pick<PrintFile, 'status' | 'itemCount' | 'downloadUrl'>,
  canManage: boolean,
): { download: boolean; close: boolean; markPrinted: boolean } {
  return {
    download: file.downloadUrl !== null,
    close: canManage && file.status === 'open' && file.itemCount > 0,
    markPrinted: canManage && file.status === 'ready',
  };
}
