import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContactDefaults } from '../../src/campaigns/contact-types.store.ts';
import type { Db } from '../../src/db/connect.ts';
import type { Customer, Store, User } from '../../src/db/schema.ts';
import { buildCustomer, buildStore, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('calls');

/**
 * The e2e server runs on the real clock, and calls and texts are only allowed in the customer's
 * calling hours (08:00–21:00 their time). So the store's zone is chosen from the current UTC hour
 * to put its local time near 12:00 (Etc/GMT-N is N hours east of UTC), and the customers' numbers
 * use the non-geographic area code 600, which names no zone: the store's zone applies to them.
 */
function noonZone(now: Date): string {
  const offset = 12 - now.getUTCHours();
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
const ZONE = noonZone(new Date());

/** A store-local calendar day, `offset` days from today by the real clock. */
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
 * The agents' day: an agent opens Call Select, picks Maintenance and works through three customers
 * from the keyboard (N, a digit for the result, L or Ctrl+Enter), each logged result bringing the
 * next customer, until nobody is left; the results are in the database and the productivity
 * report. Then a customer's text shows in Texts with one unread; the agent opens it and replies.
 */
describe.skipIf(skipReason !== undefined)('Call Select and texts in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let agent: User;
  const customers: Customer[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, { code: 'OAK', name: 'Oak Lane Motors', timeZone: ZONE, phone: '+16005550100' });
    await ensureContactDefaults(k, store.id);
    agent = await buildUser(k, { role: 'agent', storeIds: [store.id], email: 'ava@example.test', name: 'Ava Agent' });
    for (const [i, first] of ['Carl', 'Dina', 'Ezra'].entries()) {
      const c = await buildCustomer(k, store.id, {
        first_name: first,
        last_name: 'Due',
        name: null,
        region: null,
        cell_phone: `+1600555020${i}`,
        home_phone: null,
        work_phone: null,
      });
      customers.push(c);
      await k
        .insertInto('visits')
        .values({
          store_id: store.id,
          customer_id: c.id,
          ro_number: `RO-CALL-${i}`,
          visit_date: localDay(-200),
          department: 'service',
        })
        .execute();
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /** The key that picks a result: its place in the form's list, 1-based. */
  async function digitFor(page: Page, name: string): Promise<string> {
    const names = await page
      .getByRole('form', { name: 'Call result' })
      .getByRole('radio')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const i = names.indexOf(name);
    expect(i, `${name} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
    return String(i + 1);
  }

  const current = (page: Page) => page.getByTestId('call-customer');

  /** Waits for a customer other than `previous` and checks their tel: link. */
  async function nextCustomer(page: Page, previous: string | null): Promise<string> {
    await expect
      .poll(async () => (await current(page).count()) > 0 && (await current(page).innerText()) !== previous)
      .toBe(true);
    const name = await current(page).innerText();
    expect(await page.getByTestId('dial-link').getAttribute('href')).toMatch(/^tel:\+1600555020\d$/);
    await page
      .getByTestId('hold-left')
      .getByText(/Held for you: \d+:\d\d/)
      .waitFor();
    return name;
  }

  it('works through three customers from the keyboard', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'calls');
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'ava@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Call Select' }).click();
    await page.waitForURL(/\/calls$/);
    await page.getByRole('heading', { name: 'Call Select', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'List' }).click();
    await page.getByRole('option', { name: 'Maintenance', exact: true }).click();
    await page.getByTestId('list-summary').getByText('of 3 left to call today').waitFor();
    await shot(page, 'list');

    // First: N takes them; "No answer" by its digit, then L.
    await page.keyboard.press('n');
    const first = await nextCustomer(page, null);
    await page.getByRole('region', { name: 'Customer information' }).waitFor();
    await page.getByRole('region', { name: 'Contact permissions' }).waitFor();
    await page.getByRole('table', { name: 'Call results' }).or(page.getByText('No calls logged yet.')).waitFor();
    await shot(page, 'first');
    await page.keyboard.press(await digitFor(page, 'No answer'));
    expect(await page.getByRole('radio', { name: 'No answer' }).isChecked()).toBe(true);
    await page.keyboard.press('l');

    // Second, straight away: "appointment booked" with a time, logged with Ctrl+Enter.
    const second = await nextCustomer(page, first);
    await page.getByTestId('notifications').getByText(`${first}: No answer.`).waitFor();
    await page.keyboard.press(await digitFor(page, 'Spoke — appointment booked'));
    const when = page.getByRole('textbox', { name: 'Appointment', exact: true });
    await when.fill(`${localDay(3)}T10:30`);
    await shot(page, 'booked');
    await page.keyboard.press('Control+Enter');

    // Third: "Left a message" with a note; L once out of the note.
    const third = await nextCustomer(page, second);
    await page.keyboard.press(await digitFor(page, 'Left a message'));
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.fill('Left a voicemail about the oil change');
    await note.evaluate((e) => (e as HTMLElement).blur());
    await shot(page, 'third');
    await page.keyboard.press('l');

    // Nobody left.
    await page.getByTestId('list-done').waitFor();
    await page.keyboard.press('n');
    await page
      .getByTestId('list-done')
      .getByText(/Nobody left to call/)
      .waitFor();
    await page.getByTestId('list-summary').getByText('0 of 3 left to call today').waitFor();
    await shot(page, 'done');
    expect(new Set([first, second, third])).toEqual(new Set(['Carl Due', 'Dina Due', 'Ezra Due']));

    const rows = await db.kysely
      .selectFrom('call_results')
      .select(['customer_id', 'recycle_code_key', 'note', 'phone', 'appointment_id', 'productive'])
      .where('agent_user_id', '=', agent.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.recycle_code_key)).toEqual(['no_answer', 'spoke_booked', 'left_message']);
    expect(rows.filter((r) => r.appointment_id !== null)).toHaveLength(1);
    expect(rows[2]?.note).toBe('Left a voicemail about the oil change');
    expect(rows.every((r) => r.phone?.startsWith('+1600555020'))).toBe(true);
    const booked = await db.kysely
      .selectFrom('appointments')
      .select(['customer_id', 'scheduled_at'])
      .where('id', '=', rows[1]?.appointment_id ?? -1)
      .executeTakeFirstOrThrow();
    expect(booked.customer_id).toBe(rows[1]?.customer_id);
    const bookedLocal = new Intl.DateTimeFormat('en-CA', {
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
      timeZone: ZONE,
    }).format(new Date(booked.scheduled_at));
    expect(bookedLocal).toBe(`${localDay(3)}, 10:30`);

    // The productivity report counts them.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Productivity' }).click();
    await page.waitForURL(/\/productivity$/);
    const row = page
      .getByRole('table', { name: 'Productivity per agent and day' })
      .locator('tbody')
      .getByRole('row')
      .filter({ hasText: 'Ava Agent' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['3', '1']));
    await page.getByTestId('productivity-chart').waitFor();
    await shot(page, 'productivity');
    await page.context().close();
  });

  it('shows a customer’s text unread in Texts and answers it', async ({ onTestFailed }) => {
    const [carl] = customers;
    if (!carl) throw new Error('no customer');
    await db.kysely
      .insertInto('inbound_messages')
      .values({
        store_id: store.id,
        customer_id: carl.id,
        channel: 'sms',
        from_address: carl.cell_phone ?? '',
        to_address: '+16005550100',
        body: 'Can I move my appointment to Friday?',
        keyword: 'message',
        provider: 'twilio',
        received_at: new Date(),
      })
      .execute();
    const page = await openTestPage(browser, onTestFailed, 'inbox');
    await page.goto(`${base}/inbox`);
    await page.waitForURL(/\/login/);
    await logIn(page, 'ava@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('heading', { name: 'Texts', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByTestId('inbox-unread').getByText('1').waitFor();
    const thread = page.getByTestId(`thread-${carl.id}`);
    expect(await thread.getByTestId('unread').innerText()).toBe('1');
    await thread.getByText('Can I move my appointment to Friday?').waitFor();
    expect(await thread.getByTestId('assigned-to').innerText()).toBe('Unassigned');
    await shot(page, 'inbox');

    await thread.click();
    const view = page.getByRole('region', { name: 'Texts with Carl Due' });
    await view.getByTestId('bubble-in').getByText('Can I move my appointment to Friday?').waitFor();
    await thread.getByTestId('unread').waitFor({ state: 'detached' });
    await view.getByRole('textbox', { name: 'Reply' }).fill('Friday at 9 works, see you then!');
    await view.getByRole('button', { name: 'Send reply' }).click();
    await view.getByTestId('bubble-out').getByText('Friday at 9 works, see you then!').waitFor();
    await view
      .getByTestId('bubble-out')
      .getByText(/Ava Agent/)
      .waitFor();
    expect(await view.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('');
    await shot(page, 'replied');
    const sent = await db.kysely
      .selectFrom('outbox_messages')
      .select(['channel', 'body_text', 'user_id'])
      .where('customer_id', '=', carl.id)
      .execute();
    // The store's name goes first: texts say who sends them.
    expect(sent).toEqual([
      { channel: 'sms', body_text: 'Oak Lane Motors: Friday at 9 works, see you then!', user_id: agent.id },
    ]);
    await page.context().close();
  });
});
