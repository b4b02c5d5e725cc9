import { parseRetryAfter } from '../retry-after.ts';
import type { ChannelSender, OutgoingMessage, SendResult } from '../channel.ts';
import type { TwilioSettings } from '../channel-settings.ts';

/** Twilio error codes that mean the number itself cannot take texts. */
const INVALID_NUMBER = new Set([21211, 21214, 21217, 21407, 21421, 21614]);
/** The recipient replied STOP to this sender at the carrier: never retry. */
const UNSUBSCRIBED = 21610;

/**
 * Texts through Twilio's Messages API (or a compatible provider at `baseUrl`). The delivery key
 * goes as Twilio's idempotency token, so a retried request cannot send twice; delivery reports
 * come back to `statusCallback`.
 */
export function createTwilioSender(
  settings: TwilioSettings,
  authToken: string,
  opts: { statusCallback: string | null; timeoutMs?: number },
): ChannelSender {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${settings.accountSid}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${settings.accountSid}:${authToken}`).toString('base64')}`;
  return {
    provider: 'twilio',
    idempotent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      // A voice drop's script must never go out as a text; drops need a voice-drop provider.
      if (m.channel !== 'sms')
        return { kind: 'permanent', error: `the texting provider cannot send ${m.channel} messages` };
      const from = m.sender ?? settings.senders[0];
      if (!from) return { kind: 'permanent', error: 'the store has no texting number' };
      const form = new URLSearchParams({ To: m.target, From: from, Body: m.text ?? '' });
      if (opts.statusCallback) form.set('StatusCallback', opts.statusCallback);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            'i-twilio-idempotency-token': m.deliveryKey,
          },
          body: form,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        });
      } catch (err) {
        return {
          kind: 'transient',
          error: `SMS provider unreachable: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
      const body = (await res.json().catch(() => ({}))) as { sid?: unknown; code?: unknown; message?: unknown };
      if (res.ok && typeof body.sid === 'string') return { kind: 'sent', providerMessageId: body.sid };
      const code = typeof body.code === 'number' ? body.code : null;
      const detail = `HTTP ${res.status}${code === null ? '' : ` code ${code}`}: ${typeof body.message === 'string' ? body.message : res.statusText}`;
      if (res.status === 429 || res.status >= 500)
        return {
          kind: 'transient',
          error: detail,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), new Date()),
        };
      if (code !== null && INVALID_NUMBER.has(code))
        return { kind: 'permanent', error: detail, reachability: 'invalid' };
      if (code === UNSUBSCRIBED) return { kind: 'permanent', error: `${detail} (the recipient texted STOP)` };
      if (res.status === 401 || res.status === 403)
        return { kind: 'transient', error: `${detail} (check the store's SMS settings)` };
      return { kind: 'permanent', error: detail };
    },
  };
}
