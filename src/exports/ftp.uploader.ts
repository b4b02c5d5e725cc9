import { stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import { posix } from 'node:path';
import { Client, FTPError } from 'basic-ftp';
import { guardedAddress } from './guard-upload.ts';
import { classifyUploadError, type ServerContext, type UploadStep } from './upload-errors.rules.ts';
import {
  UploadError,
  assertPlainFileName,
  checkUploadConfig,
  temporaryName,
  type UploadConfig,
  type UploadPolicy,
  type UploadResult,
  type Uploader,
} from './upload.ts';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Uploads over FTP, or FTPS with explicit TLS (AUTH TLS), using basic-ftp in passive mode.
 * Throws an `UploadError` ('protocol') at once when `checkUploadConfig` finds a problem, e.g.
 * active mode, which basic-ftp cannot do. Each upload opens and closes its own connection.
 */
export function createFtpUploader(config: UploadConfig, policy: UploadPolicy): Uploader {
  if (config.protocol === 'sftp') throw new RangeError('createFtpUploader is for ftp and ftps; use createSftpUploader');
  const problems = checkUploadConfig(config);
  if (problems.length > 0) throw new UploadError('protocol', problems.join(' '));
  return { upload: (localPath, remoteName) => uploadOnce(config, policy, localPath, remoteName) };
}

async function uploadOnce(
  config: UploadConfig,
  policy: UploadPolicy,
  localPath: string,
  remoteName: string,
): Promise<UploadResult> {
  assertPlainFileName(remoteName);
  const { size } = await stat(localPath); // a missing extract is our bug, not the server's: let it throw
  const address = await guardedAddress(config, policy);
  const timeoutMs = policy.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const server: ServerContext = { ...config, timeoutMs };
  // allowSeparateTransferHost false: data connections go to the address we checked, whatever
  // address the server's PASV reply names, so a hostile server cannot point us elsewhere.
  const client = new Client(timeoutMs, { allowSeparateTransferHost: false });
  const temp = temporaryName(remoteName);
  let step: UploadStep = 'connect';
  let tempMayExist = false;
  try {
    await client.connect(address, config.port);
    if (config.protocol === 'ftps') {
      await client.useTLS({
        // Verify the certificate against the name the administrator typed, not the address.
        host: config.host,
        ...(isIP(config.host) === 0 ? { servername: config.host } : {}),
        rejectUnauthorized: policy.rejectUnauthorized ?? true,
      });
    }
    step = 'login';
    await client.sendIgnoringError('OPTS UTF8 ON');
    await client.login(config.user, config.password);
    await client.useDefaultSettings();

    step = 'directory';
    const directory = config.directory.trim();
    if (directory !== '') await client.ensureDir(directory); // MKD each missing level, then CWD
    const folder = await client.pwd();

    step = 'upload';
    tempMayExist = true;
    await client.uploadFrom(localPath, temp);

    step = 'verify';
    const stored = await client.size(temp);
    if (stored !== size) throw sizeMismatch(server, stored, size);

    step = 'rename';
    await renameIntoPlace(client, temp, remoteName);
    tempMayExist = false;
    return { remotePath: posix.join(folder, remoteName), bytes: stored };
  } catch (err) {
    if (tempMayExist && !client.closed) await client.remove(temp, true).catch(() => undefined);
    throw err instanceof UploadError ? err : classifyUploadError(err, step, server);
  } finally {
    client.close();
  }
}

/**
 * RNFR/RNTO. Unix servers replace an existing file; Windows servers (IIS) refuse with 550 when the
 * target exists, so when it does, delete yesterday's file and rename again.
 */
async function renameIntoPlace(client: Client, temp: string, remoteName: string): Promise<void> {
  try {
    await client.rename(temp, remoteName);
  } catch (err) {
    if (!(err instanceof FTPError) || err.code < 500 || !(await exists(client, remoteName))) throw err;
    await client.remove(remoteName);
    await client.rename(temp, remoteName);
  }
}

async function exists(client: Client, name: string): Promise<boolean> {
  try {
    await client.size(name);
    return true;
  } catch {
    return false;
  }
}

function sizeMismatch(server: ServerContext, stored: number, size: number): UploadError {
  return new UploadError(
    'size_mismatch',
    `The ${server.protocol.toUpperCase()} server at ${server.host}:${server.port} stored ${stored} bytes of a ${size}-byte file; the upload was discarded and can be retried.`,
  );
}
