import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Store } from '../../src/db/schema.ts';
import { ensureDefaultTemplates } from '../../src/templates/templates.store.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, screenshots, type E2eServer, logIn, openTestPage, startE2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('templates');

/**
 * The Templates screens: the list with the 360° defaults, writing a text (smart quotes, the
 * counter, the merge-field picker), and an e-mail's live preview with its inline validation.
 */
describe.skipIf(skipReason !== undefined)('templates in Chromium', () => {
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
    // What `forecourt start` and the demo loader do for every store.
    await ensureDefaultTemplates(k, store.id);
    await buildUser(k, { role: 'admin', email: 'ada@example.test', name: 'Ada Admin' });
    await buildUser(k, { role: 'agent', storeIds: [store.id], email: 'abe@example.test', name: 'Abe Agent' });
    const gabrielle = await buildCustomer(k, store.id, {
      first_name: 'Gabrielle',
      last_name: 'Roy',
      mailing_name: 'Ms. Gabrielle Roy',
      language: 'en',
    });
    await buildVehicle(k, gabrielle, { year: 2020, make: 'Subaru', model: 'Forester', plate: 'GABY 20' });
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

  it('lists the defaults, writes a text with the picker and the smart-quote fix, and saves it', async ({
    onTestFailed,
  }) => {
    const page = await openTestPage(browser, onTestFailed, 'templates-sms');
    await logInAt(page, 'ada@example.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.waitForURL(/\/templates$/);

    // The 360° letters and postcards, in English and French, marked as defaults.
    const table = page.getByRole('table', { name: 'Templates' });
    await table.getByRole('link', { name: 'Reminder 1', exact: true }).waitFor();
    for (const name of ['Reminder 2', 'No Show', 'Thank You', 'Deferred', 'Inactive'])
      await table.getByRole('link', { name, exact: true }).waitFor();
    expect(await table.getByRole('row').count()).toBe(25);
    expect(await table.getByText('Default', { exact: true }).count()).toBe(24);
    await shot(page, 'list');

    // Filtering by language keeps the choice in the URL.
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.waitForURL(/language=fr/);
    await expect.poll(() => table.getByRole('row').count()).toBe(13);

    // A new text.
    await page.getByRole('link', { name: 'New template' }).click();
    await page.waitForURL(/\/templates\/new$/);
    const form = page.getByRole('form', { name: 'Template' });
    await form.getByRole('radiogroup', { name: 'Channel' }).getByText('Text (SMS)').click();
    await form.getByRole('textbox', { name: 'Name' }).fill('Tire swap text');
    const body = form.getByRole('textbox', { name: 'Message' });
    await body.fill('Hi {{ customer.first_name }}, it’s time for your tire swap at {{ store.name }}. Call ');

    // The smart quote makes it UCS-2; replacing it makes it GSM-7 again.
    const counter = form.getByTestId('sms-counter');
    await expect.poll(() => counter.textContent(), { timeout: 10_000 }).toMatch(/^UCS-2 · \d+ characters · 1 segment$/);
    await shot(page, 'sms-ucs2');
    await form.getByRole('button', { name: 'Replace smart quotes' }).click();
    expect(await body.inputValue()).toContain("it's time");
    await expect.poll(() => counter.textContent(), { timeout: 10_000 }).toMatch(/^GSM-7 · \d+ characters · 1 segment$/);
    expect(await form.getByRole('button', { name: 'Replace smart quotes' }).count()).toBe(0);

    // The picker inserts at the cursor (the end of the text here).
    await body.focus();
    await body.press('End');
    const picker = page.getByRole('region', { name: 'Merge fields' });
    await picker.getByRole('group', { name: 'Signature' }).getByRole('button', { name: 'Business phone' }).click();
    expect(await body.inputValue()).toBe(
      "Hi {{ customer.first_name }}, it's time for your tire swap at {{ store.name }}. Call {{ store.phone | phone }}",
    );
    await page
      .getByTestId('sms-bubble')
      .getByText(/Hi Marie, it's time for your tire swap at Elm Street Auto/)
      .waitFor();
    await shot(page, 'sms-gsm7');

    await form.getByRole('button', { name: 'Create template' }).click();
    await page.waitForURL(/\/templates\/\d+$/);
    await page.getByTestId('notifications').getByText('Template created').waitFor();
    await page.getByTestId('template-title').getByText('Tire swap text').waitFor();
    const saved = await db.kysely
      .selectFrom('templates')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('name', '=', 'Tire swap text')
      .executeTakeFirstOrThrow();
    expect([saved.channel, saved.contact_type, saved.language, saved.active]).toEqual([
      'sms',
      'maintenance',
      'en',
      true,
    ]);

    // A test text to a staff number goes through the outbox, marked [Test].
    await page.getByRole('button', { name: 'Test send' }).click();
    await page.getByLabel('Text a test to').fill('416 555 0142');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByTestId('notifications').getByText('Test queued').waitFor();
    const test = await db.kysely
      .selectFrom('outbox_messages')
      .select(['target', 'body_text', 'source_kind'])
      .where('store_id', '=', store.id)
      .where('source_kind', '=', 'test')
      .executeTakeFirstOrThrow();
    expect(test.target).toBe('+14165550142');
    expect(test.body_text).toMatch(/^\[Test\] /);

    // Back in the list, beside the defaults.
    await page.getByRole('link', { name: 'Templates' }).first().click();
    await page.waitForURL(/\/templates(\?.*)?$/);
    const row = page.getByRole('table', { name: 'Templates' }).getByRole('row').filter({ hasText: 'Tire swap text' });
    await row.getByText('Text (SMS)').waitFor();
    await page.context().close();
  });

  it('previews an e-mail for a chosen customer in a sandboxed frame and marks an unknown tag in place', async ({
    onTestFailed,
  }) => {
    const page = await openTestPage(browser, onTestFailed, 'templates-email');
    await logInAt(page, 'ada@example.test');
    await page.goto(`${base}/templates?language=en`);
    await page.getByRole('table', { name: 'Templates' }).getByRole('link', { name: 'Reminder 1', exact: true }).click();
    await page.waitForURL(/\/templates\/\d+$/);
    const form = page.getByRole('form', { name: 'Template' });
    const body = form.getByRole('textbox', { name: 'Body (HTML)' });
    await expect.poll(() => body.inputValue()).toContain('{{ customer.mailing_name');

    // Preview as a real customer: the frame is sandboxed and shows her name.
    const preview = page.getByRole('region', { name: 'Preview' });
    const frame = preview.getByTestId('email-preview-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await preview.getByRole('combobox', { name: 'Preview as' }).click();
    await preview.getByRole('combobox', { name: 'Preview as' }).fill('Roy');
    await page.getByRole('option', { name: /Gabrielle Roy/ }).click();
    await preview.frameLocator('[data-testid="email-preview-frame"]').getByText('Dear Ms. Gabrielle Roy,').waitFor();
    await shot(page, 'email-preview');

    // An unknown merge field: named under the body with its line and column, and a suggestion.
    await body.fill('<p>Dear {{ customer.mailing_name }},</p>\n<p>Hello {{ customer.nmae }}</p>');
    const problems = form.getByTestId('body-problems');
    await problems.getByText('Unknown merge field customer.nmae — line 2, column 13').waitFor();
    await problems.getByText('customer.name', { exact: true }).waitFor();
    await preview
      .getByTestId('preview-alert')
      .getByText(/Fix the problem marked in the template/)
      .waitFor();
    await shot(page, 'email-unknown-tag');

    // Saving is refused the same way; Cancel goes back to what is saved.
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await problems.waitFor({ state: 'detached' });
    expect(await body.inputValue()).toContain('{{ customer.mailing_name');

    // A new subject makes version 2; version 1 can still be viewed, read-only.
    const subject = form.getByRole('textbox', { name: 'Subject' });
    await subject.fill('See you soon, {{ customer.first_name }}');
    await form.getByRole('button', { name: 'Save' }).click();
    await page
      .getByTestId('notifications')
      .getByText(/is saved as version 2/)
      .waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: 'View version 1' }).click();
    await preview.getByTestId('version-banner').getByText('Version 1').waitFor();
    await preview
      .getByTestId('preview-subject')
      .getByText(/^Your next service appointment/)
      .waitFor();
    await shot(page, 'email-version');
    await preview.getByRole('button', { name: 'Back to the draft' }).click();
    await preview.getByTestId('preview-subject').getByText('See you soon, Gabrielle').waitFor();
    await page.context().close();
  });

  it('renders a letter draft to PDF and a voice script as text', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'templates-letter');
    await logInAt(page, 'ada@example.test');
    await page.goto(`${base}/templates/new`);
    const form = page.getByRole('form', { name: 'Template' });
    await form.getByRole('radiogroup', { name: 'Channel' }).getByText('Letter').click();
    await form
      .getByRole('textbox', { name: 'Letter body (HTML)' })
      .fill('<p>Dear {{ customer.mailing_name }},</p>\n<p>Your {{ vehicle.model }} is due for service.</p>');
    // The draft PDF is fetched with a POST (CSRF header) and shown from a blob: URL.
    const frame = page.getByRole('region', { name: 'Preview' }).getByTestId('pdf-preview-frame');
    await expect.poll(() => frame.getAttribute('src'), { timeout: 15_000 }).toMatch(/^blob:/);
    await shot(page, 'letter');

    await form.getByRole('radiogroup', { name: 'Channel' }).getByText('Voice script').click();
    await form
      .getByRole('textbox', { name: 'Script' })
      .fill('Hello {{ customer.first_name }}, this is {{ store.name }}.');
    await page.getByTestId('voice-script').getByText('Hello Marie, this is Elm Street Auto.').waitFor();
    await page.context().close();
  });

  it('lets agents read and preview templates but not change them', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'templates-agent');
    await logInAt(page, 'abe@example.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page
      .getByRole('table', { name: 'Templates' })
      .getByRole('link', { name: 'No Show', exact: true })
      .first()
      .click();
    await page.getByText('Only managers and administrators can change templates').waitFor();
    const form = page.getByRole('form', { name: 'Template' });
    expect(await form.getByRole('textbox', { name: 'Body (HTML)' }).getAttribute('readonly')).not.toBeNull();
    expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Merge fields' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Preview' }).getByTestId('email-preview-frame').waitFor();
    await shot(page, 'agent');
    expect(await page.getByRole('link', { name: 'New template' }).count()).toBe(0);
    await page.context().close();
  });
});
