import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Store } from '../../src/db/schema.ts';
import { buildCustomer, buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { FTP_PASSWORD, startFtp, type TestFtp } from '../support/ftp-server.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('exports');

/**
 * Partner exports: an administrator fills in CustomerLink (account number, a real FTP server on
 * 127.0.0.1, the password), allows the loopback address, switches it on (the warning dialog says
 * the data goes to CustomerLink at the user's request; nothing is saved until confirmed), runs it
 * now: Uploaded, 3 rows, the file is on the FTP server and downloadable from the runs table. CARFAX
 * shows its terms when switched on, and cannot be switched on until "I agree" is ticked. An agent
 * has no Partner exports.
 */
describe.skipIf(skipReason !== undefined)('Partner exports in Chromium', () => {
  let server: E2eServer | undefined;
  let ftp: TestFtp | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;

  beforeAll(async () => {
    [server, ftp] = await Promise.all([startE2eServer(), startFtp()]);
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, {
      code: 'ELM',
      name: 'Elm Street Auto',
      timeZone: 'America/Halifax',
      phone: '+19025550100',
      addressLine1: '12 Elm Street',
      city: 'Halifax',
      region: 'NS',
      postalCode: 'B3H 1A1',
    });
    await buildUser(k, { role: 'admin', storeIds: [store.id], email: 'ada@example.test', name: 'Ada Admin' });
    await buildUser(k, { role: 'agent', storeIds: [store.id], email: 'abe@example.test', name: 'Abe Agent' });
    for (const [first, last] of [
      ['Carla', 'Customer'],
      ['Dev', 'Driver'],
      ['Erin', 'Owner'],
    ] as const)
      await buildCustomer(k, store.id, { first_name: first, last_name: last, name: null });
  }, 120_000);

  afterAll(async () => {
    await ftp?.close();
    await server?.close();
  });

  const targetRow = (kind: 'customerlink' | 'carfax') =>
    db.kysely
      .selectFrom('export_targets')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('kind', '=', kind)
      .executeTakeFirst();

  async function openExports(page: Page) {
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'ada@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner exports' }).click();
    await page.waitForURL(/\/exports$/);
    await page.getByRole('heading', { name: 'Partner exports', level: 1 }).waitFor();
  }

  it('sets up CustomerLink, confirms the data sharing, runs it to a real FTP server', async ({ onTestFailed }) => {
    if (!ftp) throw new Error('no FTP server');
    const page = await openTestPage(browser, onTestFailed, 'exports');
    await openExports(page);

    const card = page.getByRole('region', { name: 'CustomerLink export' });
    const text = (name: string) => card.getByRole('textbox', { name, exact: true });
    // Drawn from the store's settings, which load on their own.
    await expect.poll(() => text('Business Name').inputValue()).toBe('Elm Street Auto');
    expect(await text('Business Phone').inputValue()).toBe('(902) 555-0100');
    expect(await text('Directory').inputValue()).toBe('');
    expect(await card.getByRole('checkbox', { name: 'Passive Mode' }).isChecked()).toBe(true);
    expect(await card.getByTestId('secret-password-status').textContent()).toBe('Not set');
    await card
      .getByTestId('export-needed')
      .getByText(/Enter the account number CustomerLink supplied/)
      .waitFor();
    await shot(page, 'empty');

    await text('Account Number').fill('CL-7');
    await text('Server Address').fill('127.0.0.1');
    await text('Port').fill(String(ftp.port));
    await text('User Name').fill('dealer');
    await card.getByLabel('Password', { exact: true }).fill(FTP_PASSWORD);
    await card.getByRole('checkbox', { name: 'Allow a private or loopback server address' }).check();
    await card.getByTestId('private-host-warning').waitFor();
    await card.getByTestId('unsaved').waitFor();

    // Switching on asks first; nothing is saved until confirmed.
    // (Mantine hides the input under its track: the keyboard toggles it, as a user may.)
    await card.getByRole('switch', { name: 'Send to CustomerLink every night' }).press('Space');
    const dialog = page.getByRole('dialog', { name: 'Send data to CustomerLink?' });
    await dialog.getByText(/sending this store’s data to CustomerLink at your request/).waitFor();
    await dialog.getByText(/at my request, Forecourt will send this store’s customer/).waitFor();
    await shot(page, 'confirm');
    expect(await targetRow('customerlink')).toBeUndefined();
    await dialog.getByRole('button', { name: 'Confirm and switch on' }).click();
    await page.getByTestId('notifications').getByText('CustomerLink switched on').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await card.getByTestId('export-state').getByText('On', { exact: true }).waitFor();
    await card.getByTestId('unsaved').waitFor({ state: 'detached' });
    expect(await card.getByTestId('secret-password-status').textContent()).toBe('Set');
    expect(await card.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    const row = await targetRow('customerlink');
    expect(row).toMatchObject({ enabled: true, allow_private_host: true, consent_at: expect.any(Date) });
    expect(JSON.stringify(row)).not.toContain(FTP_PASSWORD);

    // Run now: uploaded to the FTP server's root.
    await card.getByRole('button', { name: 'Run now' }).click();
    const result = card.getByTestId('export-run-result');
    await result.getByText('Uploaded', { exact: true }).waitFor({ timeout: 30_000 });
    await result.getByText(/Uploaded 3 rows \(.+\) to ftp:\/\/dealer@127\.0\.0\.1:\d+/).waitFor();
    const run = await db.kysely
      .selectFrom('export_runs')
      .selectAll()
      .where('store_id', '=', store.id)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'uploaded', row_count: 3, attempts: 1 });
    const fileName = run.file_name ?? '';
    expect(fileName).toMatch(/^CL_CL-7_\d{8}\.csv$/);
    const uploaded = fs.readFileSync(path.join(ftp.root, fileName), 'utf8');
    expect(uploaded).toContain('Carla');
    expect(uploaded).toContain('Erin');

    // The runs table lists it with its file to download.
    const listed = page.getByRole('table', { name: 'Export runs' }).getByRole('row').filter({ hasText: fileName });
    await listed.getByText('Uploaded', { exact: true }).waitFor();
    await listed.getByText('Run now', { exact: true }).waitFor();
    const link = listed.getByRole('link', { name: fileName });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/export-runs/${run.id}/file`);
    expect(await link.getAttribute('download')).toBe(fileName);
    const file = await page.request.get(`${base}${href}`);
    expect(file.status()).toBe(200);
    expect(await file.text()).toBe(uploaded);
    await shot(page, 'uploaded');

    // CARFAX: its terms, agreed to before it goes on.
    await page.getByRole('tab', { name: /CARFAX/ }).click();
    await page.waitForURL(/partner=carfax/);
    const carfax = page.getByRole('region', { name: 'CARFAX export' });
    const cText = (name: string) => carfax.getByRole('textbox', { name, exact: true });
    expect(await cText('Service Facility ID').inputValue()).toBe('Not used');
    expect(await cText('Address').inputValue()).toBe('12 Elm Street, Halifax, NS B3H 1A1');
    const carfaxSwitch = carfax.getByRole('switch', { name: 'Send to CARFAX every night' });
    await carfaxSwitch.press('Space');
    await carfax.getByRole('alert').getByText('Enter the server address files are uploaded to.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await cText('Server Address').fill('127.0.0.1');
    await cText('User Name').fill('dealer');
    await carfax.getByLabel('Password', { exact: true }).fill(FTP_PASSWORD);
    await carfaxSwitch.press('Space');
    const terms = page.getByRole('dialog', { name: 'CARFAX terms of service' });
    await terms.getByText(/Labour lines, parts lines and dollar amounts will not be transferred/).waitFor();
    const agree = terms.getByRole('button', { name: 'Switch on' });
    expect(await agree.isDisabled()).toBe(true);
    await shot(page, 'carfax-terms');
    await terms.getByRole('checkbox', { name: 'I agree to the CARFAX terms of service' }).check();
    expect(await agree.isDisabled()).toBe(false);
    await agree.click();
    await page.getByTestId('notifications').getByText('CARFAX switched on').waitFor();
    await carfax.getByTestId('export-state').getByText('On', { exact: true }).waitFor();
    await page
      .getByRole('tab', { name: /CARFAX/ })
      .getByText('On', { exact: true })
      .waitFor();
    expect(await targetRow('carfax')).toMatchObject({ enabled: true, consent_at: expect.any(Date) });
    await shot(page, 'carfax-on');
    await page.context().close();
  });

  it('offers saved queries for a mail merge as a CSV download', async ({ onTestFailed }) => {
    const query = await db.kysely
      .insertInto('saved_queries')
      .values({ store_id: store.id, name: 'Everyone', filter: JSON.stringify({ op: 'and', rules: [] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await openTestPage(browser, onTestFailed, 'exports-mail-merge');
    await page.goto(`${base}/queries`);
    await page.waitForURL(/\/login/);
    await logIn(page, 'ada@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/queries$/);
    const row = page.getByRole('table', { name: 'Saved queries' }).getByRole('row').filter({ hasText: 'Everyone' });
    const link = row.getByRole('link', { name: 'Export for mail merge (CSV)' });
    const href = `/api/saved-queries/${query.id}/export.csv`;
    expect(await link.getAttribute('href')).toBe(href);
    expect(await link.getAttribute('download')).not.toBeNull();
    await row.getByRole('link', { name: 'Everyone', exact: true }).click();
    await page.waitForURL(new RegExp(`/queries/${query.id}$`));
    await page.getByTestId('query-title').getByText('Everyone').waitFor();
    expect(await page.getByRole('link', { name: 'Export for mail merge (CSV)' }).getAttribute('href')).toBe(href);
    await shot(page, 'query-mail-merge');
    const csv = await page.request.get(`${base}${href}`);
    expect(csv.status(), await csv.text()).toBe(200);
    const body = await csv.text();
    for (const name of ['Carla', 'Dev', 'Erin']) expect(body).toContain(name);
    await page.context().close();
  });

  it('has no Partner exports for an agent', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'exports-agent');
    await page.goto(`${base}/exports`);
    await page.waitForURL(/\/login/);
    await logIn(page, 'abe@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/exports$/);
    await page.getByRole('alert').getByText('Only managers and administrators can set up partner exports').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Partner exports' }).count()).toBe(0);
    await page.context().close();
  });
});
