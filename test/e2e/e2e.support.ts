import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/connect.ts';
import { openTestDb } from '../support/db.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
export const CHROMIUM = '/usr/bin/chromium';

/** Without these, Chromium stalls on this closed network (update checks, sync, QUIC). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export const hasChromium = fs.existsSync(CHROMIUM);

/** Why the browser tests cannot run here, or undefined when they can. Fails outright in CI. */
export function chromiumSkipReason(): string | undefined {
  if (hasChromium) return undefined;
  const message = `${CHROMIUM} is missing: install it with \`apt-get update && apt-get install -y chromium\``;
  if (process.env.CI) throw new Error(`Browser tests cannot run in CI: ${message}`);
  return `Skipping browser tests: ${message}`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/**
 * Builds web/dist unless it is newer than every source file, so the test works both after
 * `vite build` (npm test) and on its own (`vitest run --config test/e2e/vitest.config.ts`).
 */
export async function ensureWebBuild(): Promise<void> {
  const built = fs.statSync(path.join(WEB_DIST, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'web', 'src')),
    newestMtime(path.join(ROOT, 'web', 'index.html')),
    newestMtime(path.join(ROOT, 'vite.config.ts')),
  );
  if (built > sources) return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, timeout: 120_000 });
}

/** A fresh browser context (no cookies, no storage) with a full-page screenshot in /tmp on failure. */
export async function openTestPage(
  browser: Browser,
  onTestFailed: (fn: () => Promise<void>) => void,
  name: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'en-CA',
    timezoneId: 'America/Halifax',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  onTestFailed(async () => {
    const file = path.join('/tmp', `forecourt-e2e-${name}-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`Screenshot of the failure: ${file} (at ${page.url()})`);
  });
  return page;
}

/** Fills in and submits the login form on the page already open. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export interface E2eServer {
  db: Db;
  /** The server's data folder (print files), removed on close. */
  dataDir: string;
  app: FastifyInstance;
  browser: Browser;
  /** http://127.0.0.1:PORT */
  base: string;
  close(): Promise<void>;
}

/**
 * A fresh migrated database, the app serving the built web app on 127.0.0.1 and a Chromium.
 * The web app is built first: the server serves web/dist only when it exists at start-up.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const [db] = await Promise.all([openTestDb(), ensureWebBuild()]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-e2e-'));
  const app = await buildApp({
    masterKey: randomBytes(32),
    config: { publicUrl: 'http://127.0.0.1', secureCookies: false, sessionTtlHours: 12, dataDir },
    db,
    webDist: WEB_DIST,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  return {
    db,
    dataDir,
    app,
    browser,
    base,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot helper for one test file: saves `<prefix>-<name>.png` when FORECOURT_E2E_SHOTS
 * names a folder (to look at the screens by eye), and does nothing otherwise.
 */
export function screenshots(prefix: string): (page: Page, name: string) => Promise<void> {
  const folder = process.env.FORECOURT_E2E_SHOTS;
  return async (page, name) => {
    if (folder) await page.screenshot({ path: path.join(folder, `${prefix}-${name}.png`), fullPage: true });
  };
}
