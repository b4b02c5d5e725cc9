import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContactDefaultsForAllStores } from '../../src/campaigns/contact-types.store.ts';
import type { Db } from '../../src/db/connect.ts';
import type { Store } from '../../src/db/schema.ts';
import { insertTemplate } from '../../src/templates/templates.store.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('campaigns');

/**
 * A one-off campaign from a saved query: Tools → Send Email on "Honda owners" (3 customers, one
 * without an e-mail address). Send waits for the required fields; a test e-mail goes to a typed
 * address; Campaign Options say 1 of 3 cannot get an e-mail and offer texts (1 reachable); texts
 * with the SMS template are chosen and the campaign is saved as a 'once' batch schedule.
 */
describe.skipIf(skipReason !== undefined)('one-off campaigns in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let queryId: number;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, {
      code: 'ELM',
      name: 'Elm Street Auto',
      timeZone: 'America/Halifax',
      email: 'service@elm.test',
    });
    await ensureContactDefaultsForAllStores(k);
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mona@example.test', name: 'Mona Manager' });
    const template = (channel: 'email' | 'sms', name: string) =>
      k.transaction().execute((trx) =>
        insertTemplate(trx, {
          storeId: store.id,
          channel,
          contactType: 'general',
          language: 'en',
          purpose: 'service',
          name,
          subject: channel === 'email' ? 'Time for a visit' : null,
          body: 'Hi {{ customer.first_name }}, your Honda is due.',
          createdBy: null,
        }),
      );
    await template('email', 'Honda service e-mail');
    await template('sms', 'Honda service text');
    const query = await k
      .insertInto('saved_queries')
      .values({
        store_id: store.id,
        name: 'Honda owners',
        filter: JSON.stringify({ op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    queryId = query.id;
    // Three Honda owners, all with a cell phone; one has no e-mail address.
    for (const [first, email] of [
      ['Ann', 'ann@example.test'],
      ['Ben', 'ben@example.test'],
      ['Nomail', null],
    ] as const) {
      const c = await buildCustomer(k, store.id, { first_name: first, last_name: 'Honda', email });
      await buildVehicle(k, c, { make: 'Honda' });
    }
    const toyota = await buildCustomer(k, store.id, { first_name: 'Theo', last_name: 'Toyota' });
    await buildVehicle(k, toyota, { make: 'Toyota' });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /** A field's label, with or without the required asterisk. */
  const labelled = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();

  async function pick(page: Page, label: string, option: string) {
    await labelled(page, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('sends an e-mail campaign, texting who has no e-mail address', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'campaigns');
    await page.goto(`${base}/queries/${queryId}`);
    await page.waitForURL(/\/login/);
    await logIn(page, 'mona@example.test', TEST_PASSWORD);
    await page.waitForURL(new RegExp(`/queries/${queryId}$`));
    await page.getByTestId('query-title').getByText('Honda owners').waitFor();

    await page.getByRole('button', { name: 'Tools' }).click();
    await page.getByRole('menuitem', { name: 'Send Voice Drop' }).waitFor();
    await shot(page, 'tools');
    await page.getByRole('menuitem', { name: 'Send Email' }).click();
    await page.waitForURL(new RegExp(`/queries/${queryId}/send/email$`));

    const form = page.getByRole('form', { name: 'Send Email' });
    const send = form.getByRole('button', { name: 'Send', exact: true });
    // Named after the query, sent from the store's only address; template and distribution list to go.
    expect(await labelled(page, 'Campaign name').inputValue()).toBe('Honda owners');
    expect(await labelled(page, 'From address').inputValue()).toBe('service@elm.test');
    await form.getByText('Still needed: Template, Distribution list.').waitFor();
    expect(await send.isDisabled()).toBe(true);
    // A red star on the required fields still empty.
    const templateLabel = form.locator('label').filter({ hasText: /^Template/ });
    expect(await templateLabel.textContent()).toMatch(/^Template\s*\*$/);
    await shot(page, 'empty');

    await pick(page, 'Template', 'Honda service e-mail');
    await form.getByText('Still needed: Distribution list.').waitFor();
    expect(await templateLabel.textContent()).toBe('Template');
    expect(await send.isDisabled()).toBe(true);

    // View: the template as the sample customer gets it, at the bottom.
    await form.getByRole('button', { name: 'View' }).click();
    const preview = page.getByRole('region', { name: 'Template preview' });
    await preview.getByTestId('preview-subject').getByText('Time for a visit').waitFor();

    // A test to a typed address.
    const test = page.getByRole('region', { name: 'Send test' });
    await test.getByRole('textbox', { name: 'Test to e-mail' }).fill('mona@example.test');
    await test.getByRole('button', { name: 'Send test e-mail' }).click();
    await test
      .getByTestId('test-sent')
      .getByText(/Test queued: it goes to mona@example\.test/)
      .waitFor();

    await pick(page, 'Distribution list', 'Mona Manager');
    await page.keyboard.press('Escape');
    await form.getByText('Sales', { exact: true }).click();
    // Tomorrow at 10:30, store time.
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Halifax' }).format(
      new Date(Date.now() + 86_400_000),
    );
    await form.getByLabel('Send date').fill(tomorrow);
    await form.getByLabel('Send time').fill('10:30');
    await expect.poll(() => send.isDisabled()).toBe(false);
    expect(await form.getByTestId('still-needed').textContent()).toBe('');
    await shot(page, 'filled');

    // Campaign Options: the customer without an e-mail address can get a text.
    await send.click();
    const dialog = page.getByRole('dialog', { name: 'Campaign Options' });
    await dialog.getByText('1 of 3 customers cannot get an e-mail.').waitFor();
    await dialog.getByText('No e-mail address: 1').waitFor();
    await dialog.getByRole('radio', { name: 'Send them texts instead (1 customer reachable)' }).check();
    const confirm = dialog.getByRole('button', { name: 'Send', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await pick(page, 'Template for the texts', 'Honda service text');
    await shot(page, 'options');
    await confirm.click();

    const sent = page.getByTestId('campaign-sent');
    await sent.getByText(/“Honda owners” sends e-mails on .*10:30 a\.m\./).waitFor();
    await sent.getByText('Customers who cannot get an e-mail get texts (“Honda service text”) instead.').waitFor();
    await shot(page, 'sent');

    const row = await db.kysely.selectFrom('batch_schedules').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: 'Honda owners',
      recurrence: 'once',
      channel: 'email',
      kind: 'fetch',
      saved_query_id: queryId,
      sender: 'service@elm.test',
      roi_type: 'sales',
      fallback_channel: 'sms',
      daily_limit: 1_000_000,
    });
    expect(row.once_at?.getTime()).toBeGreaterThan(Date.now());
    expect(await sent.getByRole('link', { name: 'Campaign status' }).getAttribute('href')).toBe(
      `/batches/${row.id}/status`,
    );
    await sent.getByRole('link', { name: 'Back to the query' }).click();
    await page.waitForURL(new RegExp(`/queries/${queryId}$`));
    await page.context().close();
  });
});
