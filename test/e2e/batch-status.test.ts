import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { Customer, OutboxStatus, Store } from '../../src/db/schema.ts';
import { insertMessages } from '../../src/delivery/outbox.store.ts';
import { ensureContactDefaults } from '../../src/campaigns/contact-types.store.ts';
import { ensureDefaultTemplates } from '../../src/templates/templates.store.ts';
import { buildCustomer, buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { outboxMessage } from '../support/outbox.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('batch-status');
const ZONE = 'America/Halifax';
/** A store-local day `n` days before today, and noon of it as an instant. */
const day = (n: number) => DateTime.now().setZone(ZONE).startOf('day').minus({ days: n });
const iso = (n: number) => day(n).toISODate() ?? '';

/**
 * Batch Contact Status: a schedule with two runs (five days ago and two days ago) with a mix of
 * statuses and a held-out control group; the screen narrows by date range and status, the chart's
 * legend toggles a status, a double-click opens the customer, and the ROI tab credits a repair order.
 */
describe.skipIf(skipReason !== undefined)('batch contact status in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let scheduleId: number;
  const people: Record<string, Customer> = {};

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, { code: 'ELM', name: 'Elm Street Auto', timeZone: ZONE });
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mona@example.test', name: 'Mona Manager' });
    await ensureDefaultTemplates(k, store.id);
    await ensureContactDefaults(k, store.id);
    const template = await k
      .selectFrom('templates')
      .select('id')
      .where('store_id', '=', store.id)
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const recycle = await k
      .selectFrom('recycle_codes')
      .select('id')
      .where('store_id', '=', store.id)
      .executeTakeFirstOrThrow();
    const query = await k
      .insertInto('saved_queries')
      .values({ store_id: store.id, name: 'Everyone', filter: JSON.stringify({ op: 'and', rules: [] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    scheduleId = (
      await k
        .insertInto('batch_schedules')
        .values({
          store_id: store.id,
          name: 'Oil change reminders',
          channel: 'email',
          kind: 'fetch',
          saved_query_id: query.id,
          recycle_code_id: recycle.id,
          template_id: template.id,
          daily_limit: 10,
          holdout_percent: 20,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const [first, last] of [
      ['Gabrielle', 'Roy'],
      ['Marc', 'Tremblay'],
      ['Nina', 'Low'],
      ['Theo', 'Grant'],
      ['Ida', 'Moss'],
      ['Omar', 'Haddad'],
      ['Lea', 'Fortin'],
    ] as const) {
      people[first] = await buildCustomer(k, store.id, { first_name: first, last_name: last });
    }
    const p = (name: string) => people[name] as Customer;

    const run = async (daysAgo: number, took: [Customer, OutboxStatus | 'held_out'][]) => {
      const at = day(daysAgo).set({ hour: 9, minute: 30 }).toJSDate();
      const r = await k
        .insertInto('batch_runs')
        .values({
          store_id: store.id,
          schedule_id: scheduleId,
          run_date: iso(daysAgo),
          status: 'done',
          as_of: at,
          started_at: at,
          finished_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [c, status] of took) {
        let messageId: number | null = null;
        if (status !== 'held_out') {
          const { created } = await insertMessages(k, [outboxMessage(c, at, { sourceKind: 'batch' })], at);
          messageId = created[0]?.id ?? null;
          if (messageId !== null)
            await k.updateTable('outbox_messages').set({ status }).where('id', '=', messageId).execute();
        }
        await k
          .insertInto('batch_contacts')
          .values({
            run_id: r.id,
            schedule_id: scheduleId,
            store_id: store.id,
            customer_id: c.id,
            channel: 'email',
            holdout: status === 'held_out',
            message_id: messageId,
            contacted_at: at,
          })
          .execute();
      }
    };
    await run(5, [
      [p('Gabrielle'), 'delivered'],
      [p('Marc'), 'bounced'],
      [p('Nina'), 'held_out'],
      [p('Theo'), 'delivered'],
    ]);
    await run(2, [
      [p('Ida'), 'delivered'],
      [p('Omar'), 'held_out'],
      [p('Lea'), 'sent'],
    ]);
    // Gabrielle came in for service three days after her e-mail; Omar, never messaged, came too.
    const visit = (c: Customer, daysAgo: number, labour: number, parts: number) =>
      k
        .insertInto('visits')
        .values({
          store_id: store.id,
          customer_id: c.id,
          ro_number: `RO-${c.id}`,
          visit_date: iso(daysAgo),
          department: 'service',
          labour_total: labour,
          parts_total: parts,
        })
        .execute();
    await visit(p('Gabrielle'), 2, 240, 120.5);
    await visit(p('Omar'), 1, 90, 0);
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

  const grid = (page: Page) => page.getByRole('table', { name: 'Batch contacts' });
  const rowCount = (page: Page) => grid(page).getByRole('row').count();

  it('narrows by days and statuses, toggles from the legend, opens a customer, and shows the ROI', async ({
    onTestFailed,
  }) => {
    const page = await openTestPage(browser, onTestFailed, 'batch-status');
    await logInAt(page, 'mona@example.test');
    await page.goto(`${base}/batches/${scheduleId}/status`);
    await page.getByRole('heading', { name: 'Batch Contact Status: Oil change reminders' }).waitFor();

    // The last 30 days: both runs, seven customers (plus the header row).
    await expect.poll(() => rowCount(page)).toBe(8);
    const firstRow = grid(page).getByRole('row').nth(1);
    expect(await firstRow.textContent()).toContain('Elm Street Auto');
    await page.getByTestId('status-chart').waitFor();
    await shot(page, 'all');

    // Only the second run's day.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(iso(3));
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(iso(0));
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rowCount(page)).toBe(4);
    // Back to both runs.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(iso(7));
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rowCount(page)).toBe(8);

    // Grey check on "Held out": the control group leaves the grid.
    const heldOut = page.getByTestId('status-filter-held_out');
    await heldOut.click();
    expect(await heldOut.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => rowCount(page)).toBe(6);
    expect(await grid(page).textContent()).not.toContain('Omar Haddad');

    // The legend's "Delivered" entry switches delivered off too (the chips follow).
    await page.getByTestId('legend-delivered').click();
    await expect.poll(() => rowCount(page)).toBe(3);
    expect(await page.getByTestId('status-filter-delivered').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('status-chart').locator('rect[data-status="delivered"]').count()).toBe(0);
    expect(await page.getByTestId('status-chart').locator('rect[data-status="bounced"]').count()).toBe(1);
    await shot(page, 'filtered');
    await page.getByTestId('legend-delivered').click();
    await expect.poll(() => rowCount(page)).toBe(6);

    // ROI: Gabrielle's repair order, against Omar's in the control group.
    await page.getByRole('tab', { name: 'ROI' }).click();
    await page.getByTestId('roi-panel').waitFor();
    expect(await page.getByTestId('roi-responded').textContent()).toMatch(/Responded1/);
    expect(await page.getByTestId('roi-responded').textContent()).toContain('20 %');
    expect(await page.getByTestId('roi-revenue').textContent()).toContain('$360.50');
    expect(await page.getByTestId('roi-sent').textContent()).toMatch(/Sent5of 5 contacted/);
    expect(await page.getByTestId('roi-bounced').textContent()).toMatch(/Bounced1/);
    const control = await page.getByTestId('roi-control').textContent();
    expect(control).toContain('50 %');
    expect(await page.getByTestId('roi-lift').textContent()).toContain('−30 pts');
    await shot(page, 'roi');

    // Double-click a row: the customer's profile.
    await page.getByRole('tab', { name: 'Status' }).click();
    await grid(page).getByRole('row').filter({ hasText: 'Gabrielle Roy' }).dblclick();
    await page.waitForURL(new RegExp(`/customers/${people.Gabrielle?.id}$`));
    await page
      .getByRole('heading', { name: /Gabrielle Roy/ })
      .first()
      .waitFor();
    await shot(page, 'profile');
  });
});
