import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The installation's master key: from FORECOURT_SECRET_KEY when set (every process of a server
 * install must share it), else a random key kept in the data folder (`secret.key`, mode 0600),
 * created on first use. Purpose keys are derived from it, never the master itself.
 */
export function loadOrCreateMasterKey(opts: { fromEnv: string | undefined; dataDir: string }): Buffer {
  if (opts.fromEnv) return createHash('sha256').update(opts.fromEnv).digest();
  const file = path.join(opts.dataDir, 'secret.key');
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // wx: if another process created it first, use theirs.
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
}

export type KeyPurpose = 'unsubscribe' | 'provider-secrets' | 'webhooks' | 'voice-simulator';

/** A 32-byte key for one purpose (HKDF-SHA256), so one leaked use cannot forge another. */
export function purposeKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `forecourt:${purpose}`, 32));
}
