import type { Readable } from 'node:stream';
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../shared/clock.ts';

/** The kinds of DMS export Forecourt reads. */
export const IMPORT_KINDS = ['customers', 'vehicles', 'visits', 'appointments', 'deals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One refused row: the 1-based line of the file where the record starts, and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** A kept row with a value that was dropped (e.g. an unparseable phone number). */
export interface RowWarning {
  line: number;
  field: string;
  reason: string;
}

/** What an import did. `--json` prints this object. */
export interface ImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

export interface ImportProgress {
  bytesRead: number;
  /** Total size when known (a file), undefined for an upload stream. */
  bytesTotal: number | undefined;
  rows: number;
}

export interface ImportOptions {
  db: Db;
  storeId: number;
  kind: ImportKind;
  input: Readable;
  /** Size of the input in bytes, when known, for progress. */
  size?: number;
  /** 'auto' (default) detects a BOM / falls back to windows-1252 only when told; see README. */
  encoding?: 'auto' | 'utf-8' | 'windows-1252';
  onProgress?: (p: ImportProgress) => void;
  /** The time of the import (undated consents in the file take it); the system clock by default. */
  clock?: Clock;
}

/** Streams a DMS CSV export into the store's data. Implemented in import.service.ts. */
export type ImportCsv = (options: ImportOptions) => Promise<ImportReport>;
