import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import type { ExportRunsService } from './export-runs.service.ts';
import { kindSchema, presentRun, runSchema, targetChangeSchema, targetSchema } from './export-targets.schemas.ts';
import type { ExportTargetsService } from './export-targets.service.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const targetParams = storeParams.extend({ kind: kindSchema });
const errors = errorResponses;

/** Partner exports (CustomerLink, MechanicNET, CARFAX): settings, run now, runs, the kept files. */
export function exportTargetsRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; targets: ExportTargetsService; runs: ExportRunsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, targets, runs } = deps;

  r.get(
    '/api/stores/:storeId/export-targets',
    {
      schema: {
        tags: ['exports'],
        summary: 'A store’s partner exports with their settings (passwords only as set or not) and consent',
        params: storeParams,
        response: { 200: z.object({ targets: z.array(targetSchema) }), ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      return { targets: await targets.list(req.params.storeId) };
    },
  );

  r.put(
    '/api/stores/:storeId/export-targets/:kind',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Change a partner export (managers and administrators; audited). Switching on needs every connection field and confirm: true (409 until confirmed); only administrators may allow a private host',
        params: targetParams,
        body: targetChangeSchema,
        response: { 200: targetSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      return targets.save(req.params.storeId, req.params.kind, req.body, {
        userId: principal.user.id,
        role: principal.user.role,
      });
    },
  );

  r.post(
    '/api/stores/:storeId/export-targets/:kind/run',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Export and upload now (managers and administrators); the run as recorded, failed ones with the reason',
        params: targetParams,
        body: z.object({}).strict(),
        response: { 200: runSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      return presentRun(
        await runs.run(req.params.storeId, req.params.kind, { trigger: 'manual', userId: principal.user.id }),
      );
    },
  );

  r.get(
    '/api/stores/:storeId/export-runs',
    {
      schema: {
        tags: ['exports'],
        summary: 'A store’s latest export runs: file, rows, bytes, destination, attempts and result',
        params: storeParams,
        response: { 200: z.object({ runs: z.array(runSchema) }), ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      return { runs: (await runs.list(req.params.storeId)).map(presentRun) };
    },
  );

  r.get(
    '/api/export-runs/:exportRunId/file',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download the file an export run wrote (managers and administrators; audited)',
        params: z.object({ exportRunId: z.coerce.number().int().positive() }),
        produces: ['text/csv'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const run = await db
        .selectFrom('export_runs')
        .selectAll()
        .where('id', '=', req.params.exportRunId)
        .where('store_id', 'in', principal.storeIds.length ? principal.storeIds : [-1])
        .executeTakeFirst();
      if (!run) throw notFound('Export run');
      requireRole(principal, 'admin', 'manager');
      const size = run.file_path
        ? await stat(run.file_path).then(
            (s) => s.size,
            () => null,
          )
        : null;
      if (!run.file_path || size === null)
        throw new DomainError('not_found', 'That run’s file is no longer in the data folder.');
      await db
        .insertInto('audit_log')
        .values({
          store_id: run.store_id,
          user_id: principal.user.id,
          action: 'export.file_downloaded',
          subject_type: 'export_run',
          subject_id: run.id,
          details: JSON.stringify({ kind: run.kind, fileName: run.file_name }),
        })
        .execute();
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-length', String(size))
        .header('content-disposition', `attachment; filename="${(run.file_name ?? 'export.csv').replace(/"/g, '')}"`)
        .send(createReadStream(run.file_path));
    },
  );
}
