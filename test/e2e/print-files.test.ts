import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDispatcher } from '../../src/app.ts';
import type { Db } from '../../src/db/connect.ts';
import type { OutboxMessage, Store } from '../../src/db/schema.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { buildCustomer, buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { insertLetters, letterMessage } from '../support/letters.ts';
import { chromiumSkipReason, screenshots, type E2eServer, logIn, openTestPage, startE2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('print-files');

/**
 * Print files: a batch run's letters, filed by the dispatcher with the real sender resolver, show
 * as one open print file; a manager closes it, downloads the merged PDF and marks it printed and
 * mailed, after which its letters are delivered.
 */
describe.skipIf(skipReason !== undefined)('print files in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let letters: OutboxMessage[];

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, {
      code: 'PRN',
      name: 'Pine Road Nissan',
      timeZone: 'America/Halifax',
      addressLine1: '5 Pine Rd',
      city: 'Halifax',
      region: 'NS',
      postalCode: 'B3H 1A1',
    });
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mo@example.test', name: 'Mo Manager' });
    const address = { address_line1: '12 Spring Garden Rd', city: 'Halifax', region: 'NS', postal_code: 'B3J 1A1' };
    const people = await Promise.all(
      ['Anne', 'Gilbert'].map((first) =>
        buildCustomer(k, store.id, { first_name: first, last_name: 'Shirley', ...address }),
      ),
    );
    const now = systemClock.now();
    letters = await insertLetters(
      k,
      people.map((c) => letterMessage(c, now, { sourceKind: 'batch', sourceRef: 'spring-run' })),
      now,
    );
    const { dispatcher, senders } = buildDispatcher({
      config: { dataDir: server.dataDir, publicUrl: base },
      db,
      clock: systemClock,
      masterKey: Buffer.alloc(32, 7),
    });
    await dispatcher.drain();
    await senders.close();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('closes a run’s print file, downloads its PDF and marks it printed and mailed', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'print-files');
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'mo@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print files' }).click();
    await page.waitForURL(/\/print-files$/);
    const row = page
      .getByRole('table', { name: 'Print files' })
      .getByTestId('print-file-row')
      .filter({ hasText: 'Batch run spring-run' });
    await row.waitFor();
    expect(await row.getByTestId('print-file-status').getAttribute('data-status')).toBe('open');
    expect(await row.getByTestId('print-file-size').textContent()).toBe('2 letters');
    expect(await row.getByRole('link', { name: 'Download' }).count()).toBe(0);
    await shot(page, 'open');

    await row.getByRole('button', { name: 'Close now' }).click();
    await page.getByTestId('notifications').getByText('Print file closed').waitFor();
    await expect.poll(() => row.getByTestId('print-file-status').getAttribute('data-status')).toBe('ready');
    expect(await row.getByTestId('print-file-size').textContent()).toMatch(/^2 letters · 4 pages · \d+ KB$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^print-file-\d+-letters\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, 'ready');

    await row.getByRole('button', { name: 'Mark printed & mailed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark printed and mailed?' });
    await dialog.getByText('Batch run spring-run').waitFor();
    await dialog.getByRole('button', { name: 'Mark printed & mailed' }).click();
    await page.getByTestId('notifications').getByText('Marked printed and mailed: 2 delivered').waitFor();
    await expect.poll(() => row.getByTestId('print-file-status').getAttribute('data-status')).toBe('printed');
    await row.getByTestId('print-file-printed').getByText('by Mo Manager').waitFor();
    expect(await row.getByRole('button', { name: 'Mark printed & mailed' }).count()).toBe(0);
    await shot(page, 'printed');

    const rows = await db.kysely
      .selectFrom('outbox_messages')
      .select(['status', 'status_detail'])
      .where(
        'id',
        'in',
        letters.map((l) => l.id),
      )
      .execute();
    expect(rows).toEqual(
      letters.map(() => ({ status: 'delivered', status_detail: 'printed and mailed by Mo Manager' })),
    );
    const file = await db.kysely
      .selectFrom('print_files')
      .selectAll()
      .where('store_id', '=', store.id)
      .executeTakeFirstOrThrow();
    expect(file.status).toBe('printed');
    await page.context().close();
  });
});
