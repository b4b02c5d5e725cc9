import { z } from 'zod';
import type { ExportKind } from '../db/schema.ts';
import { DEFAULT_PORTS } from './upload.ts';

export const EXPORT_KINDS = ['customerlink', 'mechanicnet', 'carfax'] as const satisfies readonly ExportKind[];

export const EXPORT_LABELS: Record<ExportKind, string> = {
  customerlink: 'CustomerLink',
  mechanicnet: 'MechanicNET',
  carfax: 'CARFAX',
};

/** The connection and partner fields of a target; the password is a secret kept apart. */
export const targetSettingsSchema = z
  .object({
    /** CustomerLink: the account number it supplied (also in the file name). */
    accountNumber: z.string().trim().max(40).default(''),
    /** MechanicNET: the shop's ID with it. */
    shopId: z.string().trim().max(40).default(''),
    protocol: z.enum(['ftp', 'ftps', 'sftp']).default('ftp'),
    host: z.string().trim().max(253).default(''),
    /** Null or absent: the protocol's port (21, or 22 for SFTP). */
    port: z.number().int().min(1).max(65_535).nullable().optional(),
    user: z.string().trim().max(200).default(''),
    /** Blank: the folder the login starts in. */
    directory: z.string().trim().max(500).default(''),
    /** FTP passive mode: on by default (CustomerLink requires it). */
    passive: z.boolean().default(true),
  })
  .strict();
export type TargetSettings = z.infer<typeof targetSettingsSchema>;

/** What a person agrees to when switching a target on: shown in the dialog and stored with who agreed. */
export const CONSENT_TEXT: Record<ExportKind, string> = {
  customerlink:
    'I confirm that, at my request, Forecourt will send this store’s customer, vehicle and service data to CustomerLink every night by FTP.',
  mechanicnet:
    'I confirm that, at my request, Forecourt will send this store’s repair orders and the customers’ contact details to MechanicNET every night.',
  carfax:
    'CARFAX terms of service: I agree that certain vehicle and invoice data will be transferred to CARFAX on a regular basis. ' +
    'This information consists of: repair order date and number; vehicle identification number (VIN); licence plate and its ' +
    'state or province; the service facility’s name, address and phone number; odometer; vehicle year, make, model, sub-model ' +
    'and engine; service package descriptions. Labour lines, parts lines and dollar amounts will not be transferred. The ' +
    'customer’s name, address and other personal information will not be transferred.',
};

/** The port a target uses: the one typed, else the protocol's. */
export const portOf = (s: TargetSettings): number => s.port ?? DEFAULT_PORTS[s.protocol];

/** Where files go, for the run record: "ftp://user@host:21/dir" (never the password). */
export function destinationOf(s: TargetSettings): string {
  const dir = s.directory ? `/${s.directory.replace(/^\/+/, '')}` : '';
  return `${s.protocol}://${s.user ? `${encodeURIComponent(s.user)}@` : ''}${s.host}:${portOf(s)}${dir}`;
}

/**
 * What stops a target from being switched on, one sentence per missing field (empty when it can
 * run). The password counts when one is stored or being set.
 */
export function targetProblems(kind: ExportKind, s: TargetSettings, hasPassword: boolean): string[] {
  const problems: string[] = [];
  if (kind === 'customerlink' && !s.accountNumber) problems.push('Enter the account number CustomerLink supplied.');
  if (kind === 'mechanicnet' && !s.shopId) problems.push('Enter the shop ID MechanicNET supplied.');
  if (!s.host) problems.push('Enter the server address files are uploaded to.');
  if (!s.user) problems.push('Enter the user name for the server.');
  if (!hasPassword) problems.push('Enter the password for the server.');
  if (s.protocol !== 'sftp' && !s.passive)
    problems.push('Active FTP is not supported: turn passive mode on (CustomerLink requires it anyway).');
  return problems;
}

/** The extract's file name for a store-local day: CL_<account>_20261123.csv and the like. */
export function exportFileName(kind: ExportKind, s: TargetSettings, storeCode: string, day: string): string {
  const d = day.replaceAll('-', '');
  const safe = (x: string) => x.replace(/[^A-Za-z0-9_-]/g, '') || storeCode;
  switch (kind) {
    case 'customerlink':
      return `CL_${safe(s.accountNumber)}_${d}.csv`;
    case 'mechanicnet':
      return `MN_${safe(s.shopId)}_${d}.csv`;
    case 'carfax':
      return `CARFAX_${safe(storeCode)}_${d}.csv`;
  }
}

/** Upload retries: after 5, 15 and 45 minutes, then the run is failed. */
export const MAX_UPLOAD_ATTEMPTS = 4;
export function retryDelayMs(attempts: number): number {
  return 5 * 60_000 * 3 ** Math.max(0, attempts - 1);
}
