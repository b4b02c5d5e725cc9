import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContactDefaults } from '../../src/campaigns/contact-types.store.ts';
import type { Db } from '../../src/db/connect.ts';
import type { Store } from '../../src/db/schema.ts';
import { wavBytes } from '../support/audio.ts';
import { buildCustomer, buildStore, buildUser, buildVehicle, TEST_PASSWORD } from '../support/factories.ts';
import { chromiumSkipReason, logIn, openTestPage, screenshots, startE2eServer, type E2eServer } from './e2e.support.ts';

const skipReason = chromiumSkipReason();
if (skipReason) console.warn(skipReason);

const shot = screenshots('voice');

/**
 * Voice drops: before any recording, the Voice Drops "Add batch" form shows the set-up alert; a
 * manager follows it to Voice drop set-up, uploads a 10 s WAV (0:10, playable from the API), sees
 * a PDF refused with the server's reason, adds caller ID (416) 555-0100 (shown +1 416-555-0100),
 * then adds a Fetch Automation voice drop batch with the recording, caller ID and purpose Service
 * and finds it listed with the recording's name.
 */
describe.skipIf(skipReason !== undefined)('voice drops in Chromium', () => {
  let server: E2eServer | undefined;
  let db: Db;
  let browser: Browser;
  let base: string;
  let store: Store;
  let files: string;
  let queryId: number;

  beforeAll(async () => {
    server = await startE2eServer();
    ({ db, browser, base } = server);
    const k = db.kysely;
    store = await buildStore(k, { code: 'ELM', name: 'Elm Street Auto', timeZone: 'America/Halifax' });
    await ensureContactDefaults(k, store.id);
    await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mona@example.test', name: 'Mona Manager' });
    ({ id: queryId } = await k
      .insertInto('saved_queries')
      .values({
        store_id: store.id,
        name: 'Honda owners',
        filter: JSON.stringify({ op: 'and', rules: [{ field: 'vehicle.make', operator: 'is', value: 'Honda' }] }),
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    const c = await buildCustomer(k, store.id, { first_name: 'Ann', last_name: 'Honda' });
    await buildVehicle(k, c, { make: 'Honda' });
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'forecourt-voice-'));
    fs.writeFileSync(path.join(files, 'service-reminder.wav'), wavBytes(10));
    fs.writeFileSync(path.join(files, 'price-list.pdf'), Buffer.from('%PDF-1.4\n% a price list, not a recording\n'));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  /** A field's label, with or without the required asterisk. */
  const labelled = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();

  async function pick(page: Page, label: string, option: string) {
    await labelled(page, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('sets up recordings and caller IDs, then schedules a voice drop batch', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'voice');
    await page.goto(`${base}/customers`);
    await page.waitForURL(/\/login$/);
    await logIn(page, 'mona@example.test', TEST_PASSWORD);
    await page.waitForURL(/\/customers$/);

    // Before any recording: the Voice Drops batch form says what to set up, and where.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Batch contacts' }).click();
    await page.getByRole('tab', { name: 'Voice Drops' }).click();
    await page.getByRole('link', { name: 'Add batch' }).click();
    await page.waitForURL(/\/batches\/new\?channel=voice$/);
    const alert = page.getByTestId('voice-setup-needed');
    await alert.getByText(/this store has no active recording and no active caller ID yet/).waitFor();
    expect(await page.getByRole('form', { name: 'Batch' }).count()).toBe(0);
    await shot(page, 'setup-needed');
    await alert.getByRole('link', { name: 'Add a recording and a caller ID in Voice drop set-up' }).click();
    await page.waitForURL(/\/voice$/);
    await page.getByRole('heading', { name: 'Voice drops', level: 1 }).waitFor();

    // Upload a 10 s WAV: named after the file, 0:10 long, playable from the API.
    const upload = page.getByRole('form', { name: 'Upload a recording' });
    await upload.locator('input[type=file]').setInputFiles(path.join(files, 'service-reminder.wav'));
    const name = upload.getByRole('textbox', { name: 'Recording name' });
    expect(await name.inputValue()).toBe('service-reminder');
    await name.fill('Service reminder');
    await upload.getByRole('button', { name: 'Upload' }).click();
    const row = page
      .getByRole('table', { name: 'Recordings' })
      .getByRole('row')
      .filter({ hasText: 'Service reminder' });
    await row.getByTestId('recording-length').getByText('0:10').waitFor();
    await row.getByText('WAV', { exact: true }).waitFor();
    const player = row.getByTestId('recording-player');
    const src = await player.getAttribute('src');
    expect(src).toMatch(/^\/api\/voice\/recordings\/\d+\/content$/);
    const played = await page.request.get(`${base}${src}`);
    expect(played.status()).toBe(200);
    expect(played.headers()['content-type']).toBe('audio/wav');
    expect((await played.body()).length).toBe(wavBytes(10).length);
    // The browser's own player loads and plays it (same-origin cookie).
    await player.evaluate((a: HTMLAudioElement) => a.play());
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(10, 0);
    await shot(page, 'uploaded');

    // A PDF is refused with the server's reason, shown where the upload is.
    await upload.locator('input[type=file]').setInputFiles(path.join(files, 'price-list.pdf'));
    expect(await name.inputValue()).toBe('price-list');
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload
      .getByTestId('upload-refusal')
      .getByText('This is not an audio file. Upload a WAV or MP3 recording.')
      .waitFor();
    await shot(page, 'refused');
    expect(await db.kysely.selectFrom('voice_recordings').select('id').execute()).toHaveLength(1);

    // Caller IDs: a bad number is refused with the server's sentence; a good one is shown normalised.
    const addCaller = page.getByRole('form', { name: 'Add a caller ID' });
    await addCaller.getByRole('textbox', { name: 'Number' }).fill('555-01');
    await addCaller.getByRole('textbox', { name: 'Label' }).fill('Service desk');
    await addCaller.getByRole('button', { name: 'Add caller ID' }).click();
    await addCaller
      .getByTestId('caller-id-refusal')
      .getByText(/is not a phone number customers can be called from/)
      .waitFor();
    await addCaller.getByRole('textbox', { name: 'Number' }).fill('(416) 555-0100');
    await addCaller.getByRole('button', { name: 'Add caller ID' }).click();
    const callerRow = page
      .getByRole('table', { name: 'Caller IDs' })
      .getByRole('row')
      .filter({ hasText: 'Service desk' });
    await callerRow.getByText('+1 416-555-0100').waitFor();
    await shot(page, 'set-up');

    // A Fetch Automation voice drop batch: recording (with its player), caller ID, purpose.
    await nav.getByRole('link', { name: 'Batch contacts' }).click();
    await page.getByRole('tab', { name: 'Voice Drops' }).click();
    await page.getByRole('link', { name: 'Add batch' }).click();
    await page.waitForURL(/\/batches\/new\?channel=voice$/);
    const form = page.getByRole('form', { name: 'Batch' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Service drops');
    await pick(page, 'Batch type', 'Fetch Automation');
    expect(await form.getByLabel(/^Template/).count()).toBe(0);
    await pick(page, 'Recording', 'Service reminder (0:10)');
    expect(await form.getByTestId('recording-player').getAttribute('src')).toBe(src);
    await pick(page, 'Caller ID', 'Service desk · +1 416-555-0100');
    await pick(page, 'Purpose', 'Service');
    await pick(page, 'Batch query', 'Honda owners');
    await pick(page, 'Recycle type', 'Voice drop (10 days)');
    await labelled(page, '# to send').fill('10');
    await shot(page, 'batch-form');
    await form.getByRole('button', { name: 'Add batch' }).click();
    await page.waitForURL(/\/batches\?channel=voice$/);

    const saved = await db.kysely.selectFrom('batch_schedules').selectAll().executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      name: 'Service drops',
      channel: 'voice',
      kind: 'fetch',
      template_id: null,
      purpose: 'service',
      daily_limit: 10,
    });
    expect(saved.recording_id).not.toBeNull();
    expect(saved.caller_id_id).not.toBeNull();
    const listed = page
      .getByRole('table', { name: 'Voice Drops batches' })
      .getByRole('row')
      .filter({ hasText: 'Service drops' });
    await listed.getByTestId('voice-drop').getByText('Service reminder').waitFor();
    await listed.getByText('Caller ID Service desk (+1 416-555-0100)').waitFor();
    await shot(page, 'list');
    await page.context().close();
  });

  it('sends a voice drop campaign from a saved query with the audio file and caller ID', async ({ onTestFailed }) => {
    const page = await openTestPage(browser, onTestFailed, 'voice-campaign');
    await page.goto(`${base}/queries/${queryId}/send/voice`);
    await page.waitForURL(/\/login/);
    await logIn(page, 'mona@example.test', TEST_PASSWORD);
    await page.waitForURL(new RegExp(`/queries/${queryId}/send/voice$`));
    const form = page.getByRole('form', { name: 'Send Voice Drop' });
    await form.getByText('Still needed: Audio file, Caller ID, Distribution list.').waitFor();
    await pick(page, 'Audio file', 'Service reminder (0:10)');
    await form.getByTestId('recording-player').waitFor();
    await pick(page, 'Caller ID', 'Service desk · +1 416-555-0100');
    await pick(page, 'Purpose', 'Service');
    await pick(page, 'Distribution list', 'Mona Manager');
    await page.keyboard.press('Escape');
    // A test drop to a typed number goes through the outbox, marked [Test].
    const test = page.getByRole('region', { name: 'Send test' });
    await test.getByLabel('Test to phone number').fill('416 555 0142');
    await test.getByRole('button', { name: 'Send test drop' }).click();
    await test.getByTestId('test-sent').waitFor();
    const drop = await db.kysely
      .selectFrom('outbox_messages')
      .selectAll()
      .where('source_kind', '=', 'test')
      .where('channel', '=', 'voice')
      .executeTakeFirstOrThrow();
    expect(drop).toMatchObject({ target: '+14165550142', sender: '+14165550100', customer_id: null });
    await shot(page, 'campaign');
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('campaign-sent').waitFor();
    const campaign = await db.kysely
      .selectFrom('batch_schedules')
      .selectAll()
      .where('recurrence', '=', 'once')
      .executeTakeFirstOrThrow();
    expect(campaign).toMatchObject({ channel: 'voice', template_id: null, purpose: 'service', sender: null });
    expect(campaign.recording_id).not.toBeNull();
    expect(campaign.caller_id_id).not.toBeNull();
    await page.context().close();
  });
});
