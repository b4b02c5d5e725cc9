import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ChannelSettingsService } from '../../channels/channel-settings.service.ts';
import type { Database } from '../../db/schema.ts';
import { errorSchema } from '../../http/schemas.ts';
import type { Clock } from '../../shared/clock.ts';
import type { DeliveryFeedback } from '../delivery-feedback.service.ts';
import type { InboundService } from './inbound.service.ts';
import { receiptDigest, verifyTwilio } from './signatures.ts';

/** Twilio's final message statuses and what they mean for our message. */
const STATUS_OUTCOME: Record<string, 'delivered' | 'failed' | undefined> = {
  delivered: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
};
const INVALID_NUMBER_CODES = new Set(['21211', '21214', '21217', '21407', '21421', '21614', '30003', '30005', '30006']);

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const twiml = (reply: FastifyReply, message: string | null) =>
  reply
    .type('text/xml')
    .send(
      `<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${xml(message)}</Message>` : ''}</Response>`,
    );

/**
 * Twilio webhooks: delivery status callbacks and inbound texts. Each request must carry a valid
 * X-Twilio-Signature for the store's auth token; a replay of an accepted request gets a 409 and
 * changes nothing.
 */
export function twilioWebhookRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    clock: Clock;
    channels: ChannelSettingsService;
    feedback: DeliveryFeedback;
    inbound: InboundService;
    publicUrl: string;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ storeId: z.coerce.number().int().positive() });
  const form = z.record(z.string(), z.string());
  const base = deps.publicUrl.replace(/\/$/, '');

  /** Checks the signature and records the receipt; throws a reply-ready error otherwise. */
  async function accept(req: FastifyRequest, storeId: number, fields: Record<string, string>): Promise<string | null> {
    const sms = await deps.channels.load(storeId, 'sms');
    const token = sms?.provider === 'twilio' ? sms.secrets.authToken : undefined;
    if (!token) return 'This store does not text through Twilio.';
    const signature = req.headers['x-twilio-signature'];
    const sig = typeof signature === 'string' ? signature : undefined;
    if (!verifyTwilio(token, `${base}${req.url}`, fields, sig)) return 'bad signature';
    const digest = receiptDigest('twilio', sig ?? '', JSON.stringify(fields));
    const fresh = await deps.db
      .insertInto('webhook_receipts')
      .values({ digest, received_at: deps.clock.now() })
      .onConflict((oc) => oc.column('digest').doNothing())
      .returning('digest')
      .executeTakeFirst();
    return fresh ? null : 'replay';
  }

  const refuse = (reply: FastifyReply, why: string) =>
    why === 'replay'
      ? reply.status(409).send({ error: { code: 'webhook_replay', message: 'This request was already received.' } })
      : why === 'bad signature'
        ? reply
            .status(403)
            .send({ error: { code: 'webhook_signature', message: 'The request signature is not valid.' } })
        : reply.status(404).send({ error: { code: 'not_found', message: why } });

  r.post(
    '/api/webhooks/twilio/:storeId/status',
    {
      config: { public: true },
      schema: {
        tags: ['webhooks'],
        summary: 'Twilio status callback (signed): delivered, undelivered or failed for a text we sent',
        params,
        body: form,
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const refused = await accept(req, req.params.storeId, req.body);
      if (refused) return refuse(reply, refused);
      const sid = req.body.MessageSid ?? req.body.SmsSid;
      const outcome = STATUS_OUTCOME[req.body.MessageStatus ?? ''];
      if (sid && outcome) {
        const code = req.body.ErrorCode ?? '';
        const result = await deps.feedback.report(
          'twilio',
          sid,
          outcome,
          code ? `Twilio error ${code}` : null,
          INVALID_NUMBER_CODES.has(code),
        );
        if (result === 'unknown') req.log.warn({ sid }, 'status callback for a message we do not know; ignored');
      }
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/webhooks/twilio/:storeId/inbound',
    {
      config: { public: true },
      schema: {
        tags: ['webhooks'],
        summary:
          'Twilio inbound text (signed): STOP and its synonyms (ARRET in French) suppress the number, HELP gets the store’s help text, other replies are kept for agents',
        params,
        body: form,
        produces: ['text/xml'],
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const refused = await accept(req, req.params.storeId, req.body);
      if (refused) return refuse(reply, refused);
      const from = req.body.From;
      const to = req.body.To;
      if (!from || !to) return twiml(reply, null);
      const result = await deps.inbound.receive({
        storeId: req.params.storeId,
        from,
        to,
        body: req.body.Body ?? '',
        provider: 'twilio',
        providerMessageId: req.body.MessageSid ?? null,
      });
      return twiml(reply, result.reply);
    },
  );
}
