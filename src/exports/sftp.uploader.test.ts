import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSftpUploader } from './sftp.uploader.ts';
import { startSftp, type TestSftp } from '../../test/support/sftp-server.ts';
import { UploadError, type UploadConfig, type UploadPolicy } from './upload.ts';

const PASSWORD = 'Sftp-s3cret';

const config = (port: number, over: Partial<UploadConfig> = {}): UploadConfig => ({
  protocol: 'sftp',
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
const content = `Customer #,First name\r\n${Array.from({ length: 20_000 }, (_, i) => `${i},Renée ${i}`).join('\r\n')}\r\n`;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'forecourt-extract-'));
  extract = join(work, 'customers.csv');
  await writeFile(extract, content);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let sftp: TestSftp | undefined;
afterEach(async () => {
  await sftp?.close();
  sftp = undefined;
});

describe('SFTP uploader', () => {
  it('creates the folder, uploads under a temporary name, renames it into place and replaces an old file', async () => {
    sftp = await startSftp('dealer', PASSWORD);
    const uploader = createSftpUploader(config(sftp.port, { directory: 'outgoing/customerlink' }), policy);
    const result = await uploader.upload(extract, 'customers.csv');

    expect(result).toEqual({ remotePath: '/outgoing/customerlink/customers.csv', bytes: Buffer.byteLength(content) });
    const folder = join(sftp.root, 'outgoing', 'customerlink');
    expect(await readFile(join(folder, 'customers.csv'), 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual(['customers.csv']);
    const [open, rename] = sftp.events.filter((e) => /^(OPEN|RENAME)/.test(e));
    expect(open).toMatch(/^OPEN \/outgoing\/customerlink\/\.customers\.csv\.[0-9a-f]{8}\.part w$/);
    expect(rename).toBe(`RENAME ${open?.split(' ')[1]} /outgoing/customerlink/customers.csv`);

    await writeFile(join(folder, 'customers.csv'), 'old');
    await uploader.upload(extract, 'customers.csv');
    expect(await readFile(join(folder, 'customers.csv'), 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual(['customers.csv']);
  });

  it('says so when the password is wrong, without repeating it', async () => {
    sftp = await startSftp('dealer', PASSWORD);
    const err = await failure(
      createSftpUploader(config(sftp.port, { password: 'wrong' }), policy).upload(extract, 'c.csv'),
    );
    expect(err.code).toBe('auth_failed');
    expect(err.message).toBe(`The SFTP server at 127.0.0.1:${sftp.port} refused the user name or password.`);
  });

  it('refuses a loopback server unless an administrator allowed it', async () => {
    sftp = await startSftp('dealer', PASSWORD);
    const err = await failure(createSftpUploader(config(sftp.port), { allowHosts: [] }).upload(extract, 'c.csv'));
    expect(err.code).toBe('host_refused');
    expect(sftp.events).toEqual([]);
  });
});
