import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import { DomainError } from '../shared/errors.ts';
import { importCsv } from './import/import.service.ts';
import { IMPORT_KINDS } from './import/import.types.ts';

const reportSchema = z.object({
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
  warnings: z.array(z.object({ line: z.number(), field: z.string(), reason: z.string() })),
});

export function importsRoutes(app: FastifyInstance, deps: { db: Db }) {
  // Uploads stream straight into the importer; a DMS export can be hundreds of megabytes.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { bodyLimit: 2 * 1024 ** 3 },
    (_req, payload, done) => {
      done(null, payload);
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/stores/:storeId/imports/:kind',
    {
      bodyLimit: 2 * 1024 ** 3,
      schema: {
        tags: ['imports'],
        summary: 'Import a DMS CSV export (body: the file, Content-Type text/csv); idempotent by DMS numbers',
        params: z.object({ storeId: z.coerce.number().int().positive(), kind: z.enum(IMPORT_KINDS) }),
        querystring: z.object({ encoding: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto') }),
        response: {
          200: reportSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          415: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      if (!(req.body instanceof Readable)) {
        throw new DomainError(
          'unsupported_media_type',
          'Send the CSV file itself as the request body, with Content-Type: text/csv.',
        );
      }
      const size = Number(req.headers['content-length']);
      return importCsv({
        db: deps.db,
        storeId: req.params.storeId,
        kind: req.params.kind,
        input: req.body,
        ...(Number.isFinite(size) ? { size } : {}),
        encoding: req.query.encoding,
      });
    },
  );
}
