import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';

export function healthRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; databaseKind: string; version: string },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.string(), version: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string(), version: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, database: deps.databaseKind, version: deps.version };
      } catch {
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: deps.databaseKind, version: deps.version });
      }
    },
  );
}
