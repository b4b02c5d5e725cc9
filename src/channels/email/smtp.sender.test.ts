import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpError, startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.ts';
import type { OutgoingMessage } from '../channel.ts';
import { messageIdFor } from './email-message.ts';
import { createSmtpSender } from './smtp.sender.ts';

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 1,
  storeId: 1,
  deliveryKey: 'manual:req-1:42:email:',
  channel: 'email',
  purpose: 'marketing',
  target: 'renee@example.test',
  sender: null,
  cc: [],
  bcc: ['agent@dealer.test'],
  subject: 'Spring service',
  html: '<p>Bonjour Renée</p>',
  text: 'Bonjour Renée',
  headers: { 'List-Unsubscribe': '<https://dealer.test/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  ...over,
});

const settings = (port: number) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: null,
  password: null,
  from: 'Maple Motors <service@maple.test>',
  timeoutMs: 1500,
});

describe('SMTP channel', () => {
  it('delivers over SMTP with the delivery key as Message-ID, headers, BCC and a DKIM signature', async () => {
    sink = await startSmtpSink();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const sender = createSmtpSender({
      ...settings(sink.port),
      dkim: {
        domainName: 'maple.test',
        keySelector: 'fc1',
        privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      },
    });
    const result = await sender.send(message());
    await sender.close?.();
    expect(result).toEqual({ kind: 'sent', providerMessageId: messageIdFor('manual:req-1:42:email:', 'maple.test') });
    const [got] = sink.received;
    expect(got?.envelope.to).toEqual(['renee@example.test', 'agent@dealer.test']);
    expect(got?.parsed.subject).toBe('Spring service');
    expect(got?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(got?.raw).toMatch(/^List-Unsubscribe: <https:\/\/dealer\.test\/u\/abc>$/m);
    expect(got?.parsed.headers.get('x-forecourt-delivery')).toBe('manual:req-1:42:email:');
    expect(got?.raw).toMatch(/^DKIM-Signature: [^]*?d=maple\.test;[^]*?s=fc1;/m);
    expect(got?.parsed.text?.trim()).toBe('Bonjour Renée');
  });

  it('treats a refused recipient (550) as permanent and a bounce', async () => {
    sink = await startSmtpSink({
      onRcpt: () => {
        throw smtpError(550, 'No such user');
      },
    });
    const sender = createSmtpSender(settings(sink.port));
    const result = await sender.send(message({ bcc: [] }));
    await sender.close?.();
    expect(result).toMatchObject({ kind: 'permanent', reachability: 'bounced' });
  });

  it('treats 4xx replies, a refused connection and a silent server as transient', async () => {
    sink = await startSmtpSink({
      onRcpt: () => {
        throw smtpError(451, 'Try again later');
      },
    });
    const busy = createSmtpSender(settings(sink.port));
    expect(await busy.send(message({ bcc: [] }))).toMatchObject({ kind: 'transient' });
    await busy.close?.();
    await sink.close();

    sink = await startSmtpSink({ hang: true });
    const silent = createSmtpSender(settings(sink.port));
    const started = Date.now();
    expect(await silent.send(message())).toMatchObject({ kind: 'transient' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await silent.close?.();

    const closed = createSmtpSender(settings(1));
    expect(await closed.send(message())).toMatchObject({ kind: 'transient' });
    await closed.close?.();
  });
});
