/**
 * A minimal SFTP server for tests: ssh2's `Server` on 127.0.0.1, one user with a password, and the
 * SFTP requests an upload needs (REALPATH, STAT/LSTAT/FSTAT, MKDIR, OPEN/WRITE/CLOSE, FSETSTAT,
 * SETSTAT, REMOVE, RENAME) served from a temporary folder. RENAME refuses an existing target, as
 * SFTP v3 and OpenSSH do. Not for production: no path hardening beyond staying under the root.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ssh2 from 'ssh2';
import type { Attributes, SFTPWrapper } from 'ssh2';

const { STATUS_CODE, flagsToString } = ssh2.utils.sftp;
const NO_ATTRS: Attributes = { mode: 0, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };

export interface TestSftp {
  port: number;
  /** The folder the SFTP root `/` maps to; also the user's home. */
  root: string;
  /** Requests in order, e.g. `OPEN /x.part w`, `RENAME /x.part /x`. */
  events: string[];
  close: () => Promise<void>;
}

export async function startSftp(user: string, password: string): Promise<TestSftp> {
  const root = await mkdtemp(join(tmpdir(), 'forecourt-sftp-'));
  const events: string[] = [];
  const hostKey = ssh2.utils.generateKeyPairSync('ed25519').private;
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === user && ctx.password === password) ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        acceptSession().on('sftp', (acceptSftp) => serve(acceptSftp(), root, events));
      });
    });
    client.on('error', () => undefined); // a client hanging up mid-handshake is not a test failure
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('SFTP server is not on TCP');
  return {
    port: address.port,
    root,
    events,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

function serve(sftp: SFTPWrapper, root: string, events: string[]): void {
  const handles = new Map<string, number>();
  const local = (path: string) => join(root, posix.resolve('/', path));
  const attrsOf = (s: Stats): Attributes => ({
    mode: s.mode,
    uid: s.uid,
    gid: s.gid,
    size: s.size,
    atime: Math.floor(s.atimeMs / 1000),
    mtime: Math.floor(s.mtimeMs / 1000),
  });
  /** Runs a request; a thrown Node error becomes the SFTP status a real server would send. */
  const answer = (reqId: number, work: () => void) => {
    try {
      work();
    } catch (err) {
      const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
      sftp.status(
        reqId,
        code === 'ENOENT'
          ? STATUS_CODE.NO_SUCH_FILE
          : code === 'EACCES'
            ? STATUS_CODE.PERMISSION_DENIED
            : STATUS_CODE.FAILURE,
      );
    }
  };
  const stat = (reqId: number, path: string) => answer(reqId, () => sftp.attrs(reqId, attrsOf(statSync(local(path)))));

  sftp.on('REALPATH', (reqId, path) => {
    sftp.name(reqId, [{ filename: posix.resolve('/', path), longname: '', attrs: NO_ATTRS }]);
  });
  sftp.on('STAT', stat);
  sftp.on('LSTAT', stat);
  sftp.on('MKDIR', (reqId, path) =>
    answer(reqId, () => {
      events.push(`MKDIR ${posix.resolve('/', path)}`);
      mkdirSync(local(path));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('OPEN', (reqId, path, flags) =>
    answer(reqId, () => {
      const mode = flagsToString(flags) ?? 'r';
      events.push(`OPEN ${posix.resolve('/', path)} ${mode}`);
      const handle = randomBytes(4);
      handles.set(handle.toString('hex'), openSync(local(path), mode));
      sftp.handle(reqId, handle);
    }),
  );
  const fdOf = (handle: Buffer) => {
    const fd = handles.get(handle.toString('hex'));
    if (fd === undefined) throw Object.assign(new Error('bad handle'), { code: 'EBADF' });
    return fd;
  };
  sftp.on('WRITE', (reqId, handle, offset, data) =>
    answer(reqId, () => {
      writeSync(fdOf(handle), data, 0, data.length, offset);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('FSTAT', (reqId, handle) => answer(reqId, () => sftp.attrs(reqId, attrsOf(fstatSync(fdOf(handle))))));
  sftp.on('FSETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
  sftp.on('SETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
  sftp.on('CLOSE', (reqId, handle) =>
    answer(reqId, () => {
      closeSync(fdOf(handle));
      handles.delete(handle.toString('hex'));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('REMOVE', (reqId, path) =>
    answer(reqId, () => {
      events.push(`REMOVE ${posix.resolve('/', path)}`);
      unlinkSync(local(path));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('RENAME', (reqId, from, to) =>
    answer(reqId, () => {
      events.push(`RENAME ${posix.resolve('/', from)} ${posix.resolve('/', to)}`);
      if (existsSync(local(to))) return sftp.status(reqId, STATUS_CODE.FAILURE, 'target exists');
      renameSync(local(from), local(to));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
}
