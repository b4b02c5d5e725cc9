import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { displayName } from '../customers/customers.presenter.ts';
import type { Database, Store } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { DomainError } from '../shared/errors.ts';
import type { Clock } from '../shared/clock.ts';
import type { LifecycleRunService } from './lifecycle-run.service.ts';
import type { LifecycleSettingsService } from './lifecycle-settings.service.ts';
import { lifecycleMessages, lifecycleStatistics, recentRuns } from './lifecycle-statistics.store.ts';
import { addDays } from './lifecycle.rules.ts';
import {
  messageRowSchema,
  messagesQuery,
  runReportSchema,
  runRequestSchema,
  setupChangeSchema,
  setupSchema,
  statisticsQuery,
  statisticsSchema,
} from './lifecycle.schemas.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const errors = errorResponses;
/** A preview lists at most this many decisions (the counts cover them all). */
const PREVIEW_DECISIONS = 500;
const MAX_STAT_DAYS = 92;

/** 360° Customer Contact: the set-up (Tools → Location → CRM Setup), preview, run now, statistics. */
export function lifecycleRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; settings: LifecycleSettingsService; runs: LifecycleRunService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, settings, runs } = deps;

  const storeOf = (id: number): Promise<Store> =>
    db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const today = (store: Store) => DateTime.fromJSDate(deps.clock.now(), { zone: store.time_zone }).toISODate() ?? '';

  r.get(
    '/api/stores/:storeId/lifecycle',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'A store’s 360° Customer Contact set-up: switches, intervals, signature, what it will send',
        params: storeParams,
        response: { 200: setupSchema, ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return settings.get(req.params.storeId);
    },
  );

  r.patch(
    '/api/stores/:storeId/lifecycle',
    {
      schema: {
        tags: ['lifecycle'],
        summary:
          'Change the set-up (managers and administrators; audited). Refused with every problem named: a negative interval, Dead not after Inactive, a missing signature field when switching on',
        params: storeParams,
        body: setupChangeSchema,
        response: { 200: setupSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      if (Object.keys(req.body).length === 0)
        throw new DomainError(
          'invalid_input',
          `Send at least one of: ${Object.keys(setupChangeSchema.shape).join(', ')}.`,
        );
      return settings.update(req.params.storeId, req.body, { userId: principal.user.id });
    },
  );

  r.post(
    '/api/stores/:storeId/lifecycle/preview',
    {
      schema: {
        tags: ['lifecycle'],
        summary: `What the day’s run would send and why not for the others (a dry run; the first ${PREVIEW_DECISIONS} decisions)`,
        params: storeParams,
        body: runRequestSchema,
        response: { 200: runReportSchema, ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const report = await runs.run(req.params.storeId, {
        dryRun: true,
        ...(req.body.at ? { at: new Date(req.body.at) } : {}),
      });
      return {
        ...report,
        decisionsTotal: report.decisions.length,
        decisions: report.decisions.slice(0, PREVIEW_DECISIONS),
      };
    },
  );

  r.post(
    '/api/stores/:storeId/lifecycle/run',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'Run today’s steps now (managers and administrators); a day that has run sends nothing more',
        params: storeParams,
        body: runRequestSchema,
        response: { 200: runReportSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      return runs.run(req.params.storeId, req.body.at ? { at: new Date(req.body.at) } : {});
    },
  );

  r.get(
    '/api/stores/:storeId/lifecycle/statistics',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'Show Statistics: messages per day, step and channel with their delivery results, and the runs',
        params: storeParams,
        querystring: statisticsQuery,
        response: { 200: statisticsSchema, ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const store = await storeOf(req.params.storeId);
      const to = req.query.to ?? today(store);
      const from = req.query.from ?? addDays(to, -13);
      if (from > to) throw new DomainError('invalid_input', `from (${from}) must not be after to (${to}).`);
      if (addDays(from, MAX_STAT_DAYS) < to)
        throw new DomainError('invalid_input', `Choose at most ${MAX_STAT_DAYS} days (from ${from} to ${to} is more).`);
      const [rows, runRows] = await Promise.all([
        lifecycleStatistics(db, store, from, to),
        recentRuns(db, store.id, 30),
      ]);
      return {
        from,
        to,
        rows,
        runs: runRows.map((x) => ({
          id: x.id,
          runDate: x.run_date,
          windowFrom: x.window_from,
          status: x.status,
          due: x.due,
          enqueued: x.enqueued,
          skipped: x.skipped,
          error: x.error,
          startedAt: x.started_at,
          finishedAt: x.finished_at,
        })),
      };
    },
  );

  r.get(
    '/api/stores/:storeId/lifecycle/messages',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'One day’s 360° messages (optionally of one step) with their status and reason; at most 500',
        params: storeParams,
        querystring: messagesQuery,
        response: { 200: z.object({ day: z.string(), messages: z.array(messageRowSchema) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const store = await storeOf(req.params.storeId);
      const day = req.query.day ?? today(store);
      const rows = await lifecycleMessages(db, store, day, req.query.step, 500);
      return {
        day,
        messages: rows.map((m) => ({
          id: m.id,
          customerId: Number(m.customer_id),
          customerName: displayName(m),
          step: m.step,
          channel: m.channel,
          purpose: m.purpose,
          status: m.status,
          reason: m.status_reason,
          detail: m.status_detail,
          target: m.target,
          subject: m.subject,
          createdAt: m.created_at,
          finishedAt: m.finished_at,
        })),
      };
    },
  );
}
