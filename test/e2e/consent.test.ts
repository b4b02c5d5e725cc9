import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Customer } from '../../src/db/schema.ts';
import { recordReachability } from '../../src/consent/reachability.store.ts';
import { buildCustomer, buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, type E2eServer, logIn, openTestPage, startE2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

/**
 * The profile's contactability: the channel × purpose grid with its reasons, recording consent,
 * the history, and the contact-method switches. Runs on the real clock, so nothing here depends
 * on quiet hours: e-mail has none, and phone channels are only checked for what holds at any hour.
 */
describe.skipIf(skipReason !== undefined)('contact permissions in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let customer: Customer;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    const store = await buildStore(k, { code: 'CCC', name: 'Charlie Cars', timeZone: 'America/Regina' });
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mina@example.test', name: 'Mina Manager' });
    await buildUser(k, { role: 'agent', storeIds: [store.id], email: 'andy@example.test', name: 'Andy Agent' });
    customer = await buildCustomer(k, store.id, {
      first_name: 'Colette',
      last_name: 'Roy',
      email: 'colette@example.test',
      cell_phone: '+13065550177',
      home_phone: '+13065550166',
      address_line1: '12 Albert St',
      city: 'Regina',
      region: 'SK',
      postal_code: 'S4R 2N4',
      country: 'CA',
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const decision = (page: Page, channel: string, purpose: string) => page.getByTestId(`decision-${channel}-${purpose}`);
  const statusOf = (badge: Locator) => badge.getAttribute('data-status');

  async function openProfile(page: Page, email: string) {
    await page.goto(`${base}/customers/${customer.id}`);
    await page.waitForURL(/\/login$/);
    await logIn(page, email, TEST_PASSWORD);
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
    await page.getByRole('heading', { level: 1, name: 'Colette Roy' }).waitFor();
    await page.getByRole('table', { name: 'Contact permissions by channel' }).waitFor();
  }

  it('shows why contact is blocked, records consent, lists who did it, and follows the contact switches', async ({
    onTestFailed,
  }) => {
    const page = await openTestPage(browser, onTestFailed, 'consent');
    await openProfile(page, 'mina@example.test');
    const panel = page.getByRole('region', { name: 'Contact permissions' });

    // Nothing recorded: marketing is blocked on every channel, with the reason in the DOM and a tooltip.
    const smsMarketing = decision(page, 'sms', 'marketing');
    expect(await statusOf(smsMarketing)).toBe('blocked');
    expect(await smsMarketing.textContent()).toContain('no recorded sms marketing consent');
    await smsMarketing.hover();
    await page.getByRole('tooltip').filter({ hasText: 'no recorded sms marketing consent' }).waitFor();
    expect(await statusOf(decision(page, 'email', 'marketing'))).toBe('blocked');
    expect(await statusOf(decision(page, 'email', 'service'))).toBe('allowed');
    expect(await page.getByTestId('consent-email-marketing').textContent()).toBe('Unknown');
    await panel.getByText('No consent has been recorded for this customer.').waitFor();

    // Record express e-mail and SMS marketing consent as the manager.
    for (const [channel, wording] of [
      ['E-mail', 'May we e-mail you offers? Yes'],
      ['Text (SMS)', 'May we text you offers? Yes'],
    ] as const) {
      await panel.getByRole('button', { name: 'Change consent' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change consent' });
      await dialog.getByLabel('Channel').selectOption({ label: channel });
      await dialog.getByText('Marketing', { exact: true }).click();
      await dialog.getByText('Grant', { exact: true }).click();
      // A grant needs its basis.
      await dialog.getByRole('button', { name: 'Record grant' }).click();
      await dialog.getByText('Choose the legal basis of the grant.').waitFor();
      await dialog.getByLabel('Legal basis').selectOption('express');
      await dialog.getByLabel('Wording shown to the customer').fill(wording);
      await dialog.getByRole('button', { name: 'Record grant' }).click();
      await dialog.waitFor({ state: 'detached' });
    }

    await expect.poll(() => statusOf(decision(page, 'email', 'marketing'))).toBe('allowed');
    expect(await page.getByTestId('consent-email-marketing').textContent()).toBe('Granted (express)');
    expect(await page.getByTestId('consent-sms-marketing').textContent()).toBe('Granted (express)');
    // Allowed now, or deferred by quiet hours alone: either way consent no longer blocks it.
    await expect.poll(() => statusOf(smsMarketing)).not.toBe('blocked');
    expect(await smsMarketing.textContent()).not.toContain('marketing consent');

    // The history says who changed what, newest first.
    const history = page.getByRole('table', { name: 'Consent history' });
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const newest = (await rows.nth(0).innerText()).replace(/\s+/g, ' ');
    for (const expected of ['Text (SMS)', 'Marketing', 'Granted', 'express', 'User', 'Mina Manager']) {
      expect(newest).toContain(expected);
    }
    expect(newest).toContain('May we text you offers? Yes');
    expect((await rows.nth(1).innerText()).replace(/\s+/g, ' ')).toContain('E-mail');

    // Turning the e-mail method off blocks e-mail, for service too, and shows the info icon.
    const card = page.getByRole('region', { name: 'Customer information' });
    expect(await card.getByTestId('methods-off-info').count()).toBe(0);
    await card.getByRole('button', { name: 'E-mail contact on' }).click();
    await card.getByRole('button', { name: 'E-mail contact off' }).waitFor();
    await card.getByRole('img', { name: 'Turned off for contact: E-mail' }).waitFor();
    await expect.poll(() => statusOf(decision(page, 'email', 'marketing'))).toBe('blocked');
    expect(await decision(page, 'email', 'marketing').textContent()).toContain('E-mail is turned off for contact');
    expect(await statusOf(decision(page, 'email', 'service'))).toBe('blocked');

    // Turning it back on asks first.
    await card.getByRole('button', { name: 'E-mail contact off' }).click();
    const confirm = page.getByRole('dialog', { name: 'Turn e-mail contact on?' });
    await confirm.getByRole('button', { name: 'Turn on' }).click();
    await card.getByRole('button', { name: 'E-mail contact on' }).waitFor();
    await expect.poll(() => statusOf(decision(page, 'email', 'marketing'))).toBe('allowed');
    expect(await card.getByTestId('methods-off-info').count()).toBe(0);

    // The preferred method (yellow star) and Do Not Mail.
    expect(await card.getByRole('img', { name: 'Preferred Method of Contact' }).count()).toBe(0);
    await card.getByRole('button', { name: /Contact settings/ }).click();
    await page.getByRole('menuitem', { name: 'E-mail' }).click();
    await page.getByTestId('contact-email').getByRole('img', { name: 'Preferred Method of Contact' }).waitFor();
    await card.getByRole('button', { name: /Contact settings/ }).click();
    await page.getByRole('menuitem', { name: 'Set Do Not Mail' }).click();
    await card.getByText('Do Not Mail', { exact: true }).waitFor();
    await expect.poll(() => statusOf(decision(page, 'letter', 'service'))).toBe('blocked');
    expect(await decision(page, 'letter', 'service').textContent()).toContain('Do Not Mail is set');

    // Everything survives a reload.
    await page.reload();
    await page.getByRole('button', { name: 'E-mail contact on' }).waitFor();
    await page.getByTestId('contact-email').getByRole('img', { name: 'Preferred Method of Contact' }).waitFor();
    await expect.poll(() => statusOf(decision(page, 'email', 'marketing'))).toBe('allowed');

    // A CASL opt-out blocks marketing e-mail but not service e-mail.
    await card.getByRole('button', { name: /Contact settings/ }).click();
    await page.getByRole('menuitem', { name: 'Set CASL opt-out' }).click();
    await card.getByText('CASL opt-out').waitFor();
    await expect.poll(() => statusOf(decision(page, 'email', 'marketing'))).toBe('blocked');
    expect(await decision(page, 'email', 'marketing').textContent()).toContain('opted out of e-mail under CASL');
    expect(await statusOf(decision(page, 'email', 'service'))).toBe('allowed');
    await page.context().close();
  });

  it('lets an agent withdraw consent but shows why a grant is refused', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'consent-agent');
    await openProfile(page, 'andy@example.test');
    const panel = page.getByRole('region', { name: 'Contact permissions' });

    await panel.getByRole('button', { name: 'Change consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change consent' });
    await dialog.getByLabel('Channel').selectOption({ label: 'Letter' });
    await dialog.getByText('Grant', { exact: true }).click();
    await dialog.getByText('Only managers and administrators can record a grant.').waitFor();
    await dialog.getByLabel('Legal basis').selectOption('express');
    await dialog.getByRole('button', { name: 'Record grant' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Only a manager or an administrator can record a consent' })
      .waitFor();

    await dialog.getByText('Withdraw', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Record withdrawal' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('consent-letter-marketing').textContent()).toBe('Withdrawn');
    const newest = page.getByRole('table', { name: 'Consent history' }).locator('tbody tr').first();
    await expect.poll(async () => (await newest.innerText()).replace(/\s+/g, ' ')).toContain('Andy Agent');
    await expect.poll(() => decision(page, 'letter', 'marketing').textContent()).toContain('consent was withdrawn');
    await page.context().close();
  });

  it('shows a recently bounced e-mail in red until someone verifies it', async ({ onTestFailed }) => {
    const store = await db.kysely
      .selectFrom('stores')
      .selectAll()
      .where('id', '=', customer.store_id)
      .executeTakeFirstOrThrow();
    const yesterday = new Date(Date.now() - 86_400_000);
    await recordReachability(db.kysely, store, [
      { address: 'colette@example.test', line: 'email', outcome: 'bounce', source: 'email', occurred_at: yesterday },
    ]);
    const page = await openTestPage(browser, onTestFailed, 'consent-bounce');
    await openProfile(page, 'mina@example.test');
    const email = page.getByTestId('contact-email').getByRole('link', { name: 'colette@example.test' });
    await expect.poll(() => email.getAttribute('data-bounced')).toBe('true');
    await page.getByRole('button', { name: 'Verified' }).click();
    await expect.poll(() => email.getAttribute('data-bounced')).toBeNull();
    await page.context().close();
  });
});
