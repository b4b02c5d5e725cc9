import { renderLetterPdf, renderPostcardPdf } from '../../templates/pdf/index.ts';
import type { ChannelSender, OutgoingMessage, SendResult } from '../channel.ts';
import type { PrintApiSettings } from '../channel-settings.ts';
import { parseRetryAfter } from '../retry-after.ts';
import { addressLinesOf, createLetterBuilder, postcardInputOf, type PrintContext } from './print-input.ts';

export interface PrintApiOptions {
  /** The store's letterhead and the customer's language for a message (print-files.store.ts). */
  context: (m: OutgoingMessage) => Promise<PrintContext | undefined>;
  now?: () => Date;
  timeoutMs?: number;
}

/** The provider's answer, Lob-style ({ id } or { error: { message } }); anything else reads as empty. */
function readBody(body: unknown): { id: string | null; message: string | null } {
  if (typeof body !== 'object' || body === null) return { id: null, message: null };
  const b = body as { id?: unknown; message?: unknown; error?: unknown };
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as { message?: unknown }).message : b.error;
  const message = typeof nested === 'string' ? nested : typeof b.message === 'string' ? b.message : null;
  return { id: typeof b.id === 'string' ? b.id : null, message };
}

/**
 * Letters and postcards through a Lob-style print-and-mail API: one POST per piece with the
 * addresses and that piece's PDF (base64), the API key as the Basic-auth user, and the delivery key
 * as the Idempotency-Key, so a retried request cannot mail twice. Delivery reports come back
 * through the signed generic webhook (delivery/webhooks/events.routes.ts).
 */
export function createPrintApiSender(settings: PrintApiSettings, apiKey: string, opts: PrintApiOptions): ChannelSender {
  const base = settings.baseUrl.replace(/\/$/, '');
  const auth = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  const now = opts.now ?? (() => new Date());
  const letter = createLetterBuilder();
  return {
    provider: 'print_api',
    idempotent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      if (m.channel !== 'letter' && m.channel !== 'postcard')
        return { kind: 'permanent', error: `a ${m.channel} message cannot be printed` };
      const ctx = await opts.context(m);
      if (!ctx) return { kind: 'permanent', error: 'the message is not in the outbox' };
      const lines = addressLinesOf(m.target);
      const [name, ...addressLines] = lines;
      if (!name || addressLines.length === 0) return { kind: 'permanent', error: 'the postal address is incomplete' };
      const printable = { target: m.target, html: m.html, subject: m.subject };
      const pdf =
        m.channel === 'letter'
          ? await renderLetterPdf(letter(ctx, printable, now()))
          : await renderPostcardPdf(postcardInputOf(ctx, printable));
      let res: Response;
      try {
        res = await fetch(`${base}/v1/${m.channel === 'letter' ? 'letters' : 'postcards'}`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': m.deliveryKey },
          body: JSON.stringify({
            to: { name, address_lines: addressLines },
            from: { name: ctx.letterhead.name, address_lines: ctx.letterhead.addressLines },
            file: pdf.toString('base64'),
            metadata: { delivery_key: m.deliveryKey },
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        });
      } catch (err) {
        return {
          kind: 'transient',
          error: `print API unreachable: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
      const body = readBody(await res.json().catch(() => null));
      if (res.ok && body.id) return { kind: 'sent', providerMessageId: body.id };
      const detail = `HTTP ${res.status}: ${body.message ?? (res.ok ? 'no id in the answer' : res.statusText)}`;
      if (res.ok || res.status === 408 || res.status === 429 || res.status >= 500)
        return {
          kind: 'transient',
          error: detail,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
        };
      // A wrong key is the store's settings, not this letter: keep it until someone fixes them.
      if (res.status === 401 || res.status === 403)
        return { kind: 'transient', error: `${detail} (check the store's print settings)` };
      return { kind: 'permanent', error: detail };
    },
  };
}
