import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { storeSenderIdentities } from '../channels/channel-settings.service.ts';
import type { Database } from '../db/schema.ts';
import { principalOf, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });

/** Who works at a store and what it sends from: the pickers of the campaign and batch forms. */
export function storeStaffRoutes(app: FastifyInstance, deps: { db: Kysely<Database> }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/api/stores/:storeId/staff',
    {
      schema: {
        tags: ['stores'],
        summary: 'Active users of the store (its own staff and the group’s administrators), for distribution lists',
        params: storeParams,
        response: {
          200: z.object({
            staff: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                email: z.string(),
                role: z.enum(['admin', 'manager', 'agent']),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      const staff = await db
        .selectFrom('users as u')
        .innerJoin('stores as s', 's.organisation_id', 'u.organisation_id')
        .select(['u.id', 'u.name', 'u.email', 'u.role'])
        .where('s.id', '=', req.params.storeId)
        .where('u.active', '=', true)
        .where((eb) =>
          eb.or([
            eb('u.role', '=', 'admin'),
            eb.exists(
              eb
                .selectFrom('user_stores as us')
                .select('us.user_id')
                .whereRef('us.user_id', '=', 'u.id')
                .where('us.store_id', '=', req.params.storeId),
            ),
          ]),
        )
        .orderBy('u.name')
        .execute();
      return { staff };
    },
  );

  r.get(
    '/api/stores/:storeId/senders',
    {
      schema: {
        tags: ['stores'],
        summary: 'The identities the store sends from: e-mail From addresses and texting numbers',
        params: storeParams,
        response: { 200: z.object({ email: z.array(z.string()), sms: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const store = await db
        .selectFrom('stores')
        .select('email')
        .where('id', '=', req.params.storeId)
        .executeTakeFirstOrThrow();
      const ids = await storeSenderIdentities(db, req.params.storeId);
      const email = [...new Set([store.email, ...ids.emailFrom].filter((x): x is string => Boolean(x)))];
      return { email, sms: ids.smsSenders };
    },
  );
}
