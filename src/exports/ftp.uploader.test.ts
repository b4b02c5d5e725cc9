import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, FTP_PASSWORD, startFtp, type TestFtp } from '../../test/support/ftp-server.ts';
import { createFtpUploader } from './ftp.uploader.ts';
import { UploadError, type UploadConfig, type UploadPolicy } from './upload.ts';

const PASSWORD = FTP_PASSWORD;

const config = (port: number, over: Partial<UploadConfig> = {}): UploadConfig => ({
  protocol: 'ftp',
  host: '127.0.0.1',
  port,
  user: 'dealer',
  password: PASSWORD,
  directory: '',
  passive: true,
  ...over,
});
const policy: UploadPolicy = { allowHosts: ['127.0.0.1'], timeoutMs: 5_000 };

async function failure(promise: Promise<unknown>): Promise<UploadError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof UploadError)) throw new Error(`expected an UploadError, got ${String(err)}`);
  expect(err.message).not.toContain(PASSWORD);
  return err;
}

let work: string;
let extract: string;
const content = `Customer #,First name\r\n${Array.from({ length: 5_000 }, (_, i) => `${i},Renée ${i}`).join('\r\n')}\r\n`;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'forecourt-extract-'));
  extract = join(work, 'customers.csv');
  await writeFile(extract, content);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let ftp: TestFtp | undefined;
afterEach(async () => {
  await ftp?.close();
  ftp = undefined;
});

describe('FTP uploader', () => {
  it('creates the folder, uploads under a temporary name and renames it into place', async () => {
    ftp = await startFtp();
    const { root } = ftp;
    const uploader = createFtpUploader(config(ftp.port, { directory: 'outgoing/customerlink' }), policy);
    const result = await uploader.upload(extract, 'customers.csv');

    expect(result).toEqual({ remotePath: '/outgoing/customerlink/customers.csv', bytes: Buffer.byteLength(content) });
    const folder = join(root, 'outgoing', 'customerlink');
    expect(await readFile(join(folder, 'customers.csv'), 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual(['customers.csv']); // the temporary file is gone

    // A second run replaces yesterday's file, and the local extract is untouched.
    await writeFile(join(folder, 'customers.csv'), 'old');
    await uploader.upload(extract, 'customers.csv');
    expect(await readFile(join(folder, 'customers.csv'), 'utf8')).toBe(content);
    expect(await readFile(extract, 'utf8')).toBe(content);
  });

  it('stores under a temporary name and only then renames to the real one', async () => {
    ftp = await startFtp();
    await createFtpUploader(config(ftp.port), policy).upload(extract, 'customers.csv');
    expect(ftp.events).toEqual([
      expect.stringMatching(/^STOR \.customers\.csv\.[0-9a-f]{8}\.part$/),
      expect.any(String),
    ]);
    const temp = ftp.events[0]?.slice('STOR '.length);
    expect(ftp.events[1]).toBe(`RENAME ${temp} customers.csv`);
  });

  it('says so when the password is wrong, without repeating it', async () => {
    ftp = await startFtp();
    const err = await failure(
      createFtpUploader(config(ftp.port, { password: 'wrong' }), policy).upload(extract, 'c.csv'),
    );
    expect(err.code).toBe('auth_failed');
    expect(err.message).toBe(`The FTP server at 127.0.0.1:${ftp.port} refused the user name or password (530).`);
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    const err = await failure(createFtpUploader(config(port), policy).upload(extract, 'c.csv'));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(
      /^Could not reach the FTP server at 127\.0\.0\.1:\d+ while connecting: the connection was refused\./,
    );
  });

  it('reports a full disk and leaves no partial file behind', async () => {
    ftp = await startFtp({ fullDisk: true });
    const err = await failure(createFtpUploader(config(ftp.port), policy).upload(extract, 'c.csv'));
    expect(err.code, err.message).toBe('remote_full');
    expect(err.message).toMatch(/has no room for the file \(550 ENOSPC: no space left on device, write\)/);
    expect(await readFile(extract, 'utf8')).toBe(content); // kept for the retry
  });

  it('refuses a loopback server unless an administrator allowed it, before connecting', async () => {
    ftp = await startFtp();
    const err = await failure(createFtpUploader(config(ftp.port), { allowHosts: [] }).upload(extract, 'c.csv'));
    expect(err.code).toBe('host_refused');
    expect(err.message).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(ftp.connections()).toBe(0);
  });

  it('refuses active mode when configured, instead of silently using passive', () => {
    expect(() => createFtpUploader(config(21, { passive: false }), policy)).toThrow(
      expect.objectContaining({ code: 'protocol', message: expect.stringMatching(/Active FTP mode is not supported/) }),
    );
  });
});
