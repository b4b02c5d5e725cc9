import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCustomer, markVerified } from '../customers/customers.store.ts';
import type { Database } from '../db/schema.ts';
import { principalOf } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { recordReachability } from './reachability.store.ts';

/**
 * "Verified Info" (dealermine-customer-information): the agent confirmed the contact details
 * with the customer. It dates the verification and clears the bounce and block history of the
 * numbers and address on file, which is what lets an e-mail that hit the bounce limit be used again.
 */
export function verificationRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/customers/:customerId/verify',
    {
      schema: {
        tags: ['customers'],
        summary: 'Record that the customer’s contact information was just verified ("Verified Info")',
        params: z.object({ customerId: z.coerce.number().int().positive() }),
        response: {
          200: z.object({ lastVerifiedAt: z.string() }),
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const customer = await findCustomer(deps.db, principal.storeIds, req.params.customerId);
      if (!customer) throw notFound('Customer');
      const at = deps.clock.now();
      const lines = [
        ['cell_phone', customer.cell_phone],
        ['home_phone', customer.home_phone],
        ['work_phone', customer.work_phone],
        ['email', customer.email?.toLowerCase() ?? null],
      ] as const;
      await deps.db.transaction().execute(async (trx) => {
        await markVerified(trx, customer.id, at);
        const store = await trx
          .selectFrom('stores')
          .selectAll()
          .where('id', '=', customer.store_id)
          .executeTakeFirstOrThrow();
        await recordReachability(
          trx,
          store,
          lines.flatMap(([line, address]) =>
            address
              ? [
                  {
                    address,
                    line,
                    outcome: 'verified' as const,
                    source: 'user' as const,
                    detail: `verified by ${principal.user.name}`,
                    occurred_at: at,
                  },
                ]
              : [],
          ),
        );
        await trx
          .insertInto('audit_log')
          .values({
            store_id: customer.store_id,
            user_id: principal.user.id,
            action: 'customer.verified',
            subject_type: 'customer',
            subject_id: customer.id,
          })
          .execute();
      });
      return { lastVerifiedAt: at.toISOString() };
    },
  );
}
