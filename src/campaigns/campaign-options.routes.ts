import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { campaignReach } from './campaign-options.sql.ts';

const channel = z.enum(['letter', 'email', 'sms', 'voice']);
const reachSchema = z.object({
  channel,
  matched: z.number(),
  reachable: z.number(),
  unreachable: z.number(),
  unreachableByReason: z.record(z.string(), z.number()),
  alternatives: z.array(z.object({ channel, reachable: z.number() })),
});

/** The Campaign Options pop-up: who of a saved query a campaign on a channel reaches, and who another channel would. */
export function campaignOptionsRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/stores/:storeId/campaign-options',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'How many of a saved query’s customers a campaign on a channel can reach, why the rest cannot, and how many of them each other channel could reach',
        params: z.object({ storeId: z.coerce.number().int().positive() }),
        body: z.object({
          savedQueryId: z.number().int().positive(),
          channel,
          purpose: z.enum(['marketing', 'service']).describe("The template's purpose: marketing needs consent"),
          at: z.iso.datetime({ offset: true }).optional().describe('When it would send (default now)'),
        }),
        response: { 200: reachSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const { db } = deps;
      const [store, query] = await Promise.all([
        db.selectFrom('stores').selectAll().where('id', '=', req.params.storeId).executeTakeFirstOrThrow(),
        db
          .selectFrom('saved_queries')
          .selectAll()
          .where('id', '=', req.body.savedQueryId)
          .where('store_id', '=', req.params.storeId)
          .executeTakeFirst(),
      ]);
      if (!query) throw notFound('Saved query');
      return campaignReach(db, {
        store,
        filter: query.filter,
        channel: req.body.channel,
        purpose: req.body.purpose,
        at: req.body.at ? new Date(req.body.at) : deps.clock.now(),
      });
    },
  );
}
