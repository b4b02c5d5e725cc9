import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildCustomer } from '../../../test/support/factories.ts';
import { buildUnsubscribe } from '../../app.ts';
import { createConsentService } from '../../consent/consent.service.ts';
import type { Customer } from '../../db/schema.ts';
import { createDeliveryFeedback } from '../delivery-feedback.service.ts';
import { outboxMessage } from '../../../test/support/outbox.ts';
import { insertMessages } from '../outbox.store.ts';
import { purposeKey } from '../../shared/secret-key.ts';
import { signUnsubscribe } from '../unsubscribe-token.ts';
import { readReport } from './dsn.rules.ts';
import { createInboundMailService, mailParts, type InboundMailService } from './inbound-mail.service.ts';
import { startInboundSmtp } from './inbound-smtp.server.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures', name));

let t: TestApp;
let mail: InboundMailService;
beforeAll(async () => {
  t = await startTestApp();
  const db = t.db.kysely;
  const consent = createConsentService({ db, clock: t.clock });
  mail = createInboundMailService({
    db,
    feedback: createDeliveryFeedback({ db, clock: t.clock }),
    consent,
    unsubscribe: buildUnsubscribe({
      db,
      clock: t.clock,
      consent,
      masterKey: t.masterKey,
      publicUrl: 'http://localhost',
    }),
  });
});
afterAll(() => t.close());

async function sentEmail(c: Customer, messageId: string) {
  const { created } = await insertMessages(
    t.db.kysely,
    [outboxMessage(c, t.clock.now(), { deliveryKey: `mail-${messageId}`, purpose: 'marketing' })],
    t.clock.now(),
  );
  const id = created[0]?.id ?? 0;
  await t.db.kysely
    .updateTable('outbox_messages')
    .set({ status: 'sent', provider: 'smtp', provider_message_id: messageId })
    .where('id', '=', id)
    .execute();
  return id;
}

const statusOf = async (id: number) =>
  await t.db.kysely
    .selectFrom('outbox_messages')
    .select(['status', 'status_detail'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('reading reports', () => {
  it('reads a bounce report: action, status, recipient, diagnostic and the original Message-ID', async () => {
    const { subject, parts } = await mailParts(fixture('dsn-550.eml'));
    expect(readReport(subject, parts)).toEqual({
      kind: 'bounce',
      action: 'failed',
      status: '5.1.1',
      recipient: 'renee@example.test',
      diagnostic: '550 5.1.1 <renee@example.test>: Recipient address rejected: User unknown',
      originalMessageId: '<5a5c3fa3fb2e530b0d72e85fdf2ac19a@alpha.test>',
      deliveryKey: 'manual:req-1:42:email:',
    });
  });
});

describe('inbound mail', () => {
  it('marks the message bounced and counts the bounce against the address, over real SMTP', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { email: 'renee@example.test' });
    const id = await sentEmail(c, '<5a5c3fa3fb2e530b0d72e85fdf2ac19a@alpha.test>');
    const server = await startInboundSmtp({ host: '127.0.0.1', port: 0, mail });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({ envelope: { from: '', to: 'bounces@forecourt.example' }, raw: fixture('dsn-550.eml') });
    transport.close();
    await server.close();
    expect(await statusOf(id)).toMatchObject({ status: 'bounced' });
    const events = await t.db.kysely
      .selectFrom('reachability_events')
      .select(['address', 'outcome', 'source'])
      .where('address', '=', 'renee@example.test')
      .execute();
    expect(events).toEqual([{ address: 'renee@example.test', outcome: 'bounce', source: 'email' }]);
  });

  it('records a complaint and withdraws marketing e-mail consent', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const id = await sentEmail(c, '<arf0000000000000000000000000001@alpha.test>');
    expect(await mail.handle(fixture('arf-abuse.eml'))).toBe('complaint_recorded');
    expect(await statusOf(id)).toMatchObject({ status: 'complained' });
    const consent = await t.db.kysely
      .selectFrom('consent_events')
      .select(['channel', 'purpose', 'granted', 'source'])
      .where('customer_id', '=', c.id)
      .execute();
    expect(consent).toEqual([{ channel: 'email', purpose: 'marketing', granted: false, source: 'unsubscribe' }]);
  });

  it('unsubscribes on a mailto from the List-Unsubscribe header', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const token = signUnsubscribe(
      {
        customerId: c.id,
        storeId: c.store_id,
        channel: 'email',
        purpose: 'marketing',
        messageId: null,
        issuedAt: t.clock.now(),
      },
      purposeKey(t.masterKey, 'unsubscribe'),
    );
    const raw = `From: ${c.email}\r\nTo: bounces@forecourt.example\r\nSubject: unsubscribe ${token}\r\n\r\n`;
    expect(await mail.handle(raw)).toBe('unsubscribed');
    const forged = `From: x@y.test\r\nTo: bounces@forecourt.example\r\nSubject: unsubscribe ${token.slice(0, -3)}abc\r\n\r\n`;
    expect(await mail.handle(forged)).toBe('ignored');
    const consent = await t.db.kysely
      .selectFrom('consent_events')
      .select(['granted', 'source'])
      .where('customer_id', '=', c.id)
      .execute();
    expect(consent).toEqual([{ granted: false, source: 'unsubscribe' }]);
  });

  it('logs and ignores a report about a message we never sent, and ordinary mail', async () => {
    const raw = fixture('dsn-550.eml')
      .toString()
      .replaceAll('5a5c3fa3fb2e530b0d72e85fdf2ac19a', 'ffffffffffffffffffffffffffffffff');
    expect(await mail.handle(raw)).toBe('unknown_message');
    expect(await mail.handle('From: a@b.test\r\nTo: c@d.test\r\nSubject: hello\r\n\r\nHi there')).toBe('ignored');
  });
});
