import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ChannelSettingsService } from '../../channels/channel-settings.service.ts';
import { voiceWebhookSecret } from '../../channels/voice/voice-config.ts';
import { DROP_RESULTS } from '../../channels/voice/voice-drop.provider.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { VoiceResults } from '../voice/voice-results.service.ts';
import { receiptDigest, verifyHmac } from './signatures.ts';

const resultBody = z.object({
  id: z.string().min(1).max(300).describe('The provider’s id for the drop'),
  foreignId: z.string().min(1).max(500).describe('Our delivery key, sent with the drop'),
  result: z.enum(DROP_RESULTS),
  detail: z.string().max(1000).nullable().optional(),
  completedAt: z.string().max(40).optional(),
});

/**
 * A voice-drop provider's result for one drop (docs/VOICE.md), signed like every generic webhook:
 * `X-Forecourt-Timestamp` and `X-Forecourt-Signature` = hex HMAC-SHA256 of "<timestamp>.<raw body>"
 * with the store's voice webhook secret (the simulator's is derived from the master key). A result
 * for a drop we do not know is logged and ignored.
 */
export function voiceWebhookRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    clock: Clock;
    channels: ChannelSettingsService;
    masterKey: Buffer;
    results: VoiceResults;
  },
) {
  const rawBodies = new WeakMap<FastifyRequest, string>();
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/webhooks/voice/:storeId',
    {
      config: { public: true },
      preParsing: async (req, _reply, payload) => {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of payload) {
          const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          size += b.length;
          if (size > 64 * 1024) throw new DomainError('invalid_input', 'The body is larger than 64 KB.');
          chunks.push(b);
        }
        const raw = Buffer.concat(chunks);
        rawBodies.set(req, raw.toString('utf8'));
        return Object.assign(Readable.from([raw]), { receivedEncodedLength: raw.length });
      },
      schema: {
        tags: ['webhooks'],
        summary:
          'A voice drop’s result from the provider (signed: X-Forecourt-Timestamp, X-Forecourt-Signature = HMAC-SHA256 of "timestamp.body" with the store’s voice webhookSecret)',
        params: z.object({ storeId: z.coerce.number().int().positive() }),
        body: z.unknown(),
      },
    },
    async (req, reply) => {
      const { storeId } = req.params;
      const raw = rawBodies.get(req) ?? '';
      const store = await deps.db.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
      const secret = store ? await voiceWebhookSecret(deps.channels, storeId, deps.masterKey) : null;
      if (!secret)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No voice webhook secret is set for this store.' } });
      const ts = req.headers['x-forecourt-timestamp'];
      const sig = req.headers['x-forecourt-signature'];
      const signature = typeof sig === 'string' ? sig : undefined;
      const check = verifyHmac(secret, typeof ts === 'string' ? ts : undefined, raw, signature, deps.clock.now());
      if (!check.ok)
        return reply.status(403).send({ error: { code: 'webhook_signature', message: `Refused: ${check.reason}.` } });
      const parsed = resultBody.safeParse(req.body);
      if (!parsed.success)
        return reply.status(400).send({
          error: {
            code: 'invalid_input',
            message: `The body must be { "id", "foreignId", "result": ${DROP_RESULTS.join(' | ')} }.`,
          },
        });
      const fresh = await deps.db
        .insertInto('webhook_receipts')
        .values({ digest: receiptDigest('voice', signature ?? '', raw), received_at: deps.clock.now() })
        .onConflict((oc) => oc.column('digest').doNothing())
        .returning('digest')
        .executeTakeFirst();
      if (!fresh)
        return reply
          .status(409)
          .send({ error: { code: 'webhook_replay', message: 'This request was already received.' } });
      const r = parsed.data;
      const outcome = await deps.results.report(storeId, r.foreignId, r.result, r.detail ?? null);
      if (outcome === 'unknown')
        req.log.warn({ storeId, dropId: r.id }, 'voice result for a drop we do not know; ignored');
      return reply.status(200).send({ outcome });
    },
  );
}
