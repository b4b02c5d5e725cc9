import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { TEMPLATE_DB, withDatabase } from './support/db-names.ts';

/**
 * Migrates one template database per run; each test file then clones it, which is far quicker
 * than migrating afresh (a new PGlite takes seconds to initialise; a dump loads in ~0.4 s).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const db = await openPostgres(withDatabase(url, TEMPLATE_DB), 1);
    await migrateToLatest(db);
    await db.close();
    project.provide('templateDump', '');
    return async () => {};
  }
  const db = await openPGlite();
  await migrateToLatest(db);
  if (!db.dumpDataDir) throw new Error('PGlite handle cannot dump its data folder');
  const blob = await db.dumpDataDir();
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-test-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('templateDump', file);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
  }
}
