import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { displayName } from '../customers/customers.presenter.ts';
import { principalOf, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import type { InboxService } from './inbox.service.ts';

const errors = errorResponses;
const customerParams = z.object({ customerId: z.coerce.number().int().positive() });
const messageSchema = z.object({
  direction: z.enum(['in', 'out']),
  id: z.number(),
  body: z.string(),
  at: z.date(),
  status: z.string().nullable(),
  by: z.string().nullable(),
});

/** Two-way texts: the store's inbox, a customer's thread, assignment and replies. */
export function inboxRoutes(app: FastifyInstance, deps: { inbox: InboxService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { inbox } = deps;
  const actorOf = (p: ReturnType<typeof principalOf>) => ({
    userId: p.user.id,
    email: p.user.email,
    storeIds: p.storeIds,
  });

  r.get(
    '/api/stores/:storeId/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'The store’s text threads, latest reply first, with unread counts and the agent each is assigned to',
        params: z.object({ storeId: z.coerce.number().int().positive() }),
        querystring: z.object({ mine: z.enum(['true', 'false']).optional().describe('Only threads assigned to me') }),
        response: {
          200: z.object({
            threads: z.array(
              z.object({
                customerId: z.number(),
                customerName: z.string(),
                number: z.string().nullable(),
                lastInboundAt: z.date(),
                lastBody: z.string(),
                unread: z.number(),
                assignedTo: z.object({ id: z.number(), name: z.string() }).nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      requireStore(p, req.params.storeId);
      return {
        threads: await inbox.threads(req.params.storeId, req.query.mine === 'true' ? { assignedTo: p.user.id } : {}),
      };
    },
  );

  r.get(
    '/api/customers/:customerId/texts',
    {
      schema: {
        tags: ['inbox'],
        summary: 'A customer’s texts both ways, oldest first; reading the thread marks it read',
        params: customerParams,
        response: {
          200: z.object({ customerId: z.number(), customerName: z.string(), messages: z.array(messageSchema) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const t = await inbox.thread(req.params.customerId, actorOf(principalOf(req)));
      return { customerId: t.customer.id, customerName: displayName(t.customer), messages: t.messages };
    },
  );

  r.post(
    '/api/customers/:customerId/texts/assign',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Assign the customer’s text thread to an agent of the store, or to nobody (null)',
        params: customerParams,
        body: z.object({ userId: z.number().int().positive().nullable() }).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await inbox.assign(req.params.customerId, req.body.userId, actorOf(principalOf(req)));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/customers/:customerId/texts/reply',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'Reply from the thread: sent as a service text when allowed now, else as marketing; refused (409 reply_blocked) in quiet hours or without consent, with the reason',
        params: customerParams,
        body: z
          .object({
            body: z.string().min(1).max(1600),
            requestKey: z.string().min(8).max(100).describe('The client’s key for this reply: a repeat sends once'),
          })
          .strict(),
        response: {
          201: z.object({ messageId: z.number(), status: z.string(), purpose: z.enum(['service', 'marketing']) }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const r = await inbox.reply(req.params.customerId, req.body.body, req.body.requestKey, actorOf(principalOf(req)));
      return reply.status(201).send({ messageId: r.message.id, status: r.message.status, purpose: r.purpose });
    },
  );
}
