import { parseRetryAfter } from '../retry-after.ts';
import type { DropAccepted, VoiceDropProvider, VoiceDropRequest } from './voice-drop.provider.ts';

export interface VoiceHttpOptions {
  baseUrl: string;
  apiKey: string;
  /** Extra fields for the simulator (how long, which results); a real provider gets none. */
  extra?: Record<string, unknown>;
  /** Name recorded on the messages ('voice_http', 'voice_simulator'). */
  provider?: string;
  timeoutMs?: number;
}

/**
 * The first real adapter: one POST per recipient to `<baseUrl>/v1/drops` with a bearer key and
 * our delivery key as `Idempotency-Key` (a retried POST cannot drop twice). 2xx → accepted with
 * the provider's id; 400/422 → the number cannot take a drop (impossible); 401/403 → our
 * configuration (failed, for every drop alike); 429/5xx/timeout → try later.
 */
export function createHttpVoiceProvider(o: VoiceHttpOptions): VoiceDropProvider {
  const url = `${o.baseUrl.replace(/\/$/, '')}/v1/drops`;
  const timeoutMs = o.timeoutMs ?? 15_000;
  return {
    provider: o.provider ?? 'voice_http',
    async drop(r: VoiceDropRequest): Promise<DropAccepted> {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${o.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': r.foreignId,
          },
          body: JSON.stringify({ ...r, ...o.extra }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        return {
          kind: 'transient',
          error: `voice provider unreachable: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
      const text = await res.text().catch(() => '');
      let body: { id?: unknown; message?: unknown } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        // A proxy's HTML error page: the status decides.
      }
      const message = typeof body.message === 'string' ? body.message : text.slice(0, 200) || res.statusText;
      if (res.ok && typeof body.id === 'string' && body.id) return { kind: 'accepted', providerId: body.id };
      if (res.ok) return { kind: 'transient', error: 'the voice provider accepted the drop without an id' };
      if (res.status === 429 || res.status >= 500)
        return {
          kind: 'transient',
          error: `voice provider ${res.status}: ${message}`,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), new Date()),
        };
      if (res.status === 400 || res.status === 422)
        return { kind: 'permanent', error: `voice provider refused the number: ${message}`, result: 'impossible' };
      return { kind: 'permanent', error: `voice provider ${res.status}: ${message}`, result: 'failed' };
    },
  };
}
