import type { SendResult } from '../channel.ts';

/** Network-level failures worth another try (nodemailer's and Node's error codes). */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPROTOCOL',
]);

/** Permanent 5xx replies that say the recipient itself is bad (feeds the bounce rules). */
const RECIPIENT_REJECTED = new Set([550, 551, 553]);

/**
 * What an SMTP failure means for the message: 4xx and connection trouble are transient (retry
 * with backoff), 5xx permanent; a rejected recipient also counts as a bounce for reachability.
 * Authentication failures are transient: the store's settings are wrong, not the message.
 */
export function classifySmtpError(err: unknown): SendResult {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    responseCode?: unknown;
    code?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const text = String(e.response ?? e.message ?? err);
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (status !== undefined && status >= 500 && e.code !== 'EAUTH') {
    return {
      kind: 'permanent',
      error: `SMTP ${status}: ${text}`,
      ...(RECIPIENT_REJECTED.has(status) ? { reachability: 'bounced' as const } : {}),
    };
  }
  if (status !== undefined && status >= 400) return { kind: 'transient', error: `SMTP ${status}: ${text}` };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'EENVELOPE') return { kind: 'permanent', error: `SMTP envelope refused: ${text}` };
  if (code === 'EMESSAGE') return { kind: 'permanent', error: `message refused: ${text}` };
  return { kind: 'transient', error: TRANSIENT_CODES.has(code) ? `${code}: ${text}` : text };
}
