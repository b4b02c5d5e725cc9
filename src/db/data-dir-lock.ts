import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who holds the embedded database; written into the lock file so a second process can say. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} on ${holder.host} ` +
        `("${holder.command}", started ${holder.startedAt}). PGlite allows one process per data folder. ` +
        `Stop that process, use another FORECOURT_DATA_DIR, or run several processes against a ` +
        `PostgreSQL server with DATABASE_URL=postgres://user:pass@host:5432/forecourt.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a data folder (an `O_EXCL` lock file). A lock left by a process
 * that is gone is taken over. Returns the function that releases it.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'forecourt.lock');
  const me: LockHolder = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
          if (current.pid === me.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockHolder | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
      } catch {
        holder = undefined; // half-written or unreadable: treat as stale
      }
      const sameHost = holder?.host === os.hostname();
      if (holder && (!sameHost || isAlive(holder.pid))) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: another process keeps taking it`);
}
