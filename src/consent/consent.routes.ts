import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCustomer } from '../customers/customers.store.ts';
import type { Database } from '../db/schema.ts';
import { principalOf } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import { notFound } from '../shared/errors.ts';
import type { ConsentOverview, ConsentService } from './consent.service.ts';
import { CHANNELS, CONSENT_SOURCES, LEGAL_BASES, PURPOSES } from './consent.types.ts';

const channel = z.enum(CHANNELS);
const purpose = z.enum(PURPOSES);
const iso = z.string().nullable();

const overviewSchema = z.object({
  states: z.array(
    z.object({
      channel,
      purpose,
      status: z.enum(['granted', 'withdrawn', 'unknown', 'expired']),
      basis: z.enum(LEGAL_BASES).nullable(),
      since: iso,
      expiresAt: iso,
    }),
  ),
  history: z.array(
    z.object({
      id: z.number(),
      channel,
      purpose,
      granted: z.boolean(),
      basis: z.enum(LEGAL_BASES).nullable(),
      source: z.enum(CONSENT_SOURCES),
      occurredAt: z.string(),
      recordedAt: z.string(),
      actorName: z.string().nullable(),
      wording: z.string().nullable(),
    }),
  ),
});

function presentOverview(o: ConsentOverview): z.infer<typeof overviewSchema> {
  const d = (x: Date | null) => x?.toISOString() ?? null;
  return {
    states: o.states.map((s) => ({
      channel: s.channel,
      purpose: s.purpose,
      status: s.status,
      basis: s.basis,
      since: d(s.since),
      expiresAt: d(s.expiresAt),
    })),
    history: o.history.map((h) => ({
      id: h.id,
      channel: h.channel,
      purpose: h.purpose,
      granted: h.granted,
      basis: h.basis,
      source: h.source,
      occurredAt: h.occurredAt.toISOString(),
      recordedAt: h.recordedAt.toISOString(),
      actorName: h.actorName,
      wording: h.wording,
    })),
  };
}

export function consentRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; consent: ConsentService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ customerId: z.coerce.number().int().positive() });

  async function load(storeIds: number[], customerId: number) {
    const customer = await findCustomer(deps.db, storeIds, customerId);
    if (!customer) throw notFound('Customer');
    const store = await deps.db
      .selectFrom('stores')
      .select('country')
      .where('id', '=', customer.store_id)
      .executeTakeFirstOrThrow();
    return { customer, country: store.country };
  }

  r.get(
    '/api/customers/:customerId/consent',
    {
      schema: {
        tags: ['consent'],
        summary: 'Consent per channel and purpose, derived from the append-only ledger, with its history',
        params,
        response: { 200: overviewSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const { customer, country } = await load(principalOf(req).storeIds, req.params.customerId);
      return presentOverview(await deps.consent.overview(customer, country));
    },
  );

  r.post(
    '/api/customers/:customerId/consent',
    {
      schema: {
        tags: ['consent'],
        summary: 'Record a consent grant or withdrawal (appended to the ledger and audited)',
        description: 'Managers and administrators can record grants; every user can record a withdrawal.',
        params,
        body: z.object({
          channel,
          purpose,
          granted: z.boolean(),
          basis: z.enum(LEGAL_BASES).optional(),
          source: z.enum(CONSENT_SOURCES, { error: `source is required: one of ${CONSENT_SOURCES.join(', ')}` }),
          wording: z.string().max(4000).optional(),
          occurredAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: overviewSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { customer, country } = await load(principal.storeIds, req.params.customerId);
      const b = req.body;
      await deps.consent.record(
        customer,
        { ...b, occurredAt: b.occurredAt ? new Date(b.occurredAt) : undefined },
        { userId: principal.user.id, role: principal.user.role },
      );
      return presentOverview(await deps.consent.overview(customer, country));
    },
  );
}
