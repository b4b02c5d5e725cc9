import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ChannelSettingsService } from '../../channels/channel-settings.service.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { DeliveryFeedback } from '../delivery-feedback.service.ts';
import { acceptSigned, rawBodyKeeper } from './signed-body.ts';

const eventsBody = z.object({
  events: z
    .array(
      z.object({
        /** The id the provider gave when it accepted the message (our outbox's provider_message_id). */
        messageId: z.string().min(1).max(300),
        event: z.enum(['delivered', 'bounced', 'complained', 'failed']),
        detail: z.string().max(1000).nullable().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/**
 * Delivery events from any other provider (an e-mail service's event webhook, a print-and-mail
 * API), signed with the generic scheme: `X-Forecourt-Timestamp` (unix seconds) and
 * `X-Forecourt-Signature` = hex HMAC-SHA256 of "<timestamp>.<raw body>" with the channel's
 * webhook secret. Old timestamps and repeats of an accepted request are refused.
 */
export function eventsWebhookRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; channels: ChannelSettingsService; feedback: DeliveryFeedback },
) {
  const body = rawBodyKeeper(1024 * 1024);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/webhooks/events/:storeId/:channel',
    {
      config: { public: true },
      preParsing: body.preParsing,
      schema: {
        tags: ['webhooks'],
        summary:
          'Delivery events from a provider (signed: X-Forecourt-Timestamp, X-Forecourt-Signature = HMAC-SHA256 of "timestamp.body" with the channel’s webhookSecret)',
        params: z.object({ storeId: z.coerce.number().int().positive(), channel: z.enum(['email', 'print']) }),
        body: z.unknown(),
      },
    },
    async (req, reply) => {
      const { storeId, channel } = req.params;
      const raw = body.rawOf(req);
      const settings = await deps.channels.load(storeId, channel);
      const secret = settings?.secrets.webhookSecret;
      if (!settings || !secret)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No webhook secret is set for this channel.' } });
      const parsed = eventsBody.safeParse(req.body);
      const accepted = await acceptSigned(req, reply, {
        db: deps.db,
        now: deps.clock.now(),
        secret,
        raw,
        receiptKind: 'events',
        bodyError: parsed.success ? null : 'The body must be { "events": [{ "messageId", "event" }] }.',
      });
      if (!accepted || !parsed.success) return reply;
      let recorded = 0;
      let unknown = 0;
      for (const e of parsed.data.events) {
        const r = await deps.feedback.report(settings.provider, e.messageId, e.event, e.detail ?? null);
        if (r === 'recorded') recorded++;
        else if (r === 'unknown') unknown++;
      }
      if (unknown > 0) req.log.warn({ unknown }, 'provider events for messages we do not know; ignored');
      return reply.status(200).send({ recorded, unknown });
    },
  );
}
