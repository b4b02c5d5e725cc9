import { randomBytes } from 'node:crypto';
import type { Resolver } from './host-guard.ts';

export type UploadProtocol = 'ftp' | 'ftps' | 'sftp';

/** A partner's drop box, as the store's administrator typed it (CustomerLink and the like). */
export interface UploadConfig {
  /** `ftps` is explicit TLS (AUTH TLS on the FTP port), the common kind. */
  protocol: UploadProtocol;
  host: string;
  /** 21 for FTP and FTPS, 22 for SFTP (`DEFAULT_PORTS`). */
  port: number;
  user: string;
  password: string;
  /** Folder on the server, created if missing; blank means the folder the login starts in. */
  directory: string;
  /** FTP passive mode. Only passive is supported: `checkUploadConfig` reports `false`. Ignored by SFTP. */
  passive: boolean;
}

export const DEFAULT_PORTS: Readonly<Record<UploadProtocol, number>> = { ftp: 21, ftps: 21, sftp: 22 };

/** Where the file landed and how big it is there (checked against the local file). */
export interface UploadResult {
  remotePath: string;
  bytes: number;
}

/**
 * Sends one finished extract file to a partner. Resolves only once the file is on the server
 * under `remoteName`, complete and the right size; rejects with an `UploadError` for anything
 * the server or network did. Never deletes or changes the local file, so a failed run can retry.
 */
export interface Uploader {
  upload(localPath: string, remoteName: string): Promise<UploadResult>;
}

/** Administrator policy and knobs that are not part of a partner's settings. */
export interface UploadPolicy {
  /** Hosts or addresses allowed even though private or loopback (`checkHost`). */
  allowHosts: readonly string[];
  /** Give up on a server that does not connect or answer within this long (default 30 s). */
  timeoutMs?: number;
  /** Only for FTPS and SFTP tests against a self-signed server; default true. */
  rejectUnauthorized?: boolean;
  resolve?: Resolver;
}

export type UploadErrorCode =
  | 'auth_failed'
  | 'unreachable'
  | 'timeout'
  | 'host_refused'
  | 'remote_full'
  | 'remote_refused'
  | 'size_mismatch'
  | 'protocol';

/**
 * Why an upload failed, in words an administrator can act on. The message never contains the
 * password (`redact`), so it is safe to store on the export run and to log.
 */
export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly code: UploadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Problems with a configuration before anything connects, as sentences; empty when usable.
 * Pure. The settings form can show these; the uploaders refuse to start while any remain.
 */
export function checkUploadConfig(config: UploadConfig): string[] {
  const problems: string[] = [];
  if (config.host.trim() === '') problems.push('Enter the server name.');
  if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65_535)
    problems.push(`The port must be a whole number from 1 to 65535, not ${config.port}.`);
  if (config.user === '') problems.push('Enter the user name.');
  if (config.protocol !== 'sftp' && !config.passive)
    // basic-ftp only opens data connections in passive mode (PASV/EPSV). Active mode also needs the
    // partner to connect back into our network, which firewalls and NAT rarely allow.
    problems.push('Active FTP mode is not supported; turn passive mode on (nearly every server accepts it).');
  return problems;
}

/** A plain file name for the server: no folders, no `..`, no control characters. */
export function assertPlainFileName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\\0-\x1f]/.test(name))
    throw new RangeError(`Not a plain file name: ${JSON.stringify(name)}`);
}

/**
 * The name a file is written under before it is renamed into place, so a partner polling the
 * folder never picks up half a file. Starts with a dot (hidden from most listings) and ends in
 * `.part` (skipped by pickers that match `*.csv`); the random part keeps two runs apart.
 */
export function temporaryName(remoteName: string, nonce = randomBytes(4).toString('hex')): string {
  return `.${remoteName}.${nonce}.part`;
}

/** `directory` + `name` with exactly one `/` between; a blank directory gives the bare name. */
export function remoteJoin(directory: string, name: string): string {
  const dir = directory.trim().replace(/\/+$/, '');
  if (dir === '') return directory.trim().startsWith('/') ? `/${name}` : name;
  return `${dir}/${name}`;
}

/** `text` with every occurrence of `secret` replaced, for messages built from server replies. */
export function redact(text: string, secret: string): string {
  return secret.length < 1 ? text : text.split(secret).join('********');
}
