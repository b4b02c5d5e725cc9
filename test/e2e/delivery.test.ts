import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Customer, Store } from '../../src/db/schema.ts';
import { ensureDefaultTemplates } from '../../src/templates/templates.store.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, screenshots, type E2eServer, logIn, openTestPage, startE2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('delivery');

/**
 * Delivery screens: sending one message from the profile (marketing refused without consent with
 * the reason; a service e-mail written with a merge field), the contact history and the message as
 * sent, the Outbox, and an SMTP provider whose password is write-only. No worker runs here, so
 * messages stay queued.
 */
describe.skipIf(skipReason !== undefined)('delivery in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let gabrielle: Customer;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, {
      code: 'ELM',
      name: 'Elm Street Auto',
      timeZone: 'America/Halifax',
      email: 'service@elmstreet.test',
    });
    await ensureDefaultTemplates(k, store.id);
    await buildUser(k, { role: 'admin', email: 'ada@example.test', name: 'Ada Admin' });
    await buildUser(k, { role: 'agent', storeIds: [store.id], email: 'abe@example.test', name: 'Abe Agent' });
    gabrielle = await buildCustomer(k, store.id, {
      first_name: 'Gabrielle',
      last_name: 'Roy',
      mailing_name: 'Ms. Gabrielle Roy',
      language: 'en',
      email: 'gabrielle.roy@example.test',
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

  it('sends a service e-mail from the profile, shows it in the history and the Outbox, and keeps the SMTP password secret', async ({
    onTestFailed,
  }) => {
    const page = await openTestPage(browser, onTestFailed, 'delivery');
    await logInAt(page, 'ada@example.test');
    await page.goto(`${base}/customers/${gabrielle.id}`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const form = page.getByRole('form', { name: 'Send a message' });
    const eligibility = form.getByTestId('send-eligibility');

    // Marketing by e-mail without consent: refused before sending, with the reason.
    await form.getByText('Marketing', { exact: true }).click();
    await expect.poll(() => eligibility.getAttribute('data-status')).toBe('blocked');
    await eligibility.getByText('no_marketing_consent').waitFor();
    await eligibility.getByText('No recorded email marketing consent').waitFor();
    expect(await form.getByRole('button', { name: 'Send e-mail' }).isDisabled()).toBe(true);
    await shot(page, 'marketing-refused');

    // Service is allowed: write a message with a merge field and see it rendered for her.
    await form.getByText('Service', { exact: true }).click();
    await expect.poll(() => eligibility.getAttribute('data-status')).toBe('allowed');
    await form.getByText('Write a message', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Subject' }).fill('Your Forester is ready, {{ customer.first_name }}');
    await form
      .getByRole('textbox', { name: 'Message' })
      .fill('Hello {{ customer.first_name }},\n\nYour car is ready for pick-up.');
    const preview = form.getByRole('region', { name: 'Preview' });
    await preview.getByTestId('preview-subject').getByText('Your Forester is ready, Gabrielle').waitFor();
    await preview.frameLocator('[data-testid="email-preview-frame"]').getByText('Hello Gabrielle,').waitFor();
    await shot(page, 'written');

    await form.getByRole('button', { name: 'Send e-mail' }).click();
    await page.getByTestId('notifications').getByText('Message queued').waitFor();
    await form.waitFor({ state: 'detached' });

    // One outbox row, queued (no worker runs in this test), rendered for her.
    const rows = await db.kysely
      .selectFrom('outbox_messages')
      .selectAll()
      .where('customer_id', '=', gabrielle.id)
      .execute();
    expect(rows.map((r) => [r.channel, r.purpose, r.status, r.target, r.subject])).toEqual([
      ['email', 'service', 'queued', 'gabrielle.roy@example.test', 'Your Forester is ready, Gabrielle'],
    ]);

    // The history (the profile switched to it) lists it as queued.
    const history = page.getByRole('table', { name: 'Contact history' });
    const row = history.getByTestId('message-row').filter({ hasText: 'Your Forester is ready, Gabrielle' });
    await row.waitFor();
    expect(await row.getByTestId('message-status').getAttribute('data-status')).toMatch(/^(queued|sending|sent)$/);
    await row.getByText('Ada Admin').waitFor();
    await shot(page, 'history');

    // The message as sent: sandboxed HTML, the text, the addresses and the events.
    await row.click();
    const drawer = page.getByTestId('message-drawer');
    await drawer.getByTestId('message-subject').getByText('Your Forester is ready, Gabrielle').waitFor();
    await drawer.getByTestId('message-to').getByText('gabrielle.roy@example.test').waitFor();
    expect(await drawer.getByTestId('message-html').getAttribute('sandbox')).toBe('');
    await drawer.frameLocator('[data-testid="message-html"]').getByText('Your car is ready for pick-up.').waitFor();
    await drawer.getByRole('tab', { name: 'Plain text' }).click();
    expect(await drawer.getByTestId('message-text').textContent()).toContain('Hello Gabrielle,');
    await drawer.getByTestId('message-events').getByText('Queued').waitFor();
    await shot(page, 'drawer');
    await page.getByRole('button', { name: 'Close the message' }).click();
    await drawer.waitFor({ state: 'detached' });

    // The Outbox lists it with the customer's name linking to her profile, and says nothing is sent.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/outbox$/);
    await page
      .getByTestId('outbox-local-notice')
      .getByText('Messages are written to the local outbox folder and not sent')
      .waitFor();
    const outboxRow = page
      .getByRole('table', { name: 'Outbox' })
      .getByTestId('message-row')
      .filter({ hasText: 'Your Forester is ready, Gabrielle' });
    expect(await outboxRow.getByRole('link', { name: 'Gabrielle Roy' }).getAttribute('href')).toBe(
      `/customers/${gabrielle.id}`,
    );
    await shot(page, 'outbox');

    // Store settings → Sending channels: e-mail through SMTP; the password is write-only.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Store settings' }).click();
    await page.getByRole('tab', { name: 'Sending channels' }).click();
    await page.waitForURL(/tab=channels/);
    const email = page.getByRole('form', { name: 'E-mail channel' });
    await email.getByRole('combobox', { name: 'Provider' }).selectOption('smtp');
    await email.getByRole('textbox', { name: 'Host' }).fill('smtp.elmstreet.test');
    await email.getByRole('textbox', { name: 'Default From' }).fill('Elm Street Auto <service@elmstreet.test>');
    const password = email.getByLabel('Password', { exact: true });
    await password.fill('s3cret-Pa55word');
    expect(await email.getByTestId('secret-password-status').textContent()).toBe('Not set');

    // A bad port first: the server's message, beside the field.
    await email.getByRole('textbox', { name: 'Port' }).fill('99999');
    await email.getByRole('button', { name: 'Save' }).click();
    await email.getByRole('alert').filter({ hasText: 'Not saved' }).getByText(/port/).waitFor();
    expect(await email.getByRole('textbox', { name: 'Port' }).getAttribute('aria-invalid')).toBe('true');

    await email.getByRole('textbox', { name: 'Port' }).fill('587');
    await email.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('notifications').getByText('Channel saved').waitFor();
    await expect.poll(() => email.getByTestId('secret-password-status').textContent()).toBe('Set');
    expect(await email.getByTestId('channel-email-provider').textContent()).toBe('SMTP');
    expect(await password.inputValue()).toBe('');
    expect(await page.content()).not.toContain('s3cret-Pa55word');
    await shot(page, 'channels');

    const saved = await db.kysely
      .selectFrom('store_channels')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(saved.provider).toBe('smtp');
    expect(JSON.stringify(saved)).not.toContain('s3cret-Pa55word');

    // Still set after a reload, and never sent back.
    await page.reload();
    await expect.poll(() => email.getByTestId('secret-password-status').textContent()).toBe('Set');
    expect(await email.getByRole('textbox', { name: 'Host' }).inputValue()).toBe('smtp.elmstreet.test');
    expect(await page.content()).not.toContain('s3cret-Pa55word');

    // Outbox no longer says e-mail stays local.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('table', { name: 'Outbox' }).waitFor();
    expect(await page.getByTestId('outbox-local-notice').count()).toBe(0);
    await page.context().close();
  });

  it('shows agents the history and the Outbox, but not the sending channels', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'delivery-agent');
    await logInAt(page, 'abe@example.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('table', { name: 'Outbox' }).getByText('Your Forester is ready, Gabrielle').waitFor();
    expect(await page.getByTestId('outbox-local-notice').count()).toBe(0);

    // Filtering by status is kept in the URL.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await page.waitForURL(/status=failed/);
    await page.getByText('No messages match these filters.').waitFor();

    await page.goto(`${base}/customers/${gabrielle.id}`);
    await page.getByRole('tab', { name: 'Contact history' }).click();
    await page.getByRole('table', { name: 'Contact history' }).getByText('Your Forester is ready, Gabrielle').waitFor();
    await page.goto(`${base}/settings/store?tab=channels`);
    await page.getByText('Only managers and administrators can change store settings.').waitFor();
    expect(await page.getByRole('tab', { name: 'Sending channels' }).count()).toBe(0);
    await page.context().close();
  });
});
