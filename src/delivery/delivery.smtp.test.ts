import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer } from '../../test/support/factories.ts';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.ts';
import { buildDispatcher } from '../app.ts';

/**
 * The whole path for an e-mail: a store configured for SMTP, a marketing send from the profile,
 * the dispatcher, a real SMTP server on 127.0.0.1 and the unsubscribe link it carries.
 */
let t: TestApp;
let admin: Client;
let sink: SmtpSink;
beforeAll(async () => {
  t = await startTestApp();
  sink = await startSmtpSink();
  admin = await login(t.app, 'admin@example.test');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('e-mail delivery over SMTP', () => {
  it('sends a marketing e-mail with a footer and one-click unsubscribe that works', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { first_name: 'Renée', email: 'renee@example.test' });
    const saved = await admin.send('PUT', `/api/stores/${t.storeA.id}/channels/email`, {
      provider: 'smtp',
      settings: { host: '127.0.0.1', port: sink.port, from: 'Alpha Motors <service@alpha.test>' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await admin.post(`/api/customers/${c.id}/consent`, {
      channel: 'email',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
      source: 'user',
    });
    const sent = await admin.post(`/api/customers/${c.id}/messages`, {
      purpose: 'marketing',
      channel: 'email',
      subject: 'Winter tires, {{ customer.first_name }}',
      body: '<p>Book your swap.</p>',
      requestKey: 'smtp-path-1',
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const { dispatcher, senders } = buildDispatcher({
      config: { dataDir: '/nonexistent', publicUrl: 'http://localhost' },
      db: t.db,
      clock: t.clock,
      masterKey: t.masterKey,
    });
    await dispatcher.drain();
    await senders.close();

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail?.envelope.to).toEqual(['renee@example.test']);
    expect(mail?.parsed.subject).toBe('Winter tires, Renée');
    expect(mail?.parsed.text).toContain('Book your swap.');
    const header = /^List-Unsubscribe:\s*<(http:\/\/localhost\/u\/[^>]+)>/m.exec(mail?.raw ?? '');
    expect(header, mail?.raw.slice(0, 700)).not.toBeNull();

    const message = await t.db.kysely
      .selectFrom('outbox_messages')
      .selectAll()
      .where('customer_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ status: 'sent', provider: 'smtp' });

    const url = new URL(header?.[1] ?? '');
    const unsub = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsub.statusCode).toBe(200);
    const refused = await admin.post(`/api/customers/${c.id}/messages`, {
      purpose: 'marketing',
      channel: 'email',
      subject: 'Again',
      body: '<p>Again</p>',
      requestKey: 'smtp-path-2',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('consent_withdrawn');
  });
});
