import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePrintApi, type FakePrintApi } from '../../../test/support/fake-print-api.ts';
import { buildLetter } from '../../templates/pdf/pdf.testing.ts';
import type { OutgoingMessage } from '../channel.ts';
import { createPrintApiSender } from './print-api.sender.ts';
import type { PrintContext } from './print-input.ts';

let api: FakePrintApi;
beforeAll(async () => {
  api = await startFakePrintApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

const { letterhead } = buildLetter();
const context: PrintContext = {
  letterhead,
  paper: 'letter',
  country: 'CA',
  timeZone: 'America/Toronto',
  language: 'en',
};
const now = new Date('2026-06-15T16:00:00Z');

function message(over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: 1,
    storeId: 1,
    deliveryKey: 'batch:run-9:42:letter:',
    channel: 'letter',
    purpose: 'service',
    target: 'Jane Doe\n12 Main St\nToronto ON  M5V 2T6',
    sender: null,
    cc: [],
    bcc: [],
    subject: null,
    html: '<p>Dear Jane,</p><p>Your car is due.</p>',
    text: null,
    headers: {},
    ...over,
  };
}

const sender = () =>
  createPrintApiSender({ baseUrl: `${api.baseUrl}/` }, 'test_key_123', {
    context: () => Promise.resolve(context),
    now: () => now,
  });

describe('print-and-mail API adapter', () => {
  it('posts the letter with addresses, its PDF, basic auth and the delivery key as idempotency key', async () => {
    const result = await sender().send(message());
    expect(result).toEqual({ kind: 'sent', providerMessageId: 'ltr_0000000000000001' });
    const [req] = api.requests;
    expect(req?.path).toBe('/v1/letters');
    expect(req?.auth).toBe(`Basic ${Buffer.from('test_key_123:').toString('base64')}`);
    expect(req?.idempotencyKey).toBe('batch:run-9:42:letter:');
    expect(req?.body.to).toEqual({ name: 'Jane Doe', address_lines: ['12 Main St', 'Toronto ON  M5V 2T6'] });
    expect(req?.body.from).toEqual({ name: 'Maple Motors', address_lines: ['100 King St W', 'Toronto ON  M5X 1A9'] });
    expect(req?.body.metadata).toEqual({ delivery_key: 'batch:run-9:42:letter:' });
    const pdf = Buffer.from(req?.body.file ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it('posts postcards to /v1/postcards', async () => {
    const result = await sender().send(message({ channel: 'postcard', subject: 'We miss you' }));
    expect(result.kind).toBe('sent');
    expect(api.requests[0]?.path).toBe('/v1/postcards');
  });

  it('treats 429 as transient and honours Retry-After', async () => {
    api.respond = () => ({
      status: 429,
      body: { error: { message: 'rate limit exceeded' } },
      headers: { 'retry-after': '30' },
    });
    try {
      expect(await sender().send(message())).toEqual({
        kind: 'transient',
        error: 'HTTP 429: rate limit exceeded',
        retryAfterMs: 30_000,
      });
    } finally {
      api.respond = () => ({ status: 200, body: { id: 'ltr_reset' } });
    }
  });

  it('treats 5xx as transient', async () => {
    api.respond = () => ({ status: 503, body: {} });
    try {
      expect((await sender().send(message())).kind).toBe('transient');
    } finally {
      api.respond = () => ({ status: 200, body: { id: 'ltr_reset' } });
    }
  });

  it('fails permanently on 422 with the provider’s message', async () => {
    api.respond = () => ({
      status: 422,
      body: { error: { message: 'address_lines is not deliverable', status_code: 422 } },
    });
    try {
      expect(await sender().send(message())).toEqual({
        kind: 'permanent',
        error: 'HTTP 422: address_lines is not deliverable',
      });
    } finally {
      api.respond = () => ({ status: 200, body: { id: 'ltr_reset' } });
    }
  });

  it('keeps letters on a wrong key (the store’s settings) and refuses incomplete addresses without calling', async () => {
    api.respond = () => ({ status: 401, body: { error: { message: 'unauthorized' } } });
    try {
      expect((await sender().send(message())).kind).toBe('transient');
    } finally {
      api.respond = () => ({ status: 200, body: { id: 'ltr_reset' } });
    }
    api.requests.length = 0;
    expect((await sender().send(message({ target: 'Jane Doe' }))).kind).toBe('permanent');
    expect(api.requests).toHaveLength(0);
  });

  it('is transient when the API cannot be reached', async () => {
    const down = createPrintApiSender({ baseUrl: 'http://127.0.0.1:1' }, 'k', {
      context: () => Promise.resolve(context),
    });
    expect((await down.send(message())).kind).toBe('transient');
  });
});
