/** Mirrors the server's print-file schema (src/delivery/print-files.routes.ts). */
export type PrintFileStatus = 'open' | 'closing' | 'ready' | 'printed';
export type PrintChannel = 'letter' | 'postcard';

export interface PrintFile {
  id: number;
  storeId: number;
  channel: PrintChannel;
  status: PrintFileStatus;
  /** A batch run's file or a day's file, and which run or day. */
  group: { kind: 'run' | 'day'; value: string };
  itemCount: number;
  pages: number | null;
  bytes: number | null;
  createdAt: string;
  closedAt: string | null;
  /** When the worker closes it if nobody does (a day's file). */
  closesAt: string | null;
  printedAt: string | null;
  printedBy: string | null;
  downloadUrl: string | null;
}
