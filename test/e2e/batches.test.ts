import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContactDefaults } from '../../src/campaigns/contact-types.store.ts';
import type { Db } from '../../src/db/connect.ts';
import type { Store } from '../../src/db/schema.ts';
import { insertTemplate } from '../../src/templates/templates.store.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('batches');

/**
 * Batch Contacts: a manager adds a Fetch Automation e-mail batch (the SMS template is not offered
 * on the Emails tab; French with an English template is refused by the server, listed in the
 * form), finds it in the list with its next run, previews the next run (2 taken, one held back
 * for having no e-mail address, one over the # to send), runs it now (2 queued) and runs it again
 * (already ran today).
 */
describe.skipIf(skipReason !== undefined)('batch contacts in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, { code: 'ELM', name: 'Elm Street Auto', timeZone: 'America/Halifax' });
    await ensureContactDefaults(k, store.id);
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
          body: 'Hi {{ customer.first_name }}',
          createdBy: null,
        }),
      );
    await template('email', 'Honda service e-mail');
    await template('sms', 'Honda service text');
    await k
      .insertInto('saved_queries')
      .values({
        store_id: store.id,
        name: 'Honda owners',
        filter: JSON.stringify({ op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] }),
      })
      .execute();
    // Four Honda owners: three with an e-mail address (one more than the # to send), one without.
    for (const [first, email] of [
      ['Ann', 'ann@example.test'],
      ['Ben', 'ben@example.test'],
      ['Cat', 'cat@example.test'],
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

  async function logInAt(page: Page, email: string) {
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, email, TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);
  }

  /** A field's label, with or without the required asterisk. */
  const labelled = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();

  /** Opens the select labelled `label` and the names of its options. */
  async function optionsOf(page: Page, label: string): Promise<string[]> {
    await labelled(page, label).click();
    const listbox = page.getByRole('listbox');
    await listbox.getByRole('option').first().waitFor();
    return listbox.getByRole('option').allTextContents();
  }

  async function pick(page: Page, label: string, option: string) {
    await labelled(page, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('adds a Fetch Automation e-mail batch, previews its next run and runs it once a day', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'batches');
    await logInAt(page, 'mona@example.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batch contacts' }).click();
    await page.waitForURL(/\/batches$/);
    await page.getByRole('tab', { name: 'Emails' }).click();
    await page.getByText('Elm Street Auto has no e-mail batches yet.').waitFor();
    await page.getByRole('link', { name: 'Add batch' }).click();
    await page.waitForURL(/\/batches\/new\?channel=email$/);

    const form = page.getByRole('form', { name: 'Batch' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Honda owners e-mail');
    await pick(page, 'Batch type', 'Fetch Automation');
    // Only e-mail templates are offered on the Emails tab.
    expect(await optionsOf(page, 'Template')).toEqual(['Honda service e-mail']);
    await page.getByRole('option', { name: 'Honda service e-mail' }).click();
    await pick(page, 'Batch query', 'Honda owners');
    await pick(page, 'Recycle type', 'Email sent (30 days)');
    await form.getByText('French', { exact: true }).click();
    await labelled(page, '# to send').fill('2');
    await shot(page, 'form');

    // French customers with an English template: the server says why, at the top of the form.
    await form.getByRole('button', { name: 'Add batch' }).click();
    const problems = form.getByTestId('batch-problems');
    await problems
      .getByText('Template "Honda service e-mail" is in English, but the batch is for French-speaking customers.')
      .waitFor();
    await shot(page, 'refused');
    expect(await db.kysely.selectFrom('batch_schedules').select('id').execute()).toHaveLength(0);

    await form.getByText('N/A', { exact: true }).click();
    await problems.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Add batch' }).click();
    await page.waitForURL(/\/batches\?channel=email$/);
    const saved = await db.kysely.selectFrom('batch_schedules').selectAll().executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ name: 'Honda owners e-mail', kind: 'fetch', language: 'any', daily_limit: 2 });

    // In the list with its type and next run.
    const row = page
      .getByRole('table', { name: 'Emails batches' })
      .getByRole('row')
      .filter({ hasText: 'Honda owners e-mail' });
    await row.getByText('Fetch Automation: Honda owners').waitFor();
    await row.getByText('Honda service e-mail').waitFor();
    await row.getByText('Never').waitFor();
    expect(await row.getByTestId('next-run').textContent()).toMatch(/\d{4}, \d{1,2}:00 a\.m\./);
    await shot(page, 'list');

    // Preview of the next run: two would be taken; one has no e-mail address, one is over the limit.
    await row.getByRole('link', { name: 'Honda owners e-mail' }).click();
    await page.waitForURL(new RegExp(`/batches/${saved.id}$`));
    await page.getByRole('button', { name: 'Preview next run' }).click();
    await expect.poll(() => page.getByTestId('preview-selected').textContent()).toBe('2');
    expect(await page.getByTestId('preview-matched').textContent()).toBe('4');
    const heldBack = page.getByRole('table', { name: 'Held back' });
    await heldBack.getByRole('row').filter({ hasText: 'No e-mail address' }).getByText('1').waitFor();
    await heldBack.getByRole('row').filter({ hasText: 'Over the # to send' }).getByText('1').waitFor();
    const sample = page.getByRole('table', { name: 'Sample customers' });
    expect(await sample.getByRole('link').count()).toBe(2);
    expect(await sample.getByRole('link').first().getAttribute('href')).toMatch(/^\/customers\/\d+$/);
    await shot(page, 'preview');

    // Run now, after a confirmation: two queued; again the same day, nothing more.
    await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('dialog', { name: 'Run this batch now?' }).getByRole('button', { name: 'Run now' }).click();
    await page.getByTestId('run-outcome').getByText('Run finished: 2 taken, 2 queued.').waitFor();
    const history = page.getByRole('table', { name: 'Run history' });
    await expect.poll(() => history.getByRole('row').count()).toBe(2);
    await shot(page, 'ran');
    expect(
      await db.kysely.selectFrom('outbox_messages').select('id').where('channel', '=', 'email').execute(),
    ).toHaveLength(2);

    await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('dialog', { name: 'Run this batch now?' }).getByRole('button', { name: 'Run now' }).click();
    await page
      .getByTestId('run-outcome')
      .getByText(/already ran today/)
      .waitFor();
    await shot(page, 'again');
    await page.context().close();
  });
});
