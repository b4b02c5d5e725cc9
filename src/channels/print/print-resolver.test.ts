import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import { startFakePrintApi, type FakePrintApi } from '../../../test/support/fake-print-api.ts';
import { buildCustomer, buildStore, buildUser } from '../../../test/support/factories.ts';
import { insertLetters, letterMessage } from '../../../test/support/letters.ts';
import type { Db } from '../../db/connect.ts';
import { createDispatcher } from '../../delivery/dispatcher.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createChannelSettingsService } from '../channel-settings.service.ts';
import { createSettingsResolver } from '../sender-resolver.ts';

let db: Db;
let api: FakePrintApi;
const clock = fixedClock('2026-06-15T16:00:00Z');
beforeAll(async () => {
  db = await openTestDb();
  api = await startFakePrintApi();
});
afterAll(async () => {
  await api.close();
  await db.close();
});

describe('the print channel in the settings resolver', () => {
  it('files letters locally by default and mails them through the print API once configured', async () => {
    const k = db.kysely;
    const store = await buildStore(k, {
      code: 'RSV',
      name: 'Resolver Motors',
      addressLine1: '1 Bay St',
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5J 2R8',
    });
    const admin = await buildUser(k, { role: 'admin' });
    const customer = await buildCustomer(k, store.id, {
      first_name: 'Ivy',
      address_line1: '9 Elm St',
      city: 'Toronto',
      region: 'ON',
      postal_code: 'M4W 1A1',
    });
    const settings = createChannelSettingsService({ db: k, clock, secretsKey: randomBytes(32) });
    const senders = createSettingsResolver({
      settings,
      db: k,
      clock,
      dataDir: '/nonexistent',
      publicUrl: 'http://localhost',
      recheckMs: 0,
    });
    const dispatcher = createDispatcher({ db: k, clock, senders });

    const [local] = await insertLetters(k, [letterMessage(customer, clock.now())], clock.now());
    if (!local) throw new Error('no message');
    expect((await senders.senderFor(local)).provider).toBe('print_file');
    await dispatcher.drain();
    const filed = await k
      .selectFrom('outbox_messages')
      .selectAll()
      .where('id', '=', local.id)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ status: 'sent', provider: 'print_file' });

    await settings.save(
      store.id,
      'print',
      { provider: 'print_api', settings: { baseUrl: api.baseUrl }, secrets: { apiKey: 'live_abc' } },
      admin.id,
    );
    clock.advance(1000);
    const [mailed] = await insertLetters(
      k,
      [letterMessage(customer, clock.now(), { channel: 'postcard' })],
      clock.now(),
    );
    if (!mailed) throw new Error('no message');
    expect((await senders.senderFor(mailed)).provider).toBe('print_api');
    await dispatcher.drain();
    const row = await k.selectFrom('outbox_messages').selectAll().where('id', '=', mailed.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', provider: 'print_api', provider_message_id: 'psc_0000000000000001' });
    expect(api.requests[0]?.body.from).toEqual({
      name: 'Resolver Motors',
      address_lines: ['1 Bay St', 'Toronto ON  M5J 2R8'],
    });
    expect(api.requests[0]?.idempotencyKey).toBe(mailed.delivery_key);
    await senders.close();
  });
});
