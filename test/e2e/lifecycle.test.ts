import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Customer, Store } from '../../src/db/schema.ts';
import { ensureDefaultTemplates } from '../../src/templates/templates.store.ts';
import { buildCustomer, buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('lifecycle');
const ZONE = 'America/Halifax';

/** A store-local calendar day, `offset` days from today by the real clock (the e2e server's clock). */
function localDay(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: ZONE,
  }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/**
 * 360° Customer Contact: a manager ticks 360° Email on a store without an owner name and sees
 * "Business Owner is missing" on that field (the General tab opens); fills in the owner and the
 * feedback link and saves (on); previews today's run (the customer serviced yesterday gets Thank
 * You, "send by e-mail"); runs it now; Show Statistics lists 1 Thank You e-mail today, and
 * clicking it lists the customer with a link to the profile.
 */
describe.skipIf(skipReason !== undefined)('360° Customer Contact in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let customer: Customer;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, {
      code: 'ELM',
      name: 'Elm Street Auto',
      timeZone: ZONE,
      phone: '+19025550100',
      email: 'service@elm.test',
      ownerName: null,
      feedbackUrl: null,
    });
    await ensureDefaultTemplates(k, store.id);
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mona@example.test', name: 'Mona Manager' });
    customer = await buildCustomer(k, store.id, { first_name: 'Tess', last_name: 'Thanks', name: null });
    await k
      .insertInto('visits')
      .values({
        store_id: store.id,
        customer_id: customer.id,
        ro_number: 'RO-360-1',
        visit_date: localDay(-1),
        department: 'service',
      })
      .execute();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /** An input's wrapper (label, description, error) found by the input's accessible name. */
  const fieldOf = (page: Page, name: string) =>
    page.locator('.mantine-InputWrapper-root').filter({ has: page.getByRole('textbox', { name, exact: true }) });

  it('switches on after filling the signature, previews, runs and shows the statistics', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'lifecycle');
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'mona@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '360° Customer Contact' }).click();
    await page.waitForURL(/\/lifecycle$/);
    await page.getByRole('heading', { name: '360° Customer Contact', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: '360° Customer Contact set-up' });
    expect(await form.getByRole('textbox', { name: 'Business Name', exact: true }).inputValue()).toBe(
      'Elm Street Auto',
    );
    await shot(page, 'general');

    // Tick 360° Email without an owner: refused, each problem on its field, the General tab opened.
    await page.getByRole('tab', { name: /Intervals & switches/ }).click();
    const off = form.getByRole('checkbox', { name: 'Off', exact: true });
    expect(await off.isChecked()).toBe(true);
    await form
      .getByTestId('inactive-series')
      .getByText(/sent 180, 270, 360 and 450 days after the last service/)
      .waitFor();
    await form.getByRole('checkbox', { name: '360° Email' }).check();
    expect(await off.isChecked()).toBe(false);
    await shot(page, 'switches');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('tab', { name: /General/, selected: true }).waitFor();
    const owner = fieldOf(page, 'Business Owner');
    await owner.getByText(/Business Owner is missing/).waitFor();
    expect(await owner.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await fieldOf(page, 'Feedback')
      .getByText(/Feedback is missing/)
      .waitFor();
    await form.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await shot(page, 'refused');
    const before = await db.kysely.selectFrom('lifecycle_settings').select('email_on').execute();
    expect(before.every((r) => !r.email_on)).toBe(true);

    // Fill in the owner and the feedback link, save: on.
    await owner.getByRole('textbox').fill('Jean Gagnon');
    await fieldOf(page, 'Feedback').getByRole('textbox').fill('mailto:owner@elm.test');
    expect(await owner.getByRole('textbox').getAttribute('aria-invalid')).not.toBe('true');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('notifications').getByText('360° Customer Contact saved').waitFor();
    await form.getByTestId('unsaved').waitFor({ state: 'detached' });
    const settings = await db.kysely
      .selectFrom('lifecycle_settings')
      .selectAll()
      .where('store_id', '=', store.id)
      .executeTakeFirstOrThrow();
    expect([settings.email_on, settings.postcards_on]).toEqual([true, false]);
    const row = await db.kysely.selectFrom('stores').selectAll().where('id', '=', store.id).executeTakeFirstOrThrow();
    expect([row.owner_name, row.feedback_url]).toEqual(['Jean Gagnon', 'mailto:owner@elm.test']);
    await page.getByRole('tab', { name: /Intervals & switches/ }).click();
    expect(await form.getByRole('checkbox', { name: '360° Email' }).isChecked()).toBe(true);

    // Preview today's run: Tess Thanks gets Thank You by e-mail.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Preview today’s run' }).click();
    const decision = page.getByRole('table', { name: 'Decisions' }).getByRole('row').filter({ hasText: 'Tess Thanks' });
    await decision.getByText('send by e-mail').waitFor();
    await decision.getByText('Thank You').waitFor();
    expect(await decision.getByRole('link', { name: 'Tess Thanks' }).getAttribute('href')).toBe(
      `/customers/${customer.id}`,
    );
    await page.getByRole('table', { name: 'Due per step' }).getByRole('row').filter({ hasText: 'Thank You' }).waitFor();
    await shot(page, 'preview');

    // Run now, confirmed.
    await page.getByRole('button', { name: 'Run now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run 360° Customer Contact now?' });
    await dialog.getByRole('button', { name: 'Run now' }).click();
    await page.getByTestId('notifications').getByText('Run done').waitFor();
    await page.getByTestId('run-result').getByText('1 message queued, 0 skipped.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await shot(page, 'run');

    // Show Statistics: 1 Thank You e-mail today; clicking it lists Tess.
    await page.getByTestId('run-result').getByRole('button', { name: 'Show Statistics' }).click();
    await page.getByRole('tab', { name: 'Statistics', selected: true }).waitFor();
    const grid = page.getByRole('table', { name: 'Messages per day and step' });
    const cell = grid.getByRole('button', { name: /^Thank You on / });
    await cell.getByText('1 e-mail', { exact: true }).waitFor();
    expect(await grid.getByRole('button').count()).toBe(1);
    await page.getByRole('table', { name: 'Recent runs' }).getByText('Done').waitFor();
    await cell.click();
    const messages = page.getByRole('table', { name: 'Day’s messages' });
    const listed = messages.getByRole('row').filter({ hasText: 'Tess Thanks' });
    await listed.getByTestId('message-status').waitFor();
    expect(await listed.getByRole('link', { name: 'Tess Thanks' }).getAttribute('href')).toBe(
      `/customers/${customer.id}`,
    );
    await shot(page, 'statistics');
    const today = localDay(0);
    const out = await db.kysely
      .selectFrom('lifecycle_runs')
      .select(['run_date', 'status'])
      .where('store_id', '=', store.id)
      .execute();
    expect(out.map((r) => [String(r.run_date).slice(0, 10), r.status])).toEqual([[today, 'done']]);
    await page.context().close();
  });

  it('lets an agent look and preview, not change or run', async ({ onTestFailed }) => {
    await buildUser(db.kysely, { role: 'agent', storeIds: [store.id], email: 'abe@example.test', name: 'Abe Agent' });
    const page = await openTestPage(browser, onTestFailed, 'lifecycle-agent');
    await page.goto(`${base}/lifecycle`);
    await page.waitForURL(/\/login/);
    await logIn(page, 'abe@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/lifecycle$/);
    await page
      .getByRole('status')
      .getByText(/Only managers and administrators can change or run/)
      .waitFor();
    const form = page.getByRole('form', { name: '360° Customer Contact set-up' });
    const owner = form.getByRole('textbox', { name: 'Business Owner', exact: true });
    await expect.poll(() => owner.inputValue()).toBe('Jean Gagnon');
    expect(await owner.isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Preview' }).click();
    expect(await page.getByRole('button', { name: 'Run now' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Preview today’s run' }).click();
    await page
      .getByRole('table', { name: 'Decisions' })
      .getByRole('row')
      .filter({ hasText: 'Tess Thanks' })
      .getByText('already sent')
      .waitFor();
    await shot(page, 'agent');
    await page.context().close();
  });
});
