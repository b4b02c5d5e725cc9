/**
 * Mirrors of the partner exports API's shapes (src/exports/export-targets.schemas.ts).
 * /api/openapi.json is the reference when they disagree.
 */

export const EXPORT_KINDS = ['customerlink', 'mechanicnet', 'carfax'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_PROTOCOLS = ['ftp', 'ftps', 'sftp'] as const;
export type ExportProtocol = (typeof EXPORT_PROTOCOLS)[number];

/** A partner's drop box and its IDs with it; the password is kept apart (write-only). */
export interface ExportSettings {
  /** CustomerLink: the account number it supplied (also in the file name). */
  accountNumber: string;
  /** MechanicNET: the shop's ID with it. */
  shopId: string;
  protocol: ExportProtocol;
  host: string;
  /** Absent: the protocol's (21 for FTP and FTPS, 22 for SFTP). */
  port?: number;
  user: string;
  /** Blank: the folder the login starts in. */
  directory: string;
  /** FTP passive mode (CustomerLink requires it; active FTP is not supported). */
  passive: boolean;
}

/** GET /api/stores/:storeId/export-targets: one per partner, stored or not. */
export interface ExportTarget {
  id: number | null;
  kind: ExportKind;
  label: string;
  enabled: boolean;
  settings: ExportSettings;
  /** Whether a password is stored; the password itself never comes back. */
  passwordSet: boolean;
  /** HH:MM, store-local: when the nightly export runs. */
  runTime: string;
  /** Administrators only: the server may be on a private or loopback address. */
  allowPrivateHost: boolean;
  /** What the user confirms when switching on (CARFAX: its terms of service). */
  consentText: string;
  consent: { by: number | null; at: string } | null;
  /** What must be filled in before it can be switched on. */
  problems: string[];
  updatedAt: string | null;
}

/** PUT /api/stores/:storeId/export-targets/:kind: any of these. */
export interface ExportTargetChange {
  enabled?: boolean;
  settings?: Partial<ExportSettings>;
  /** A new password; '' clears it; absent keeps it. */
  password?: string;
  runTime?: string;
  allowPrivateHost?: boolean;
  /** Required true when switching on: the user confirmed (CARFAX: agreed to the terms). */
  confirm?: boolean;
}

export type ExportTrigger = 'schedule' | 'manual' | 'cli';
export type ExportRunStatus = 'running' | 'uploaded' | 'retrying' | 'failed' | 'written';

/** One export: the file written, where it went and what became of it. */
export interface ExportRun {
  id: number;
  kind: ExportKind;
  trigger: ExportTrigger;
  status: ExportRunStatus;
  fileName: string | null;
  rowCount: number | null;
  bytes: number | null;
  /** "ftp://user@host:21/dir", never the password. */
  destination: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  errorCode: string | null;
  /** The reason in words. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
