import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { captureStreams } from '../../test/support/streams.ts';
import { buildStore } from '../../test/support/factories.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { visibleStores } from '../stores/stores.store.ts';
import type { Db } from '../db/connect.ts';
import { runAddUser } from './user.command.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  await buildStore(db.kysely, { code: 'NTH' });
  await buildStore(db.kysely, { code: 'STH' });
});
afterAll(() => db.close());

async function add(args: Partial<Parameters<typeof runAddUser>[0]>) {
  const { out, err, text } = captureStreams();
  const code = await runAddUser({
    db,
    email: 'x@example.test',
    name: 'X',
    role: 'agent',
    stores: ['NTH'],
    out,
    err,
    ...args,
  });
  return { code, ...text };
}

describe('forecourt user add', () => {
  it('creates an agent for one store with a generated argon2id password shown once', async () => {
    const r = await add({ email: 'nina@example.test', name: 'Nina North' });
    expect(r.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(r.out)?.[1] ?? '';
    const user = await db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'nina@example.test')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    expect((await visibleStores(db.kysely, user)).map((s) => s.code)).toEqual(['NTH']);
  });

  it('refuses unknown roles and stores, duplicates, and storeless agents, saying what is allowed', async () => {
    expect((await add({ role: 'boss' })).err).toMatch(/admin, manager, agent/);
    expect((await add({ stores: ['ZZZ'] })).err).toMatch(/Unknown store code\(s\): ZZZ\. Known: NTH, STH/);
    expect((await add({ stores: [] })).err).toMatch(/at least one store/);
    expect((await add({ email: 'nina@example.test' })).err).toMatch(/already exists/);
  });
});
