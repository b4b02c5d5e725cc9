import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('data folder lock', () => {
  it('refuses a second holder, naming the first and suggesting DATABASE_URL', () => {
    const dir = tempDir();
    const release = lockDataDir(dir, 'forecourt serve');
    try {
      expect(() => lockDataDir(dir, 'forecourt work')).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir, 'forecourt work')).toThrow(
        new RegExp(`process ${process.pid}.*forecourt serve.*DATABASE_URL`, 's'),
      );
    } finally {
      release();
    }
    // Released: the next process gets it.
    lockDataDir(dir, 'again')();
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = tempDir();
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max, so never a live process
    fs.writeFileSync(
      path.join(dir, 'forecourt.lock'),
      JSON.stringify({ pid: dead, host: os.hostname(), command: 'x', startedAt: 'then' }),
    );
    const release = lockDataDir(dir, 'new');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'forecourt.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('stops a second real process from opening the same embedded database', async () => {
    const dir = tempDir();
    const release = lockDataDir(dir, 'forecourt start (test)');
    try {
      const cli = path.resolve(import.meta.dirname, '../../bin/forecourt.js');
      const err = await run(process.execPath, [cli, 'migrate'], {
        env: { ...process.env, FORECOURT_DATA_DIR: dir, DATABASE_URL: '' },
      }).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stderr).toMatch(/in use by process \d+.*forecourt start \(test\).*DATABASE_URL/s);
    } finally {
      release();
    }
  });
});
