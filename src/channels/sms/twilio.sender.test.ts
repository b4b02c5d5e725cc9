import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../../test/support/fake-twilio.ts';
import type { OutgoingMessage } from '../channel.ts';
import { createTwilioSender } from './twilio.sender.ts';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());

const SID = `AC${'a'.repeat(32)}`;
const text: OutgoingMessage = {
  id: 1,
  storeId: 1,
  deliveryKey: 'batch:run-1:9:sms:',
  channel: 'sms',
  purpose: 'service',
  target: '+14165550123',
  sender: null,
  cc: [],
  bcc: [],
  subject: null,
  html: null,
  text: 'Your car is ready.',
  headers: {},
};
const sender = () =>
  createTwilioSender({ accountSid: SID, baseUrl: fake.baseUrl, senders: ['+14165550100'], helpText: null }, 'tok3n', {
    statusCallback: 'https://dealer.test/api/webhooks/twilio/1/status',
  });

describe('Twilio-compatible SMS channel', () => {
  it('posts the text with basic auth, the delivery key as idempotency token and a status callback', async () => {
    const result = await sender().send(text);
    expect(result).toMatchObject({ kind: 'sent', providerMessageId: expect.stringMatching(/^SM/) });
    const req = fake.requests.at(-1);
    expect(req?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req?.auth).toBe(`Basic ${Buffer.from(`${SID}:tok3n`).toString('base64')}`);
    expect(req?.idempotency).toBe('batch:run-1:9:sms:');
    expect(req?.form).toEqual({
      To: '+14165550123',
      From: '+14165550100',
      Body: 'Your car is ready.',
      StatusCallback: 'https://dealer.test/api/webhooks/twilio/1/status',
    });
  });

  it('retries 429 and 5xx (honouring Retry-After) and fails invalid numbers for good', async () => {
    fake.respond = () => ({
      status: 429,
      body: { code: 20429, message: 'Too Many Requests' },
      headers: { 'retry-after': '30' },
    });
    expect(await sender().send(text)).toMatchObject({ kind: 'transient', retryAfterMs: 30_000 });
    fake.respond = () => ({ status: 503, body: {} });
    expect(await sender().send(text)).toMatchObject({ kind: 'transient' });
    fake.respond = () => ({
      status: 400,
      body: { code: 21211, message: "The 'To' number is not a valid phone number." },
    });
    expect(await sender().send(text)).toMatchObject({ kind: 'permanent', reachability: 'invalid' });
  });

  it('never sends a voice drop’s script as a text', async () => {
    const before = fake.requests.length;
    expect(await sender().send({ ...text, channel: 'voice' })).toMatchObject({ kind: 'permanent' });
    expect(fake.requests.length).toBe(before);
  });
});
