import { describe, expect, it } from 'vitest';
import { deliveryKey } from './delivery-key.rules.ts';
import { parseRetryAfter } from '../channels/retry-after.ts';
import { nextRetry } from './retry.rules.ts';
import { acceptsOutcome } from './send-status.rules.ts';

describe('delivery key', () => {
  it('is the same for the same source, customer, channel and step, and differs otherwise', () => {
    const base = { sourceKind: 'batch', sourceRef: 'run-7', customerId: 42, channel: 'email' } as const;
    expect(deliveryKey(base)).toBe(deliveryKey({ ...base }));
    expect(deliveryKey(base)).not.toBe(deliveryKey({ ...base, step: 'reminder_1' }));
    expect(deliveryKey(base)).not.toBe(deliveryKey({ ...base, channel: 'sms' }));
    expect(deliveryKey(base)).not.toBe(deliveryKey({ ...base, customerId: 43 }));
  });

  it('cannot be forged into another key by a separator in a reference', () => {
    const a = deliveryKey({ sourceKind: 'manual', sourceRef: 'x:1', customerId: 2, channel: 'sms' });
    const b = deliveryKey({ sourceKind: 'manual', sourceRef: 'x', customerId: 1, channel: 'sms', step: '2' });
    expect(a).not.toBe(b);
  });
});

describe('retry policy', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };

  it('backs off exponentially with jitter in [d/2, d], capped', () => {
    const delay = (attempts: number, r: number) => {
      const d = nextRetry(attempts, now, policy, undefined, () => r);
      return d.retry ? d.at.getTime() - now.getTime() : null;
    };
    expect(delay(1, 0)).toBe(500);
    expect(delay(1, 1)).toBe(1000);
    expect(delay(2, 1)).toBe(2000);
    expect(delay(3, 1)).toBe(4000);
    expect(delay(3, 0.5)).toBe(3000);
  });

  it('gives up after the last attempt', () => {
    expect(nextRetry(4, now, policy).retry).toBe(false);
  });

  it('never retries before the provider’s Retry-After', () => {
    const d = nextRetry(1, now, policy, 60_000, () => 0);
    expect(d.retry && d.at.getTime() - now.getTime()).toBe(60_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('provider reports', () => {
  it('move a message forwards only, and only after the provider accepted it', () => {
    expect(acceptsOutcome('sent', 'delivered')).toBe(true);
    expect(acceptsOutcome('delivered', 'complained')).toBe(true);
    expect(acceptsOutcome('delivered', 'bounced')).toBe(true);
    expect(acceptsOutcome('bounced', 'delivered')).toBe(false);
    expect(acceptsOutcome('queued', 'delivered')).toBe(false);
    expect(acceptsOutcome('skipped', 'bounced')).toBe(false);
  });
});
