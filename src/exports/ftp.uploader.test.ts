import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { FileSystem, FtpSrv, type FtpConnection } from 'ftp-srv';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFtpUploader } from './ftp.uploader.ts';
import { UploadError, type UploadConfig, type UploadPolicy } from './upload.ts';

const PASSWORD = 's3cret-Pa55';

/** ftp-srv logs through bunyan by default; a silent logger keeps test output clean. */
const silent = {
  child: () => silent,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
};

/**
 * A drop box whose disk fills up: the file cannot be completed, failing as Node's fs does on a full
 * disk. It fails when the file is closed rather than on the first write: ftp-srv answers a write
 * error by destroying the data connection, and whether the client then sees the 550 reply or only
 * the broken connection is a race (see upload-errors.rules.test.ts for that case).
 */
class FullDisk extends FileSystem {
  override write(fileName: string): { stream: Writable; clientPath: string } {
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
      final(done) {
        done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    return { stream, clientPath: fileName };
  }
}

/** ftp-srv's own file system, noting each store and rename before the server replies to it. */
class Recording extends FileSystem {
  constructor(
    connection: FtpConnection,
    where: { root: string; cwd: string },
    private readonly events: string[],
  ) {
    super(connection, where);
  }
  override write(fileName: string, options?: { append?: boolean; start?: unknown }): unknown {
    this.events.push(`STOR ${fileName}`);
    return super.write(fileName, options);
  }
  override rename(from: string, to: string): Promise<unknown> {
    this.events.push(`RENAME ${from} ${to}`);
    return super.rename(from, to);
  }
}

interface TestFtp {
  port: number;
  root: string;
  connections: () => number;
  /** File operations the server was asked for, in order: `STOR <name>`, `RENAME <from> <to>`. */
  events: string[];
  close: () => Promise<void>;
}

async function startFtp(options: { fullDisk?: boolean } = {}): Promise<TestFtp> {
  const root = await mkdtemp(join(tmpdir(), 'forecourt-ftp-'));
  const pasvMin = 40_000 + Math.floor(Math.random() * 20_000);
  const ftp = new FtpSrv({
    url: 'ftp://127.0.0.1:0',
    pasv_url: '127.0.0.1',
    pasv_min: pasvMin,
    pasv_max: pasvMin + 200,
    anonymous: false,
    greeting: 'Forecourt test FTP',
    log: silent,
  });
  let connections = 0;
  const events: string[] = [];
  ftp.on('login', ({ connection, username, password }, resolve, reject) => {
    if (username !== 'dealer' || password !== PASSWORD) return reject(new Error('Login incorrect.'));
    const fs = options.fullDisk
      ? new FullDisk(connection, { root, cwd: '/' })
      : new Recording(connection, { root, cwd: '/' }, events);
    resolve({ fs });
  });
  await ftp.listen();
  const server: unknown = Reflect.get(ftp, 'server');
  if (!(server instanceof Server)) throw new Error('ftp-srv has no listening server');
  server.on('connection', () => connections++);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('ftp-srv is not on TCP');
  return {
    port: address.port,
    root,
    connections: () => connections,
    events,
    close: async () => {
      await ftp.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

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
