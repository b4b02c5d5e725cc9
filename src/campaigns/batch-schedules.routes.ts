import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { notFound } from '../shared/errors.ts';
import type { BatchRunService } from './batch-run.service.ts';
import {
  presentReport,
  presentRun,
  presentSchedule,
  runReportSchema,
  runSchema,
  scheduleInput,
  schedulePatch,
  scheduleSchema,
} from './batch-schedules.schemas.ts';
import type { BatchSchedulesService } from './batch-schedules.service.ts';
import { findSchedule } from './batch-schedules.store.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const scheduleParams = z.object({ scheduleId: z.coerce.number().int().positive() });
const listQuery = z.object({
  channel: z.enum(['letter', 'email', 'sms', 'voice']).optional(),
  recurrence: z.enum(['daily', 'once']).optional(),
});
const previewBody = z.object({
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('The as-of time; default: the schedule\'s next run ("preview tomorrow\'s run")'),
  sampleSize: z.number().int().min(0).max(100).optional(),
});
const errors = errorResponses;

/** Batch Contacts: schedules per store, their dry-run preview, a run on demand and the run history. */
export function batchSchedulesRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; schedules: BatchSchedulesService; runs: BatchRunService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, schedules, runs } = deps;

  const present = async (s: Awaited<ReturnType<typeof findSchedule>> & object) =>
    presentSchedule(s, await schedules.describe(s));

  async function scheduleOf(req: { params: { scheduleId: number } }, principal: ReturnType<typeof principalOf>) {
    const s = await findSchedule(db, req.params.scheduleId, principal.storeIds);
    if (!s) throw notFound('Batch schedule');
    return s;
  }

  r.get(
    '/api/stores/:storeId/batch-schedules',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'A store’s batch schedules and campaigns, with their problems and next run',
        params: storeParams,
        querystring: listQuery,
        response: { 200: z.object({ schedules: z.array(scheduleSchema) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      let q = db.selectFrom('batch_schedules').selectAll().where('store_id', '=', req.params.storeId);
      if (req.query.channel) q = q.where('channel', '=', req.query.channel);
      if (req.query.recurrence) q = q.where('recurrence', '=', req.query.recurrence);
      const rows = await q.orderBy('channel').orderBy('name').execute();
      return { schedules: await Promise.all(rows.map(present)) };
    },
  );

  r.post(
    '/api/stores/:storeId/batch-schedules',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Add a batch schedule or campaign (managers and administrators); one that could not run is a 422 listing why',
        params: storeParams,
        body: scheduleInput,
        response: { 201: scheduleSchema, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const s = await schedules.create(req.params.storeId, req.body, { userId: principal.user.id });
      return reply.status(201).send(await present(s));
    },
  );

  r.get(
    '/api/batch-schedules/:scheduleId',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'One batch schedule',
        params: scheduleParams,
        response: { 200: scheduleSchema, ...errors },
      },
    },
    async (req) => present(await scheduleOf(req, principalOf(req))),
  );

  r.patch(
    '/api/batch-schedules/:scheduleId',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Change a batch schedule, or switch it off (managers and administrators)',
        params: scheduleParams,
        body: schedulePatch,
        response: { 200: scheduleSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const current = await scheduleOf(req, principal);
      requireRole(principal, 'admin', 'manager');
      const s = await schedules.update(current.id, principal.storeIds, req.body, { userId: principal.user.id });
      return present(s);
    },
  );

  r.post(
    '/api/batch-schedules/:scheduleId/preview',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Dry run: who the schedule would contact at a time (default its next run) and how many are held back by each reason; sends nothing',
        params: scheduleParams,
        body: previewBody,
        response: { 200: runReportSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const s = await scheduleOf(req, principal);
      const at = req.body.at ? new Date(req.body.at) : ((await schedules.describe(s)).nextRunAt ?? undefined);
      const report = await runs.run(
        s.id,
        { at, dryRun: true, sampleSize: req.body.sampleSize ?? 20 },
        principal.storeIds,
      );
      return presentReport(report);
    },
  );

  r.post(
    '/api/batch-schedules/:scheduleId/run',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Run the schedule now for today (managers and administrators); a schedule that already ran today sends nothing more',
        params: scheduleParams,
        body: z.object({}).optional(),
        response: { 200: runReportSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const s = await scheduleOf(req, principal);
      requireRole(principal, 'admin', 'manager');
      return presentReport(await runs.run(s.id, {}, principal.storeIds));
    },
  );

  r.get(
    '/api/batch-schedules/:scheduleId/runs',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'The schedule’s runs, newest first, with their counts and exclusions by reason',
        params: scheduleParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(366).default(60) }),
        response: { 200: z.object({ runs: z.array(runSchema) }), ...errors },
      },
    },
    async (req) => {
      const s = await scheduleOf(req, principalOf(req));
      const rows = await db
        .selectFrom('batch_runs')
        .selectAll()
        .where('schedule_id', '=', s.id)
        .orderBy('run_date', 'desc')
        .limit(req.query.limit)
        .execute();
      return { runs: rows.map(presentRun) };
    },
  );
}
