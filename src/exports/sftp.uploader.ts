import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import SftpClient from 'ssh2-sftp-client';
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
 * Uploads over SFTP (SSH) with a user name and password, using ssh2-sftp-client. The server's
 * host key is not checked against a pinned fingerprint: the configuration has no field for one
 * yet, so any host key is accepted; pinning one (ssh2 `hostVerifier`) is a follow-up.
 */
export function createSftpUploader(config: UploadConfig, policy: UploadPolicy): Uploader {
  if (config.protocol !== 'sftp') throw new RangeError('createSftpUploader is for sftp; use createFtpUploader');
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
  const sftp = new SftpClient('forecourt-export');
  let step: UploadStep = 'connect';
  let tempPath: string | undefined;
  try {
    await sftp.connect({
      host: address, // the address the guard checked, not the name again (DNS rebinding)
      port: config.port,
      username: config.user,
      password: config.password,
      readyTimeout: timeoutMs,
      retries: 0,
    });

    step = 'directory';
    const home = await sftp.cwd();
    const directory = config.directory.trim();
    const folder = directory === '' ? home : posix.resolve(home, directory);
    if (directory !== '') await sftp.mkdir(folder, true); // no-op when it exists

    step = 'upload';
    tempPath = posix.join(folder, temporaryName(remoteName));
    await sftp.put(localPath, tempPath);

    step = 'verify';
    const stored = (await sftp.stat(tempPath)).size;
    if (stored !== size)
      throw new UploadError(
        'size_mismatch',
        `The SFTP server at ${config.host}:${config.port} stored ${stored} bytes of a ${size}-byte file; the upload was discarded and can be retried.`,
      );

    step = 'rename';
    const finalPath = posix.join(folder, remoteName);
    // SFTP v3 RENAME fails when the target exists (OpenSSH included), so yesterday's file goes first.
    if (await sftp.exists(finalPath)) await sftp.delete(finalPath);
    await sftp.rename(tempPath, finalPath);
    tempPath = undefined;
    return { remotePath: finalPath, bytes: stored };
  } catch (err) {
    if (tempPath !== undefined) await sftp.delete(tempPath, true).catch(() => undefined);
    throw err instanceof UploadError ? err : classifyUploadError(err, step, server);
  } finally {
    await sftp.end().catch(() => undefined);
  }
}
