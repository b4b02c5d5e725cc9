import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf, requireRole } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../shared/errors.ts';
import { findTemplate } from '../templates/templates.store.ts';
import type { TestSendService } from './test-send.service.ts';

/** "Test send" from the template editor. */
export function testSendRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; testSend: TestSendService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/templates/:templateId/test-send',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Send a template to a staff e-mail address or phone number as a test (managers and administrators), rendered for a customer or the sample one and marked [Test]',
        params: z.object({ templateId: z.coerce.number().int().positive() }),
        body: z.object({
          to: z.string().min(3).max(320),
          customerId: z.number().int().positive().nullable().optional(),
          version: z.number().int().positive().optional(),
          requestKey: z.string().min(8).max(100),
        }),
        response: {
          201: z.object({ messageId: z.number(), status: z.string(), target: z.string().nullable() }),
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      // Another store's template is "not found" before any role check says anything about it.
      if (!(await findTemplate(deps.db, req.params.templateId, principal.storeIds))) throw notFound('Template');
      requireRole(principal, 'admin', 'manager');
      const m = await deps.testSend.send(
        { ...req.body, templateId: req.params.templateId },
        { userId: principal.user.id, storeIds: principal.storeIds },
      );
      return reply.status(201).send({ messageId: m.id, status: m.status, target: m.target });
    },
  );
}
