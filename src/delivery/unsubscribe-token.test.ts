import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUnsubscribe, UNSUBSCRIBE_TOKEN_DAYS, verifyUnsubscribe } from './unsubscribe-token.ts';

const key = randomBytes(32);
const issuedAt = new Date('2026-01-01T00:00:00Z');
const claim = { customerId: 7, storeId: 3, channel: 'email', purpose: 'marketing', messageId: 99, issuedAt } as const;

describe('unsubscribe tokens', () => {
  it('round-trip the claim', () => {
    const check = verifyUnsubscribe(signUnsubscribe(claim, key), key, new Date('2026-02-01T00:00:00Z'));
    expect(check).toEqual({ ok: true, claim });
  });

  it('carry the Do Not Mail mark of a 360° e-mail, and leave other links in their six-part form', () => {
    const marked = { ...claim, purpose: 'service', doNotMail: true } as const;
    expect(verifyUnsubscribe(signUnsubscribe(marked, key), key, issuedAt)).toEqual({ ok: true, claim: marked });
    const plain = signUnsubscribe(claim, key).split('.')[0] ?? '';
    expect(JSON.parse(Buffer.from(plain, 'base64url').toString())).toHaveLength(6);
  });

  it('stay valid for at least 60 days and expire after their lifetime', () => {
    const token = signUnsubscribe(claim, key);
    expect(UNSUBSCRIBE_TOKEN_DAYS).toBeGreaterThanOrEqual(60);
    expect(verifyUnsubscribe(token, key, new Date(issuedAt.getTime() + 60 * 86_400_000)).ok).toBe(true);
    const late = new Date(issuedAt.getTime() + (UNSUBSCRIBE_TOKEN_DAYS + 1) * 86_400_000);
    expect(verifyUnsubscribe(token, key, late)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a changed payload, another key and garbage', () => {
    const token = signUnsubscribe(claim, key);
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify([8, 3, 'email', 'marketing', 99, 1767225600])).toString('base64url');
    expect(verifyUnsubscribe(`${forged}.${sig}`, key, issuedAt)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyUnsubscribe(token, randomBytes(32), issuedAt).ok).toBe(false);
    expect(verifyUnsubscribe(`${payload}`, key, issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyUnsubscribe('a.b.c', key, issuedAt)).toEqual({ ok: false, reason: 'malformed' });
  });
});
