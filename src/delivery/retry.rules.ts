/** How a failed attempt is retried: exponential backoff with full jitter, honouring Retry-After. */
export interface RetryPolicy {
  /** Attempts in all, the first included; the last failure fails the message. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

export type RetryDecision = { retry: true; at: Date } | { retry: false };

/**
 * After attempt number `attempts` (1-based) failed transiently: when to try again, or give up.
 * The delay is random in [d/2, d] with d = base·2^(attempts−1) capped at max (jitter spreads a
 * provider outage's retries), and never earlier than the provider's Retry-After.
 */
export function nextRetry(
  attempts: number,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY,
  retryAfterMs?: number,
  random: () => number = Math.random,
): RetryDecision {
  if (attempts >= policy.maxAttempts) return { retry: false };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  const delay = Math.max(jittered, retryAfterMs ?? 0);
  return { retry: true, at: new Date(now.getTime() + Math.round(delay)) };
}
