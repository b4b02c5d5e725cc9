import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCustomer } from '../customers/customers.store.ts';
import type { Database } from '../db/schema.ts';
import { principalOf } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { CHANNELS, PURPOSES } from './consent.types.ts';
import { decideFor, explainEligibility, loadEligibilityFacts } from './eligibility.service.ts';
import { DAY_PARTS } from './quiet-hours.rules.ts';

export const eligibilitySchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
  target: z.string().nullable(),
  deferUntil: z.string().nullable(),
  deferUntilLocal: z
    .string()
    .nullable()
    .describe(
      'deferUntil as wall-clock time in the recipient’s zone (YYYY-MM-DD HH:MM), by the same time-zone data that decided it',
    ),
  zone: z.string(),
});

/**
 * The deferral as an instant and as the recipient's wall-clock time. The local time is formatted
 * here, with the time-zone data that made the decision, so a browser with other zone rules cannot
 * show a different hour.
 */
function presentDeferral(d: { deferUntil: Date | null; zone: string }) {
  return {
    deferUntil: d.deferUntil?.toISOString() ?? null,
    deferUntilLocal: d.deferUntil
      ? DateTime.fromJSDate(d.deferUntil, { zone: d.zone }).toFormat('yyyy-MM-dd HH:mm')
      : null,
  };
}

/** The caller's customer and its store, or not_found. */
async function customerAndStore(db: Kysely<Database>, storeIds: number[], customerId: number) {
  const customer = await findCustomer(db, storeIds, customerId);
  if (!customer) throw notFound('Customer');
  const store = await db.selectFrom('stores').selectAll().where('id', '=', customer.store_id).executeTakeFirstOrThrow();
  return { customer, store };
}

export function eligibilityRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/customers/:customerId/eligibility',
    {
      schema: {
        tags: ['consent'],
        summary: 'May this customer be contacted on this channel for this purpose at this time, and if not, why not',
        params: z.object({ customerId: z.coerce.number().int().positive() }),
        querystring: z.object({
          channel: z.enum(CHANNELS),
          purpose: z.enum(PURPOSES),
          at: z.iso.datetime({ offset: true }).optional().describe('ISO 8601 time; defaults to now'),
          vehicleId: z.coerce.number().int().positive().optional(),
          dayPart: z
            .enum(DAY_PARTS)
            .optional()
            .describe(
              'Day / Late Day selection of a batch (default all): day leaves out late-day customers and ends phone windows at 17:00; late_day takes only late-day customers and starts phone windows at 17:00',
            ),
        }),
        response: { 200: eligibilitySchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const { customer, store } = await customerAndStore(deps.db, principalOf(req).storeIds, req.params.customerId);
      const d = await explainEligibility(deps.db, customer, store, {
        channel: req.query.channel,
        purpose: req.query.purpose,
        at: req.query.at ? new Date(req.query.at) : deps.clock.now(),
        vehicleId: req.query.vehicleId,
        dayPart: req.query.dayPart,
      });
      return { ...d, ...presentDeferral(d) };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/customers/:customerId/contactability',
    {
      schema: {
        tags: ['consent'],
        summary: 'The eligibility decision for every channel × purpose now (the profile’s contact panel)',
        params: z.object({ customerId: z.coerce.number().int().positive() }),
        response: {
          200: z.object({
            at: z.string(),
            emailRed: z
              .boolean()
              .describe('the e-mail bounced within the store’s red window (90 days) and is not verified since'),
            decisions: z.array(eligibilitySchema.extend({ channel: z.enum(CHANNELS), purpose: z.enum(PURPOSES) })),
          }),
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const { customer, store } = await customerAndStore(deps.db, principalOf(req).storeIds, req.params.customerId);
      const at = deps.clock.now();
      const facts = await loadEligibilityFacts(deps.db, customer, store, at);
      const decisions = CHANNELS.flatMap((channel) =>
        PURPOSES.map((purpose) => {
          const d = decideFor(facts, { channel, purpose, at });
          return { channel, purpose, ...d, ...presentDeferral(d) };
        }),
      );
      return { at: at.toISOString(), emailRed: facts.emailRed, decisions };
    },
  );
}
