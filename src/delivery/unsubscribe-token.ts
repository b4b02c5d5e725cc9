import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHANNELS, type Channel, type Purpose } from '../consent/consent.types.ts';

const isChannel = (v: unknown): v is Channel => CHANNELS.some((c) => c === v);

/** What an unsubscribe link stands for: this customer, this channel and purpose. */
export interface UnsubscribeClaim {
  customerId: number;
  storeId: number;
  channel: Channel;
  purpose: Purpose;
  /** The message the link was in, when there was one (for history). */
  messageId: number | null;
  issuedAt: Date;
  /**
   * Also set the customer's Do Not Mail flag (a 360° Customer Contact e-mail: the seed's
   * unsubscribe stops all of its correspondence, postcards included).
   */
  doNotMail?: boolean | undefined;
}

/** Links keep working for a long time: people unsubscribe from old mail. At least 60 days is required. */
export const UNSUBSCRIBE_TOKEN_DAYS = 400;

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** A signed, URL-safe token (payload.signature, HMAC-SHA256). */
export function signUnsubscribe(claim: UnsubscribeClaim, key: Buffer): string {
  const payload = b64(
    JSON.stringify([
      claim.customerId,
      claim.storeId,
      claim.channel,
      claim.purpose,
      claim.messageId,
      Math.floor(claim.issuedAt.getTime() / 1000),
      // Only when set, so every other link keeps the six-part form older links have.
      ...(claim.doNotMail ? [1] : []),
    ]),
  );
  return `${payload}.${b64(createHmac('sha256', key).update(payload).digest())}`;
}

export type TokenCheck =
  { ok: true; claim: UnsubscribeClaim } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Verifies a token's signature and age. */
export function verifyUnsubscribe(token: string, key: Buffer, now: Date): TokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', key).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(parts) || (parts.length !== 6 && parts.length !== 7)) return { ok: false, reason: 'malformed' };
  const [customerId, storeId, channel, purpose, messageId, issued, doNotMail] = parts as unknown[];
  if (
    typeof customerId !== 'number' ||
    typeof storeId !== 'number' ||
    !isChannel(channel) ||
    (purpose !== 'marketing' && purpose !== 'service') ||
    (messageId !== null && typeof messageId !== 'number') ||
    typeof issued !== 'number' ||
    (doNotMail !== undefined && doNotMail !== 1)
  )
    return { ok: false, reason: 'malformed' };
  const issuedAt = new Date(issued * 1000);
  if (now.getTime() - issuedAt.getTime() > UNSUBSCRIBE_TOKEN_DAYS * 86_400_000) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    claim: {
      customerId,
      storeId,
      channel,
      purpose,
      messageId,
      issuedAt,
      ...(doNotMail === 1 ? { doNotMail: true } : {}),
    },
  };
}
