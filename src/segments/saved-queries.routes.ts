import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses, errorSchema } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { countMatching, sampleMatching } from './filter.sql.ts';
import { assertValidFilter } from './filter.validate.ts';
import type { SavedQueriesService } from './saved-queries.service.ts';
import {
  fieldSchema,
  presentCatalogue,
  presentDetail,
  presentSummary,
  previewInput,
  previewResponse,
  queryDetail,
  queryInput,
  queryPatch,
  querySummary,
} from './saved-queries.schemas.ts';
import { findSavedQuery, listSavedQueries } from './saved-queries.store.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const queryParams = z.object({ queryId: z.coerce.number().int().positive() });
const errors = errorResponses;
const DEFAULT_SAMPLE = 10;

/** Saved queries ("Fetch"): the field catalogue, the builder's live preview, and storage. */
export function savedQueriesRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; queries: SavedQueriesService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  r.get(
    '/api/segment-fields',
    {
      schema: {
        tags: ['segments'],
        summary: 'The fields a query may filter on, with labels, operators, allowed values and units',
        response: { 200: z.object({ fields: z.array(fieldSchema) }), 401: errorSchema },
      },
    },
    async (req) => {
      principalOf(req);
      return { fields: presentCatalogue() };
    },
  );

  r.post(
    '/api/stores/:storeId/queries/preview',
    {
      schema: {
        tags: ['segments'],
        summary:
          'How many of the store’s customers an unsaved filter matches at a time (default now), with a sample; a bad filter is a 422 listing each problem with its path',
        params: storeParams,
        body: previewInput,
        response: { 200: previewResponse, ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      // Validated up front so a bad tree is refused before any query runs.
      assertValidFilter(req.body.filter);
      const at = req.body.at ? new Date(req.body.at) : clock.now();
      const { storeId } = req.params;
      const count = await countMatching(db, storeId, req.body.filter, at);
      const sample =
        count === 0
          ? []
          : await sampleMatching(db, storeId, req.body.filter, at, req.body.sampleSize ?? DEFAULT_SAMPLE);
      return { count, sample };
    },
  );

  r.get(
    '/api/stores/:storeId/queries',
    {
      schema: {
        tags: ['segments'],
        summary: 'A store’s saved queries, by name; archived ones only when asked for',
        params: storeParams,
        querystring: z.object({ archived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ queries: z.array(querySummary) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const rows = await listSavedQueries(db, req.params.storeId, req.query.archived === 'true');
      return { queries: rows.map(presentSummary) };
    },
  );

  r.post(
    '/api/stores/:storeId/queries',
    {
      schema: {
        tags: ['segments'],
        summary:
          'Save a query (managers and administrators). A bad filter is a 422 listing each problem with its path; a name the store already uses is a 409',
        params: storeParams,
        body: queryInput,
        response: { 201: queryDetail, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const saved = await deps.queries.create(req.params.storeId, req.body, { userId: principal.user.id });
      return reply.status(201).send(presentDetail(saved));
    },
  );

  r.get(
    '/api/queries/:queryId',
    {
      schema: {
        tags: ['segments'],
        summary: 'A saved query with its filter',
        params: queryParams,
        response: { 200: queryDetail, ...errors },
      },
    },
    async (req) => {
      const q = await findSavedQuery(db, req.params.queryId, principalOf(req).storeIds);
      if (!q) throw notFound('Query');
      return presentDetail(q);
    },
  );

  r.patch(
    '/api/queries/:queryId',
    {
      schema: {
        tags: ['segments'],
        summary: 'Edit, archive or restore a saved query (managers and administrators); the filter is checked again',
        params: queryParams,
        body: queryPatch,
        response: { 200: queryDetail, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      // Existence first, so another store's id is a 404 whatever the caller's role.
      if (!(await findSavedQuery(db, req.params.queryId, principal.storeIds))) throw notFound('Query');
      requireRole(principal, 'admin', 'manager');
      const saved = await deps.queries.update(req.params.queryId, principal.storeIds, req.body, {
        userId: principal.user.id,
      });
      return presentDetail(saved);
    },
  );
}
