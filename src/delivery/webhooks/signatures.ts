import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1, keyed with the account's auth token, of the full
 * URL Twilio called followed by each POST parameter's name and value in name order.
 */
export function twilioSignature(authToken: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + (params[k] ?? ''), url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function verifyTwilio(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
  signature: string | undefined,
): boolean {
  return Boolean(signature) && same(twilioSignature(authToken, url, params), signature ?? '');
}

/** How far a signed timestamp may be from our clock (either way). */
export const HMAC_TOLERANCE_MS = 5 * 60_000;

/** The generic scheme: hex HMAC-SHA256 of "<unix seconds>.<raw body>", sent with the timestamp. */
export function hmacSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

export type HmacCheck = { ok: true } | { ok: false; reason: string };

export function verifyHmac(
  secret: string,
  timestamp: string | undefined,
  rawBody: string,
  signature: string | undefined,
  now: Date,
): HmacCheck {
  if (!timestamp || !/^\d{9,11}$/.test(timestamp) || !signature)
    return { ok: false, reason: 'missing signature or timestamp' };
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > HMAC_TOLERANCE_MS)
    return { ok: false, reason: 'timestamp outside the allowed window (replay?)' };
  return same(hmacSignature(secret, timestamp, rawBody), signature.replace(/^sha256=/, ''))
    ? { ok: true }
    : { ok: false, reason: 'bad signature' };
}

/** The replay key of an accepted request: the same signed request twice has the same digest. */
export function receiptDigest(provider: string, signature: string, body: string): string {
  return createHash('sha256').update(`${provider}\u0000${signature}\u0000${body}`).digest('hex');
}

/** How long accepted requests are remembered for replay refusal (signed timestamps expire far sooner). */
export const RECEIPT_DAYS = 30;
