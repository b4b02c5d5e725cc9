import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { FileSystem, FtpSrv, type FtpConnection } from 'ftp-srv';

/** A real FTP server on 127.0.0.1 for tests (ftp-srv): user `dealer` with FTP_PASSWORD. */
export const FTP_PASSWORD = 's3cret-Pa55';
const PASSWORD = FTP_PASSWORD;

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

export interface TestFtp {
  port: number;
  root: string;
  connections: () => number;
  /** File operations the server was asked for, in order: `STOR <name>`, `RENAME <from> <to>`. */
  events: string[];
  close: () => Promise<void>;
}

export async function startFtp(options: { fullDisk?: boolean } = {}): Promise<TestFtp> {
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
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
