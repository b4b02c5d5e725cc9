import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Store } from '../../src/db/schema.ts';
import { buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, type E2eServer, logIn, openTestPage, startE2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

/** The "Store settings" screen: managers change and save settings, see the server's refusals; agents only read. */
describe.skipIf(skipReason !== undefined)('store settings in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, { code: 'DDD', name: 'Delta Motors', timeZone: 'America/Toronto' });
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'meg@example.test', name: 'Meg Manager' });
    await buildUser(k, { role: 'agent', storeIds: [store.id], email: 'abe@example.test', name: 'Abe Agent' });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function logInAt(page: Page, email: string) {
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, email, TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);
  }

  const savedRow = () =>
    db.kysely.selectFrom('stores').selectAll().where('id', '=', store.id).executeTakeFirstOrThrow();

  it('lets a manager change, save and keep settings, and shows the server’s refusals', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'store-settings');
    await logInAt(page, 'meg@example.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Store settings' }).click();
    await page.waitForURL(/\/settings\/store$/);
    const form = page.getByRole('form', { name: 'Store settings' });
    const timeZone = form.getByRole('combobox', { name: 'Time zone' });
    const bounceLimit = form.getByRole('textbox', { name: 'E-mail bounce limit' });
    const save = form.getByRole('button', { name: 'Save' });
    await expect.poll(() => timeZone.inputValue()).toBe('America/Toronto');
    expect(await bounceLimit.inputValue()).toBe('3');
    expect(await save.isDisabled()).toBe(true);
    await form.getByTestId('send-window-note').getByText('never outside 08:00–21:00').waitFor();

    // Change the time zone (searching the list) and the bounce limit, and save.
    await timeZone.click();
    await timeZone.fill('vancouver');
    await page.getByRole('option', { name: 'America/Vancouver' }).click();
    await bounceLimit.fill('5');
    await form.getByTestId('unsaved').waitFor();
    await save.click();
    await page.getByTestId('notifications').getByText('Settings saved').waitFor();
    await form.getByTestId('unsaved').waitFor({ state: 'detached' });
    expect(await save.isDisabled()).toBe(true);
    const row = await savedRow();
    expect([row.time_zone, row.email_bounce_limit]).toEqual(['America/Vancouver', 5]);

    // Kept after a reload.
    await page.reload();
    await expect.poll(() => timeZone.inputValue()).toBe('America/Vancouver');
    expect(await bounceLimit.inputValue()).toBe('5');

    // A bounce limit over 9: the server's message beside the field and above the buttons.
    await bounceLimit.fill('12');
    await save.click();
    const alert = form.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.getByText(/emailBounceLimit/).waitFor();
    expect(await bounceLimit.getAttribute('aria-invalid')).toBe('true');
    const reachability = form.getByRole('region', { name: 'Reachability' });
    await reachability.getByText(/Too big: expected number to be <=9/).waitFor();

    // Cancel goes back to what is saved.
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await bounceLimit.inputValue()).toBe('5');
    expect(await alert.count()).toBe(0);
    expect(await bounceLimit.getAttribute('aria-invalid')).not.toBe('true');

    // A send window that ends before it starts.
    const windowEnd = form.getByRole('textbox', { name: 'Send window end' });
    await windowEnd.fill('07:00');
    await save.click();
    await alert.getByText('sendWindowStart must be before sendWindowEnd.').waitFor();
    expect(await windowEnd.getAttribute('aria-invalid')).toBe('true');
    expect((await savedRow()).send_window_end).toBe('21:00');
    await page.context().close();
  });

  it('hides the screen from agents and shows them why', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'store-settings-agent');
    await logInAt(page, 'abe@example.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Store settings' }).count()).toBe(0);

    await page.goto(`${base}/settings/store`);
    await page.getByText('Only managers and administrators can change store settings').waitFor();
    const form = page.getByRole('form', { name: 'Store settings' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Business name' }).inputValue()).toBe('Delta Motors');
    expect(await form.getByRole('textbox', { name: 'Business name' }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await page.context().close();
  });
});
