import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Customer, Store } from '../../src/db/schema.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('queries');

/** 'YYYY-MM-DD' `days` days before today (far enough from 180 that the zone does not matter). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const EXPECTED_FILTER = {
  op: 'and',
  rules: [
    { field: 'vehicle.make', operator: 'is', value: 'Honda' },
    {
      op: 'or',
      rules: [
        { field: 'visit.last_service_date', operator: 'more_than_days_ago', value: 180 },
        { field: 'vehicle.odometer', operator: 'gt', value: 60000 },
      ],
    },
  ],
};

/**
 * The Fetch query builder: a manager builds "make is Honda AND (last service more than 180 days
 * ago OR odometer above 60,000)", sees the live count and sample, saves it, finds it in the list,
 * reopens it intact, and sees the server's problem with a bad value under that rule.
 */
describe.skipIf(skipReason !== undefined)('saved queries in Chromium', () => {
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
    const other = await buildStore(k, { code: 'OAK', name: 'Oak Motors' });
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mona@example.test', name: 'Mona Manager' });

    let ro = 0;
    const serviced = async (c: Customer, days: number) => {
      await k
        .insertInto('visits')
        .values({
          store_id: c.store_id,
          customer_id: c.id,
          ro_number: `RO-${++ro}`,
          visit_date: daysAgo(days),
          department: 'service',
        })
        .execute();
    };
    const customer = async (
      s: Store,
      first: string,
      last: string,
      city: string,
      car: { make: string; odometer: number | null },
      lastServiceDaysAgo: number | null,
    ) => {
      const c = await buildCustomer(k, s.id, { first_name: first, last_name: last, city });
      await buildVehicle(k, c, { make: car.make, model: 'Any', odometer: car.odometer });
      if (lastServiceDaysAgo !== null) await serviced(c, lastServiceDaysAgo);
      return c;
    };
    // Two match: a Honda with many kilometres, and a Honda not serviced for over a year.
    await customer(store, 'Gabrielle', 'Roy', 'Halifax', { make: 'Honda', odometer: 85_000 }, 30);
    await customer(store, 'Marc', 'Tremblay', 'Dartmouth', { make: 'honda', odometer: 20_000 }, 400);
    // These do not: a recently serviced low-mileage Honda, a Toyota, and a Honda of another store.
    await customer(store, 'Nina', 'Low', 'Bedford', { make: 'Honda', odometer: 20_000 }, 30);
    await customer(store, 'Theo', 'Toyota', 'Halifax', { make: 'Toyota', odometer: 150_000 }, 400);
    await customer(other, 'Olga', 'Elsewhere', 'Toronto', { make: 'Honda', odometer: 150_000 }, 400);
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

  /** Opens the select named `label` (the nth of them) and picks `option`. */
  async function pick(page: Page, label: string, nth: number, option: string) {
    await page.getByLabel(label, { exact: true }).nth(nth).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  const count = (page: Page) => page.getByTestId('match-count').textContent();

  it('builds, counts, saves, lists and reopens a query, and shows a bad value’s problem in place', async ({
    onTestFailed,
  }) => {
    const page = await openTestPage(browser, onTestFailed, 'queries');
    await logInAt(page, 'mona@example.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queries' }).click();
    await page.waitForURL(/\/queries$/);
    await page.getByText('Elm Street Auto has no saved queries yet.').waitFor();

    await page.getByRole('link', { name: 'New query' }).click();
    await page.waitForURL(/\/queries\/new$/);
    const form = page.getByRole('form', { name: 'Query' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Honda service due');
    await form.getByRole('textbox', { name: 'Description' }).fill('Hondas due for a visit or with high mileage');
    // With no finished rule, every customer of the store counts (the other store's do not).
    await expect.poll(() => count(page)).toBe('4');

    // make is Honda
    await pick(page, 'Field', 0, 'Make');
    expect(await page.getByLabel('Operator', { exact: true }).first().inputValue()).toBe('is');
    await page.getByLabel('Value', { exact: true }).first().fill('Honda');
    await expect.poll(() => count(page)).toBe('3');

    // AND (last service more than 180 days ago OR odometer above 60,000)
    const query = page.getByRole('group', { name: 'Query' });
    await query.getByRole('button', { name: 'Add group' }).last().click();
    const inner = page.getByRole('group', { name: 'Group' });
    expect(await inner.getByRole('radio', { name: 'OR' }).isChecked()).toBe(true);
    await pick(page, 'Field', 1, 'Last service visit');
    expect(await page.getByLabel('Operator', { exact: true }).nth(1).inputValue()).toBe('more than');
    await page.getByLabel('Value', { exact: true }).nth(1).fill('180');
    await expect.poll(() => count(page)).toBe('1');
    await inner.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => page.getByTestId('skipped-rules').textContent()).toMatch(/1 unfinished rule/);
    await pick(page, 'Field', 2, 'Odometer');
    await pick(page, 'Operator', 2, 'is more than');
    await page.getByLabel('Value', { exact: true }).nth(2).fill('60000');
    await expect.poll(() => count(page)).toBe('2');

    const sample = page.getByRole('table', { name: 'Sample customers' });
    await expect.poll(() => sample.getByRole('row').count()).toBe(3);
    const gabrielle = sample.getByRole('row').filter({ hasText: 'Gabrielle Roy' });
    await gabrielle.getByText('Halifax').waitFor();
    expect(await gabrielle.getByRole('link', { name: 'Gabrielle Roy' }).getAttribute('href')).toMatch(
      /^\/customers\/\d+$/,
    );
    await sample.getByRole('row').filter({ hasText: 'Marc Tremblay' }).getByText('Dartmouth').waitFor();
    await shot(page, 'builder');

    // Save.
    await form.getByRole('button', { name: 'Save query' }).click();
    await page.waitForURL(/\/queries\/\d+$/);
    await page.getByTestId('notifications').getByText('Query saved').waitFor();
    const saved = await db.kysely
      .selectFrom('saved_queries')
      .selectAll()
      .where('store_id', '=', store.id)
      .executeTakeFirstOrThrow();
    expect(saved.name).toBe('Honda service due');
    expect(saved.filter).toEqual(EXPECTED_FILTER);

    // In the list.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queries' }).click();
    await page.waitForURL(/\/queries$/);
    const row = page
      .getByRole('table', { name: 'Saved queries' })
      .getByRole('row')
      .filter({ hasText: 'Honda service due' });
    await row.getByText('Hondas due for a visit or with high mileage').waitFor();
    await shot(page, 'list');

    // Reopened with the tree intact.
    await row.getByRole('link', { name: 'Honda service due' }).click();
    await page.waitForURL(new RegExp(`/queries/${saved.id}$`));
    await page.getByTestId('query-title').getByText('Honda service due').waitFor();
    const values = async (label: string) =>
      Promise.all((await page.locator(`input[aria-label="${label}"]`).all()).map((l) => l.inputValue()));
    await expect.poll(() => values('Field')).toEqual(['Make', 'Last service visit', 'Odometer']);
    expect(await values('Operator')).toEqual(['is', 'more than', 'is more than']);
    expect(await values('Value')).toEqual(['Honda', '180', '60,000']);
    expect(await page.getByRole('group', { name: 'Group' }).getByRole('radio', { name: 'OR' }).isChecked()).toBe(true);
    await expect.poll(() => count(page)).toBe('2');

    // A value over the field's limit: the server's words under that rule, live and on save.
    await page.getByLabel('Value', { exact: true }).nth(2).fill('20000000');
    const odometerRule = page.getByTestId('rule').nth(2);
    await odometerRule
      .getByTestId('rule-problems')
      .getByText('vehicle.odometer needs a value between 0 and 10000000; got 20000000.')
      .waitFor();
    await page.getByTestId('results-alert').waitFor();
    expect(await page.getByTestId('rule').nth(0).getByTestId('rule-problems').count()).toBe(0);
    await shot(page, 'problem');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.getByTestId('save-failure').getByText('The query has problems, marked in the builder.').waitFor();
    const after = await db.kysely
      .selectFrom('saved_queries')
      .select('filter')
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(after.filter).toEqual(EXPECTED_FILTER);

    // Fixed, the problem goes and the count comes back.
    await page.getByLabel('Value', { exact: true }).nth(2).fill('60000');
    await odometerRule.getByTestId('rule-problems').waitFor({ state: 'detached' });
    await expect.poll(() => count(page)).toBe('2');

    // Archived from the list, after a confirmation; it is kept among the archived ones.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queries' }).click();
    await page.waitForURL(/\/queries$/);
    await page.getByRole('button', { name: 'Archive Honda service due' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive this query?' });
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Elm Street Auto has no saved queries yet.').waitFor();
    await page.getByRole('switch', { name: 'Show archived queries' }).click();
    await page.getByRole('button', { name: 'Restore Honda service due' }).waitFor();
    await page.context().close();
  });
});
