import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ChannelSettingsService } from '../../channels/channel-settings.service.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { DeliveryFeedback } from '../delivery-feedback.service.ts';
import { receiptDigest, verifyHmac } from './signatures.ts';

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
  // The signature covers the exact bytes: keep them before the JSON parser sees the stream.
  const rawBodies = new WeakMap<FastifyRequest, string>();
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/webhooks/events/:storeId/:channel',
    {
      config: { public: true },
      preParsing: async (req, _reply, payload) => {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of payload) {
          const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          size += b.length;
          if (size > 1024 * 1024) throw new DomainError('invalid_input', 'The body is larger than 1 MB.');
          chunks.push(b);
        }
        const raw = Buffer.concat(chunks);
        rawBodies.set(req, raw.toString('utf8'));
        return Object.assign(Readable.from([raw]), { receivedEncodedLength: raw.length });
      },
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
      const raw = rawBodies.get(req) ?? '';
      const settings = await deps.channels.load(storeId, channel);
      const secret = settings?.secrets.webhookSecret;
      if (!settings || !secret)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No webhook secret is set for this channel.' } });
      const ts = req.headers['x-forecourt-timestamp'];
      const sig = req.headers['x-forecourt-signature'];
      const signature = typeof sig === 'string' ? sig : undefined;
      const check = verifyHmac(secret, typeof ts === 'string' ? ts : undefined, raw, signature, deps.clock.now());
      if (!check.ok)
        return reply.status(403).send({ error: { code: 'webhook_signature', message: `Refused: ${check.reason}.` } });
      const parsed = eventsBody.safeParse(req.body);
      if (!parsed.success)
        return reply.status(400).send({
          error: { code: 'invalid_input', message: 'The body must be { "events": [{ "messageId", "event" }] }.' },
        });
      const fresh = await deps.db
        .insertInto('webhook_receipts')
        .values({ digest: receiptDigest('events', signature ?? '', raw), received_at: deps.clock.now() })
        .onConflict((oc) => oc.column('digest').doNothing())
        .returning('digest')
        .executeTakeFirst();
      if (!fresh)
        return reply
          .status(409)
          .send({ error: { code: 'webhook_replay', message: 'This request was already received.' } });
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
