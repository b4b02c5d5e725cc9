import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { principalOf } from '../../http/principal.ts';
import { errorResponses } from '../../http/schemas.ts';
import { notFound } from '../../shared/errors.ts';

const reportSchema = z.object({
  runId: z.number(),
  scheduleId: z.number(),
  drops: z.number().describe('Voice messages of the job'),
  firstDropAt: z.string().nullable(),
  lastResultAt: z.string().nullable(),
  /** From the first drop sent to the last result received: the time the job took. */
  durationMs: z.number().nullable(),
  byStatus: z
    .record(z.string(), z.number())
    .describe('delivered, busy, unavailable, impossible, failed (results); in_progress, waiting, skipped'),
  newlyBlocked: z
    .array(
      z.object({
        number: z.string(),
        line: z.string(),
        forever: z.boolean(),
        until: z.string().nullable(),
      }),
    )
    .describe('Numbers this job’s results blocked'),
});

/** The voice drop report of a batch or campaign run ("the exact time the job took"). */
export function voiceReportRoutes(app: FastifyInstance, deps: { db: Kysely<Database> }) {
  const { db } = deps;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/batch-runs/:runId/voice-report',
    {
      schema: {
        tags: ['voice'],
        summary:
          'A voice-drop job’s report: the time from its first drop to its last result, the count per result and the numbers its results blocked',
        params: z.object({ runId: z.coerce.number().int().positive() }),
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (req) => {
      const storeIds = principalOf(req).storeIds;
      const run = storeIds.length
        ? await db
            .selectFrom('batch_runs')
            .select(['id', 'store_id', 'schedule_id'])
            .where('id', '=', req.params.runId)
            .where('store_id', 'in', storeIds)
            .executeTakeFirst()
        : undefined;
      if (!run) throw notFound('Batch run');
      const ref = `run:${run.id}`;
      const [job, counts, blocked] = await Promise.all([
        db
          .selectFrom('voice_jobs')
          .select(['first_drop_at', 'last_result_at'])
          .where('store_id', '=', run.store_id)
          .where('source_ref', '=', ref)
          .executeTakeFirst(),
        sql<{ state: string; n: number }>`
          select case
              when status = 'delivered' then 'delivered'
              when status = 'failed' then coalesce(status_reason, 'failed')
              when status in ('sent', 'sending') then 'in_progress'
              when status in ('queued', 'deferred') then 'waiting'
              else status end as state,
            count(*)::int as n
          from outbox_messages
          where store_id = ${run.store_id} and source_ref = ${ref} and channel = 'voice'
          group by 1`.execute(db),
        // A number counts as blocked by this job when it is blocked now and one of this job's
        // results is among the events that blocked it (recorded while the job ran).
        sql<{ address: string; line: string; blocked_forever: boolean; blocked_until: Date | null }>`
          select distinct on (s.address) s.address, e.line, s.blocked_forever, s.blocked_until
          from outbox_messages m
          join reachability_state s on s.store_id = m.store_id and s.address = m.target
          join reachability_events e on e.store_id = m.store_id and e.address = m.target
            and e.source in ('voice_batch', 'voice_campaign') and e.outcome <> 'delivered'
            and e.occurred_at between m.sent_at and coalesce(m.finished_at, m.sent_at) + interval '1 minute'
          where m.store_id = ${run.store_id} and m.source_ref = ${ref} and m.channel = 'voice'
            and m.status = 'failed' and (s.blocked_forever or s.blocked_until > m.finished_at)
          order by s.address, e.occurred_at desc`.execute(db),
      ]);
      const byStatus = Object.fromEntries(counts.rows.map((r) => [r.state, Number(r.n)]));
      const first = job?.first_drop_at ?? null;
      const last = job?.last_result_at ?? null;
      return {
        runId: run.id,
        scheduleId: run.schedule_id,
        drops: counts.rows.reduce((s, r) => s + Number(r.n), 0),
        firstDropAt: first?.toISOString() ?? null,
        lastResultAt: last?.toISOString() ?? null,
        durationMs: first && last ? last.getTime() - first.getTime() : null,
        byStatus,
        newlyBlocked: blocked.rows.map((b) => ({
          number: b.address,
          line: b.line,
          forever: b.blocked_forever,
          until: b.blocked_forever ? null : (b.blocked_until?.toISOString() ?? null),
        })),
      };
    },
  );
}
