import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/principal.ts';
import { errorSchema, storeSchema } from '../http/schemas.ts';
import { presentStore } from './stores.presenter.ts';

export function storesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/stores',
    {
      schema: {
        tags: ['stores'],
        summary: 'Stores the caller may see',
        response: { 200: z.object({ stores: z.array(storeSchema) }), 401: errorSchema },
      },
    },
    async (req) => ({ stores: principalOf(req).stores.map(presentStore) }),
  );
}
