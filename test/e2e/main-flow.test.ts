import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Customer } from '../../src/db/schema.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, openTestPage, type E2eServer, startE2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

interface World {
  margaret: Customer;
  albert: Customer;
}

/** Two stores; Margaret (store B) has everything the profile shows, Albert (store A) shares her surname. */
async function seed(db: Db): Promise<World> {
  const k = db.kysely;
  const storeA = await buildStore(k, { code: 'AAA', name: 'Alpha Motors', timeZone: 'America/Toronto' });
  const storeB = await buildStore(k, { code: 'BBB', name: 'Bravo Auto', timeZone: 'America/Regina' });
  await buildUser(k, {
    role: 'manager',
    storeIds: [storeA.id, storeB.id],
    email: 'bea@example.test',
    name: 'Bea Manager',
  });
  await buildUser(k, { role: 'agent', storeIds: [storeA.id], email: 'alex@example.test', name: 'Alex Agent' });

  const albert = await buildCustomer(k, storeA.id, {
    first_name: 'Albert',
    last_name: 'Thibodeau',
    cell_phone: '+13065550199',
  });
  const margaret = await buildCustomer(k, storeB.id, {
    dms_customer_number: '40517',
    first_name: 'Margaret',
    last_name: 'Thibodeau',
    contact_name: 'Luc Thibodeau',
    mailing_name: 'Margaret Thibodeau',
    address_to: 'Mrs. M. Thibodeau',
    date_of_birth: '1970-04-12',
    address_line1: '2100 Victoria Ave',
    address_line2: 'Unit 4',
    city: 'Regina',
    region: 'SK',
    postal_code: 'S4P 3Y2',
    country: 'CA',
    home_phone: '+13065550111',
    work_phone: '+13065550122',
    cell_phone: '+13065550133',
    email: 'margaret@example.test',
    language: 'fr',
    day_preference: 'late_day',
    likely_to_buy: 3,
    star_rating: 8,
    preferred_contact_method: 'cell_phone',
    inquired: true,
    eservice_user: true,
  });
  const rav4 = await buildVehicle(k, margaret, {
    year: 2021,
    make: 'Toyota',
    model: 'RAV4',
    plate: 'FCRT01',
    odometer: 48210,
  });
  await buildVehicle(k, margaret, {
    year: 2015,
    make: 'Honda',
    model: 'Fit',
    plate: 'OLD015',
    contact_off: true,
    contact_off_reason: 'body_shop',
  });
  const sam = await k
    .insertInto('salespeople')
    .values({ store_id: storeB.id, name: 'Sam Seller' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('deals')
    .values({
      store_id: storeB.id,
      customer_id: margaret.id,
      vehicle_id: rav4.id,
      deal_number: 'D-7781',
      sold_on: '2021-05-03',
      salesperson_id: sam.id,
      sale_type: 'new',
    })
    .execute();
  await k
    .insertInto('visits')
    .values({
      store_id: storeB.id,
      customer_id: margaret.id,
      vehicle_id: rav4.id,
      ro_number: 'RO-55120',
      visit_date: '2026-03-14',
      department: 'service',
      odometer: 48210,
      labour_total: 189.5,
      parts_total: 92.25,
      description: 'Oil change and inspection',
      deferred_items: ['Replace front brake pads', 'Wiper blades'],
    })
    .execute();
  await k
    .insertInto('appointments')
    .values({
      store_id: storeB.id,
      customer_id: margaret.id,
      vehicle_id: rav4.id,
      dms_appointment_number: 'A-901',
      scheduled_at: new Date('2026-12-01T17:30:00Z'),
      status: 'scheduled',
      notes: 'Winter tires',
    })
    .execute();
  return { margaret, albert };
}

describe.skipIf(skipReason !== undefined)('web app in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let world: World;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    world = await seed(db);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const openPage = (onTestFailed: (fn: () => Promise<void>) => void, name: string) =>
    openTestPage(browser, onTestFailed, name);

  async function logIn(page: Page, email: string, password = TEST_PASSWORD) {
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('logs in, finds a customer, shows and verifies the profile, survives a reload, logs out', async ({
    onTestFailed,
  }) => {
    const page = await openPage(onTestFailed, 'main-flow');
    const { margaret } = world;

    // A deep link while logged out goes to the login page and comes back afterwards.
    await page.goto(`${base}/customers?q=Thibodeau`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'bea@example.test', 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The e-mail or password is not correct.');
    await logIn(page, 'bea@example.test');
    await page.waitForURL(/\/customers\?q=Thibodeau$/);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('Bea Manager');

    // The first store is chosen by default: only its Thibodeau shows.
    const results = page.getByRole('table', { name: 'Customers' });
    await results.getByText('Albert Thibodeau').waitFor();
    expect(await results.getByText('Margaret Thibodeau').count()).toBe(0);

    // Switch to Bravo Auto: the search follows the store.
    await page.getByRole('combobox', { name: 'Store' }).click();
    await page.getByRole('option', { name: 'Bravo Auto (BBB)' }).click();
    await results.getByText('Margaret Thibodeau').waitFor();
    expect(await results.getByText('Albert Thibodeau').count()).toBe(0);

    // Search by name, then by phone as an agent would type it.
    const search = page.getByLabel('Search customers');
    await search.fill('margaret thib');
    await results.getByText('Margaret Thibodeau').waitFor();
    await search.fill('306 555 0133');
    await page.waitForURL(/q=306/);
    await results.getByText('(306) 555-0133').waitFor();
    await search.fill('zzqx nobody');
    await page.getByText('No customers match “zzqx nobody” in Bravo Auto.').waitFor();
    await search.fill('306-555-0133');
    const row = results.getByRole('row').filter({ hasText: 'Margaret Thibodeau' });
    await row.getByText('Regina').click();
    await page.waitForURL(new RegExp(`/customers/${margaret.id}$`));

    // The customer-information card.
    const card = page.getByRole('region', { name: 'Customer information' });
    await card.getByRole('heading', { level: 1, name: 'Margaret Thibodeau' }).waitFor();
    const cardText = (await card.innerText()).replace(/\s+/g, ' ');
    for (const expected of [
      'Contact: Luc Thibodeau',
      '40517',
      'Apr 12, 1970',
      'Mrs. M. Thibodeau',
      '2100 Victoria Ave',
      'Regina, SK',
      '(306) 555-0111',
      '(306) 555-0122',
      '(306) 555-0133',
      'margaret@example.test',
      'Sam Seller',
      'from last sold deal, since May 3, 2021',
      'FR',
      'INQ',
      'eService',
      '★ 8/10',
      '$189.50',
      'Last verified: never',
    ]) {
      expect(cardText).toContain(expected);
    }
    const star = card.getByRole('img', { name: 'Preferred Method of Contact' });
    expect(await star.count()).toBe(1);
    await page.getByTestId('contact-cell_phone').getByRole('img', { name: 'Preferred Method of Contact' }).waitFor();
    await card.getByRole('img', { name: 'Likely To Buy Level 3' }).waitFor();
    await card.getByRole('img', { name: 'Prefers late-day contact' }).waitFor();

    // Vehicles, visits with deferred work, appointments in the store's zone.
    const vehicles = page.getByRole('table', { name: 'Vehicles' });
    await vehicles.getByText('2021 Toyota RAV4').waitFor();
    await vehicles.getByText('FCRT01').waitFor();
    await vehicles.getByText('Off for contact (body shop)').waitFor();
    await page.getByRole('tab', { name: /Service visits/ }).click();
    const deferred = page.getByRole('list', { name: 'Deferred items on RO RO-55120' });
    await deferred.getByText('Replace front brake pads').waitFor();
    await deferred.getByText('Wiper blades').waitFor();
    await page.getByRole('tab', { name: /Appointments/ }).click();
    const appointment = page.getByRole('table', { name: 'Appointments' }).getByRole('row').filter({ hasText: 'A-901' });
    const appointmentText = await appointment.innerText();
    expect(appointmentText).toContain('Dec 1, 2026');
    expect(appointmentText).toMatch(/11:30\s?a\.m\. CST/);
    expect(appointmentText).toContain('Scheduled');
    await page.getByRole('tab', { name: /Deals/ }).click();
    await page.getByRole('table', { name: 'Deals' }).getByText('D-7781').waitFor();

    // Verified: the date updates at once, with a notification.
    await page.getByRole('button', { name: 'Verified' }).click();
    await page.getByText('Contact information marked as verified.').waitFor();
    await expect.poll(() => page.getByTestId('last-verified').innerText()).toBe('Last verified: today');

    // A reload keeps the session, the store and the verification.
    await page.reload();
    await card.getByRole('heading', { level: 1, name: 'Margaret Thibodeau' }).waitFor();
    await expect.poll(() => page.getByTestId('last-verified').innerText()).toBe('Last verified: today');
    expect(await page.getByRole('combobox', { name: 'Store' }).inputValue()).toBe('Bravo Auto (BBB)');

    // Unknown routes get the 404 page inside the app.
    await page.goto(`${base}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    // Log out: the session is gone on the server too.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    expect(await page.evaluate(() => JSON.stringify(window.history.state?.usr ?? null))).toBe('null');
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await page.context().close();
  });

  it("shows 'not found' to a user of store A who types the URL of a store B customer", async ({ onTestFailed }) => {
    const page = await openPage(onTestFailed, 'other-store');
    await page.goto(`${base}/customers/${world.margaret.id}`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'alex@example.test');
    await page.waitForURL(new RegExp(`/customers/${world.margaret.id}$`));
    await page.getByText('Customer not found').waitFor();
    expect(await page.getByText('Margaret Thibodeau').count()).toBe(0);
    // Their own store's customer opens normally.
    await page.goto(`${base}/customers/${world.albert.id}`);
    await page.getByRole('heading', { level: 1, name: 'Albert Thibodeau' }).waitFor();

    // A session that ends on the server (expired, revoked) sends the next API call's user to the
    // login page, and back to the same customer afterwards.
    await db.kysely.deleteFrom('sessions').execute();
    // The click makes the next API call; a background refetch may get there first on a slow
    // machine and move to the login page while the button is being clicked, which is the same outcome.
    await page
      .getByRole('button', { name: 'Verified' })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'alex@example.test');
    await page.waitForURL(new RegExp(`/customers/${world.albert.id}$`));
    await page.getByRole('heading', { level: 1, name: 'Albert Thibodeau' }).waitFor();
    await page.context().close();
  });
});
