import { UploadError, redact, type UploadErrorCode, type UploadProtocol } from './upload.ts';

/** What the uploader was doing when it failed; it goes into the message. */
export type UploadStep = 'connect' | 'login' | 'directory' | 'upload' | 'verify' | 'rename';

/** Enough about the server to name it in a message, and the password to keep out of it. */
export interface ServerContext {
  protocol: UploadProtocol;
  host: string;
  port: number;
  password: string;
  timeoutMs: number;
}

const STEP_WORDS: Record<UploadStep, string> = {
  connect: 'connecting',
  login: 'logging in',
  directory: 'opening the folder',
  upload: 'storing the file',
  verify: 'checking the size of the stored file',
  rename: 'renaming the file into place',
};

/** Replies and error texts servers use for a full disk or quota (vsftpd, ProFTPD, Pure-FTPd, IIS, Node). */
const FULL_DISK =
  /ENOSPC|EDQUOT|no space|disk full|quota|insufficient storage|not enough (disk )?space|exceeded storage/i;

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  EHOSTUNREACH: 'there is no route to the host',
  ENETUNREACH: 'there is no route to the network',
  EHOSTDOWN: 'the host is down',
  ECONNRESET: 'the server dropped the connection',
  EPIPE: 'the server dropped the connection',
  ENOTFOUND: 'the name was not found in DNS',
  EAI_AGAIN: 'DNS did not answer',
};

/** SFTP status codes (draft-ietf-secsh-filexfer): 3 permission denied, 14/15 (v5+) disk and quota full. */
const SFTP_PERMISSION_DENIED = 3;
const SFTP_NO_SPACE = new Set([14, 15]);

/**
 * Turns whatever basic-ftp, ssh2 or Node threw into an `UploadError` with a stable code and a
 * sentence for the store's administrator. Pure. FTP reply codes (`FTPError.code`, a number ≥ 100)
 * and SFTP status codes (small numbers) are told apart by `protocol`.
 */
export function classifyUploadError(err: unknown, step: UploadStep, server: ServerContext): UploadError {
  const facts = factsOf(err);
  const name = `The ${server.protocol.toUpperCase()} server at ${server.host}:${server.port}`;
  const detail = clip(redact(facts.message, server.password));
  const fail = (code: UploadErrorCode, message: string) => new UploadError(code, message);
  const ftpReply = server.protocol !== 'sftp' && typeof facts.code === 'number' ? facts.code : undefined;
  const sftpStatus = server.protocol === 'sftp' && typeof facts.code === 'number' ? facts.code : undefined;
  const nodeCode = typeof facts.code === 'string' ? facts.code : undefined;

  if (ftpReply === 530 || facts.level === 'client-authentication' || /authentication methods failed/i.test(detail))
    return fail('auth_failed', `${name} refused the user name or password${ftpReply ? ` (${ftpReply})` : ''}.`);
  if (
    ftpReply === 452 ||
    ftpReply === 552 ||
    (sftpStatus !== undefined && SFTP_NO_SPACE.has(sftpStatus)) ||
    FULL_DISK.test(detail)
  )
    return fail(
      'remote_full',
      `${name} has no room for the file (${detail}); the partner's disk or quota is full. Ask them to free space, then retry.`,
    );
  if (facts.level === 'client-timeout' || nodeCode === 'ETIMEDOUT' || /^timeout|timed out/i.test(detail))
    return fail(
      'timeout',
      `${name} did not answer within ${Math.round(server.timeoutMs / 1000)} seconds while ${STEP_WORDS[step]}.`,
    );
  const why =
    (nodeCode && UNREACHABLE[nodeCode]) ??
    (/closed (the )?connection|FIN packet/i.test(detail) ? 'the server closed the connection' : undefined);
  if (why !== undefined || ftpReply === 421)
    return fail(
      'unreachable',
      `Could not reach ${lowerFirst(name)} while ${STEP_WORDS[step]}: ${why ?? detail}. Check the server name and port, and that the server is running and accepts us through its firewall.`,
    );
  if (nodeCode !== undefined && /^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/.test(nodeCode))
    return fail('protocol', `${name} did not offer a TLS connection we can trust (${nodeCode}).`);
  if (step === 'upload' && /premature close|write after end/i.test(detail))
    // The server cut the data connection mid-file and its reason (a 452 full disk, a 550 refusal)
    // raced the break and was lost; say what is known rather than guess.
    return fail(
      'remote_refused',
      `${name} stopped receiving the file part-way and closed the connection; it may be out of space or refusing the file. Retry, and if it happens again ask the partner to check the server.`,
    );
  if (
    (ftpReply !== undefined && ftpReply >= 400) ||
    sftpStatus === SFTP_PERMISSION_DENIED ||
    (step !== 'connect' && sftpStatus !== undefined)
  )
    return fail('remote_refused', `${name} refused ${STEP_WORDS[step]}: ${detail}.`);
  return fail('protocol', `Unexpected answer from ${lowerFirst(name)} while ${STEP_WORDS[step]}: ${detail}.`);
}

interface ErrorFacts {
  code: string | number | undefined;
  level: string | undefined;
  message: string;
}

function factsOf(err: unknown): ErrorFacts {
  if (typeof err !== 'object' || err === null) return { code: undefined, level: undefined, message: String(err) };
  const code = 'code' in err && (typeof err.code === 'string' || typeof err.code === 'number') ? err.code : undefined;
  const level = 'level' in err && typeof err.level === 'string' ? err.level : undefined;
  const message = 'message' in err && typeof err.message === 'string' ? err.message : 'no details given';
  return { code, level, message };
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
