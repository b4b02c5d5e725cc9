import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ChannelSettingsService } from '../../channels/channel-settings.service.ts';
import { voiceWebhookSecret } from '../../channels/voice/voice-config.ts';
import { DROP_RESULTS } from '../../channels/voice/voice-drop.provider.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { VoiceResults } from '../voice/voice-results.service.ts';
import { acceptSigned, rawBodyKeeper } from './signed-body.ts';

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
  const body = rawBodyKeeper(64 * 1024);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/webhooks/voice/:storeId',
    {
      config: { public: true },
      preParsing: body.preParsing,
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
      const raw = body.rawOf(req);
      const store = await deps.db.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
      const secret = store ? await voiceWebhookSecret(deps.channels, storeId, deps.masterKey) : null;
      if (!secret)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No voice webhook secret is set for this store.' } });
      const parsed = resultBody.safeParse(req.body);
      const accepted = await acceptSigned(req, reply, {
        db: deps.db,
        now: deps.clock.now(),
        secret,
        raw,
        receiptKind: 'voice',
        bodyError: parsed.success
          ? null
          : `The body must be { "id", "foreignId", "result": ${DROP_RESULTS.join(' | ')} }.`,
      });
      if (!accepted || !parsed.success) return reply;
      const r = parsed.data;
      const outcome = await deps.results.report(storeId, r.foreignId, r.result, r.detail ?? null);
      if (outcome === 'unknown')
        req.log.warn({ storeId, dropId: r.id }, 'voice result for a drop we do not know; ignored');
      return reply.status(200).send({ outcome });
    },
  );
}
