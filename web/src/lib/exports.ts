/**
 * Partner exports on screen: what each partner's card shows (the seed's fields, the store's
 * read-only contact card), the form's values and the change it sends (the password only when
 * typed), what stops a switch-on, the server's refusals, and a run's result in words. Pure
 * functions; the rules mirror src/exports/export-targets.rules.ts (the server decides).
 */
import { isApiError } from '../api/client.ts';
import type {
  ExportKind,
  ExportProtocol,
  ExportRun,
  ExportRunStatus,
  ExportSettings,
  ExportTarget,
  ExportTargetChange,
  ExportTrigger,
} from '../api/exports.types.ts';
import type { StoreSettings } from '../api/store-settings.ts';
import { formatNumber, formatPhone } from './format.ts';

/** 21 for FTP and FTPS (explicit TLS), 22 for SFTP: used when no port is typed. */
export const DEFAULT_PORTS: Readonly<Record<ExportProtocol, number>> = { ftp: 21, ftps: 21, sftp: 22 };
export const defaultPort = (protocol: ExportProtocol): number => DEFAULT_PORTS[protocol];

export const PROTOCOL_LABELS: Record<ExportProtocol, string> = {
  ftp: 'FTP',
  ftps: 'FTPS (FTP over TLS)',
  sftp: 'SFTP (over SSH)',
};

export interface PartnerInfo {
  label: string;
  description: string;
  /** CARFAX shows its terms with an "I agree" box; the others a warning to confirm. */
  terms: boolean;
}

export const PARTNERS: Record<ExportKind, PartnerInfo> = {
  customerlink: {
    label: 'CustomerLink',
    description:
      'Customers, vehicles and service history sent to CustomerLink every night by FTP, as CL_<account number>_<date>.csv.',
    terms: false,
  },
  mechanicnet: {
    label: 'MechanicNET',
    description: 'Repair orders and the customers’ contact details sent to MechanicNET every night.',
    terms: false,
  },
  carfax: {
    label: 'CARFAX',
    description:
      'Vehicle service records sent to CARFAX every night: no customer names or addresses, no labour, parts or dollar amounts.',
    terms: true,
  },
};

/** The dialog shown before switching a partner on: the seed's warning, or CARFAX's terms. */
export function confirmationOf(kind: ExportKind): { title: string; sentence: string | null; confirmLabel: string } {
  const { label, terms } = PARTNERS[kind];
  if (terms) return { title: `${label} terms of service`, sentence: null, confirmLabel: 'Switch on' };
  return {
    title: `Send data to ${label}?`,
    sentence: `You are sending this store’s data to ${label} at your request. Confirm to switch the nightly export on.`,
    confirmLabel: 'Confirm and switch on',
  };
}

/** A read-only line drawn from the store's contact card (Store settings), or a fixed note. */
export interface ReadOnlyField {
  label: string;
  value: string;
  description?: string;
}

const FROM_STORE = 'Drawn from the location contact card (Store settings).';

/** The store's address on one line: "12 Elm St, Halifax, NS B3H 1A1". */
export function addressText(
  s: Pick<StoreSettings, 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode'>,
) {
  const place = [s.city, [s.region, s.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [s.addressLine1, s.addressLine2, place].filter(Boolean).join(', ');
}

/** What each partner's card shows but does not change (the seed's read-only fields). */
export function readOnlyFields(kind: ExportKind, store: StoreSettings | undefined): ReadOnlyField[] {
  const name = store?.name ?? '';
  switch (kind) {
    case 'customerlink':
      return [
        { label: 'Business Name', value: name, description: FROM_STORE },
        { label: 'Business Phone', value: formatPhone(store?.phone), description: FROM_STORE },
      ];
    case 'mechanicnet':
      return [{ label: 'Shop Name', value: name, description: FROM_STORE }];
    case 'carfax':
      return [
        { label: 'Service Facility ID', value: 'Not used', description: 'CARFAX identifies the store by its name.' },
        { label: 'Business Name', value: name, description: FROM_STORE },
        { label: 'Address', value: store ? addressText(store) : '', description: FROM_STORE },
      ];
  }
}

/** What the inputs hold: text as typed (the port too, blank for the protocol's), the new password. */
export interface ExportFormValues {
  accountNumber: string;
  shopId: string;
  protocol: ExportProtocol;
  host: string;
  port: string;
  user: string;
  directory: string;
  passive: boolean;
  /** A new password; blank keeps the stored one. */
  password: string;
  runTime: string;
  allowPrivateHost: boolean;
}

export function toExportForm(t: ExportTarget): ExportFormValues {
  const s = t.settings;
  return {
    accountNumber: s.accountNumber,
    shopId: s.shopId,
    protocol: s.protocol,
    host: s.host,
    port: s.port === undefined ? '' : String(s.port),
    user: s.user,
    directory: s.directory,
    passive: s.passive,
    password: '',
    runTime: t.runTime,
    allowPrivateHost: t.allowPrivateHost,
  };
}

/**
 * A new protocol: a port that was the old protocol's default (or blank) follows the new one
 * (blank, so the default shows); a port typed on purpose stays.
 */
export function withProtocol(v: ExportFormValues, protocol: ExportProtocol): ExportFormValues {
  const port = v.port.trim() === String(defaultPort(v.protocol)) ? '' : v.port;
  return { ...v, protocol, port };
}

const TEXT_KEYS = ['accountNumber', 'shopId', 'host', 'user', 'directory'] as const;

/** The typed port as a number; undefined when blank (the protocol's default), NaN when not a port. */
export function portValue(port: string): number | undefined {
  const t = port.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/**
 * Only what differs from the saved target, in the API's shape. The password is sent only when
 * typed. A port cleared back to blank is sent as the protocol's default (the API keeps a port
 * once stored).
 */
export function exportChange(v: ExportFormValues, saved: ExportTarget): ExportTargetChange {
  const change: ExportTargetChange = {};
  const settings: Partial<ExportSettings> = {};
  for (const k of TEXT_KEYS) if (v[k].trim() !== saved.settings[k]) settings[k] = v[k].trim();
  if (v.protocol !== saved.settings.protocol) settings.protocol = v.protocol;
  if (v.passive !== saved.settings.passive) settings.passive = v.passive;
  const port = portValue(v.port);
  if (port === undefined) {
    if (saved.settings.port !== undefined && saved.settings.port !== defaultPort(v.protocol))
      settings.port = defaultPort(v.protocol);
  } else if (port !== saved.settings.port) settings.port = port;
  if (Object.keys(settings).length > 0) change.settings = settings;
  if (v.password !== '') change.password = v.password;
  if (v.runTime.trim() !== saved.runTime) change.runTime = v.runTime.trim();
  if (v.allowPrivateHost !== saved.allowPrivateHost) change.allowPrivateHost = v.allowPrivateHost;
  return change;
}

export const exportFormDirty = (v: ExportFormValues, saved: ExportTarget): boolean =>
  Object.keys(exportChange(v, saved)).length > 0;

export type ExportFormErrors = Partial<Record<'port' | 'runTime', string>>;

/** What the browser can tell before sending: a port that is not one, a run time that is not HH:MM. */
export function localExportProblems(v: ExportFormValues): ExportFormErrors {
  const errors: ExportFormErrors = {};
  const port = portValue(v.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65_535))
    errors.port = 'Enter a port from 1 to 65535, or leave it blank for the usual one.';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.runTime.trim()))
    errors.runTime = 'Enter a time written HH:MM (24 h), e.g. 02:00.';
  return errors;
}

/**
 * What stops the partner from being switched on with these values, one sentence each (as the
 * server words them). The password counts when one is stored or typed.
 */
export function switchOnProblems(kind: ExportKind, v: ExportFormValues, passwordSet: boolean): string[] {
  const problems: string[] = [];
  if (kind === 'customerlink' && !v.accountNumber.trim())
    problems.push('Enter the account number CustomerLink supplied.');
  if (kind === 'mechanicnet' && !v.shopId.trim()) problems.push('Enter the shop ID MechanicNET supplied.');
  if (!v.host.trim()) problems.push('Enter the server address files are uploaded to.');
  if (!v.user.trim()) problems.push('Enter the user name for the server.');
  if (!passwordSet && v.password === '') problems.push('Enter the password for the server.');
  if (v.protocol !== 'sftp' && !v.passive)
    problems.push('Active FTP is not supported: turn passive mode on (CustomerLink requires it anyway).');
  return problems;
}

/** The server asked for the confirmation (409): the text to confirm, else null. */
export function consentRequired(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'export_confirmation_required') return null;
  const d = error.details;
  return typeof d === 'object' && d !== null && 'consentText' in d && typeof d.consentText === 'string'
    ? d.consentText
    : '';
}

/** The problems a 422 'export_invalid' lists, one sentence each; empty for other errors. */
export function exportProblemsOf(error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'export_invalid') return [];
  const d = error.details;
  if (typeof d !== 'object' || d === null || !('problems' in d) || !Array.isArray(d.problems)) return [error.message];
  const list = d.problems.flatMap((p: unknown) =>
    typeof p === 'object' && p !== null && 'message' in p && typeof p.message === 'string' ? [p.message] : [],
  );
  return list.length > 0 ? list : [error.message];
}

export const STATUS_LABEL: Record<ExportRunStatus, string> = {
  running: 'Running',
  uploaded: 'Uploaded',
  retrying: 'Retrying',
  failed: 'Failed',
  written: 'Written',
};

export const STATUS_COLOR: Record<ExportRunStatus, string> = {
  running: 'blue',
  uploaded: 'green',
  retrying: 'yellow',
  failed: 'red',
  written: 'gray',
};

export const TRIGGER_LABEL: Record<ExportTrigger, string> = {
  schedule: 'Nightly',
  manual: 'Run now',
  cli: 'Command line',
};

/** 0 → "0 bytes", 1536 → "1.5 KB", 2_400_000 → "2.3 MB"; null → "". */
export function formatBytes(n: number | null | undefined): string {
  if (n == null) return '';
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

export const rowsText = (n: number): string => `${formatNumber(n)} row${n === 1 ? '' : 's'}`;

/** A time of day in the store's zone, 24 h: "02:20". */
export function clockText(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    at,
  );
}

const attemptsText = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

/**
 * A run's result in a sentence: "Uploaded 12 rows (1.5 KB) to ftp://dealer@host:21.",
 * "Failed after 4 attempts: The FTP server … refused the user name or password (530).",
 * "Attempt 1 failed: …. Retrying at 02:20."
 */
export function runStatusText(run: ExportRun, timeZone: string): string {
  const rows = run.rowCount !== null ? rowsText(run.rowCount) : '';
  const bytes = run.bytes !== null ? formatBytes(run.bytes) : '';
  const size = rows && bytes ? `${rows} (${bytes})` : rows || bytes;
  const error = run.error ?? 'no reason was recorded.';
  switch (run.status) {
    case 'running':
      return 'Running…';
    case 'uploaded':
      return `Uploaded ${size || 'the file'}${run.destination ? ` to ${run.destination}` : ''}.`;
    case 'written':
      return `Written ${size || 'the file'} to ${run.destination ?? 'a file'}; nothing was uploaded.`;
    case 'retrying': {
      const again = run.nextAttemptAt ? `Retrying at ${clockText(run.nextAttemptAt, timeZone)}.` : 'Retrying soon.';
      return run.attempts > 0 ? `Attempt ${run.attempts} failed: ${error} ${again}` : again;
    }
    case 'failed':
      return run.attempts > 0 ? `Failed after ${attemptsText(run.attempts)}: ${error}` : `Failed: ${error}`;
  }
}

/** The switch's state in words, for the notice after a save. */
export const enabledText = (t: ExportTarget, timeZone: string): string =>
  t.enabled
    ? `${t.label} is on: the export runs every night at ${t.runTime} (${timeZone}).`
    : `${t.label} is off: nothing is sent.`;
