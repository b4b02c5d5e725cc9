import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Principal } from '../auth/auth.service.ts';
import { findSchedule, loadScheduleRows } from '../campaigns/batch-schedules.store.ts';
import type { Database, Store } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { LIFECYCLE_STEPS } from '../lifecycle/lifecycle.rules.ts';
import { findSavedQuery } from '../segments/saved-queries.store.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { writeCsv } from './csv-stream.ts';
import { batchSelection } from './mail-merge.batch.ts';
import { mailMergeColumns, storeDay, type MailMergeRow, type MailMergeSource } from './mail-merge.columns.ts';
import { batchRows, lifecycleRows, savedQueryRows } from './mail-merge.store.ts';

const queryParams = z.object({ queryId: z.coerce.number().int().positive() });
const scheduleParams = z.object({ scheduleId: z.coerce.number().int().positive() });
const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const csv = z.any().describe('CSV (UTF-8 with a byte-order mark, CRLF): a header line, then one line per customer');
const MANAGERS = 'Managers and administrators; every export is audited. ';
const NEUTRALISED = 'A cell starting with =, +, -, @, tab or CR is prefixed with an apostrophe.';

interface Export {
  source: MailMergeSource;
  /** The record exported (query, schedule or store), for the file name and the audit row. */
  id: number;
  storeId: number;
  filename: string;
  rows: AsyncIterable<MailMergeRow[]>;
  details?: Record<string, unknown>;
}

/**
 * Mail-merge exports (#9): any customer list — a saved query, a batch's next run, a 360° day —
 * as a CSV a word processor's mail merge reads, streamed straight from the database to the
 * response a page at a time. Bulk personal data, so managers and administrators only; another
 * store's record is a 404 before the role is checked, so ids reveal nothing.
 */
export function mailMergeRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  const storeOf = (id: number): Promise<Store> =>
    db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  r.get(
    '/api/saved-queries/:queryId/export.csv',
    {
      schema: {
        tags: ['exports'],
        summary: `Mail-merge CSV of the customers a saved query matches now. ${MANAGERS}${NEUTRALISED}`,
        params: queryParams,
        produces: ['text/csv'],
        response: { 200: csv, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const q = await findSavedQuery(db, req.params.queryId, principal.storeIds);
      if (!q) throw notFound('Query');
      requireRole(principal, 'admin', 'manager');
      const store = await storeOf(q.store_id);
      const now = clock.now();
      return streamExport(req, reply, principal, {
        source: 'saved_query',
        id: q.id,
        storeId: store.id,
        filename: `mail-merge-query-${q.id}-${storeDay(now, store.time_zone)}.csv`,
        rows: savedQueryRows(db, store, q.filter, now),
      });
    },
  );

  r.get(
    '/api/batch-schedules/:scheduleId/export.csv',
    {
      schema: {
        tags: ['exports'],
        summary: `Mail-merge CSV of the customers the batch's run would take at \`at\` (default now), as its dry run counts them, with the channel each would get (Campaign Options included). ${MANAGERS}${NEUTRALISED}`,
        params: scheduleParams,
        querystring: z.object({
          at: z.iso.datetime({ offset: true }).optional().describe('The as-of time (default: now)'),
        }),
        produces: ['text/csv'],
        response: { 200: csv, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const schedule = await findSchedule(db, req.params.scheduleId, principal.storeIds);
      if (!schedule) throw notFound('Batch schedule');
      requireRole(principal, 'admin', 'manager');
      const at = req.query.at ? new Date(req.query.at) : clock.now();
      const loaded = await loadScheduleRows(db, schedule);
      // Built before the response starts, so a schedule that cannot run is a 422, not a broken file.
      const selection = batchSelection(loaded, at);
      return streamExport(req, reply, principal, {
        source: 'batch',
        id: schedule.id,
        storeId: schedule.store_id,
        filename: `mail-merge-batch-${schedule.id}-${storeDay(at, loaded.store.time_zone)}.csv`,
        rows: batchRows(db, loaded.store, selection, at),
        details: { at: at.toISOString() },
      });
    },
  );

  r.get(
    '/api/stores/:storeId/lifecycle/export.csv',
    {
      schema: {
        tags: ['exports'],
        summary: `Mail-merge CSV of a store-local day's 360° Customer Contact list (one step, or all), one line per message due, with its step and due date. ${MANAGERS}${NEUTRALISED}`,
        params: storeParams,
        querystring: z.object({
          day: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
            .optional()
            .describe('The store-local day (default: today)'),
          step: z.enum(LIFECYCLE_STEPS).optional().describe('One step (default: every step that is on)'),
        }),
        produces: ['text/csv'],
        response: { 200: csv, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const store = await storeOf(req.params.storeId);
      const now = clock.now();
      const day = req.query.day ?? storeDay(now, store.time_zone);
      if (!DateTime.fromISO(day, { zone: store.time_zone }).isValid)
        throw new DomainError('invalid_input', `"${day}" is not a calendar day.`);
      const step = req.query.step ?? null;
      return streamExport(req, reply, principal, {
        source: 'lifecycle',
        id: store.id,
        storeId: store.id,
        filename: `mail-merge-360-${store.id}-${day}${step ? `-${step}` : ''}.csv`,
        rows: lifecycleRows(db, { store, day, step, now }),
        details: { day, step },
      });
    },
  );

  /**
   * Sends the file as a stream. Headers go out first, so a failure mid-file cannot become an error
   * response: it is logged and the connection is cut, which the browser shows as a failed
   * download rather than a file that looks whole. A client that goes away stops the reading. The
   * audit row is written once the end is known, with the rows sent and whether the file finished.
   */
  function streamExport(req: FastifyRequest, reply: FastifyReply, principal: Principal, e: Export) {
    const out = new PassThrough();
    const stop = new AbortController();
    // The response closes when it is done or the client left; only the latter finds the file unfinished.
    reply.raw.on('close', () => {
      if (!out.writableEnded) stop.abort();
    });
    const counted = { rows: 0 };
    const audit = (completed: boolean) =>
      db
        .insertInto('audit_log')
        .values({
          store_id: e.storeId,
          user_id: principal.user.id,
          action: 'export.mail_merge',
          subject_type: SUBJECT[e.source],
          subject_id: e.id,
          details: JSON.stringify({ source: e.source, id: e.id, rows: counted.rows, completed, ...e.details }),
        })
        .execute();
    writeCsv(mailMergeColumns(e.source), counting(e.rows, counted), out, { bom: true, signal: stop.signal })
      .then(
        () => audit(true),
        async (err: unknown) => {
          req.log.error({ err, source: e.source, id: e.id, rows: counted.rows }, 'mail-merge export stopped');
          await audit(false);
        },
      )
      .catch((err: unknown) => req.log.error({ err }, 'mail-merge export: audit row not written'));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${e.filename}"`)
      .header('cache-control', 'no-store')
      .send(out);
  }
}

const SUBJECT: Record<MailMergeSource, string> = {
  saved_query: 'saved_query',
  batch: 'batch_schedule',
  lifecycle: 'store',
};

async function* counting(pages: AsyncIterable<MailMergeRow[]>, counted: { rows: number }) {
  for await (const page of pages) {
    counted.rows += page.length;
    yield page;
  }
}
