import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { BatchSchedule, Database } from '../db/schema.ts';
import { principalOf } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import {
  BATCH_CONTACT_STATUSES,
  computeRoi,
  dayRange,
  daysOf,
  MAX_RANGE_DAYS,
  parseStatusList,
  type DayRange,
} from './batch-roi.rules.ts';
import { loadRoiFacts } from './batch-roi.store.ts';
import { findSchedule } from './batch-schedules.store.ts';
import { countByDayAndStatus, countByStatus, listContacts } from './batch-status.store.ts';

const scheduleParams = z.object({ scheduleId: z.coerce.number().int().positive() });
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .optional();
// Everything optional: ranges and statuses are checked after the schedule is found, so another
// store's schedule answers 404 whatever the query says.
const rangeQuery = z.object({
  from: isoDay.describe('First store-local day (default: 29 days before `to`)'),
  to: isoDay.describe(`Last store-local day, inclusive (default: today); at most ${MAX_RANGE_DAYS} days after from`),
});
const statusList = (what: string) =>
  z
    .string()
    .max(500)
    .optional()
    .describe(`Comma-separated statuses to ${what}: ${BATCH_CONTACT_STATUSES.join(', ')}`);
const contactsQuery = rangeQuery.extend({
  include: statusList('keep (default: all)'),
  exclude: statusList('leave out'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

const statusEnum = z.enum(BATCH_CONTACT_STATUSES);
const statusCounts = z.partialRecord(statusEnum, z.number().int());
const rangeSchema = z.object({ from: z.string(), to: z.string(), timeZone: z.string() });
const contactSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerNumber: z.string(),
  customerName: z.string(),
  status: statusEnum,
  date: z.string().describe('When the run took the customer (contacted_at)'),
  branchName: z.string(),
  contactId: z.number().nullable().describe('The outbox message; null when held out or not enqueued'),
  runId: z.number(),
});
const group = {
  contacts: z.number().int(),
  responded: z.number().int(),
  responseRate: z.number().nullable().describe('responded / contacts (0–1); null for an empty group'),
  outcomes: z.number().int().describe('Repair orders (service) or deals (sales) credited to the group'),
  revenue: z
    .number()
    .nullable()
    .describe('Service: labour + parts of the credited repair orders. Sales: always null, deals carry no amount'),
};
const roiSchema = z.object({
  range: rangeSchema,
  roiType: z.enum(['service', 'sales']),
  windowDays: z.number().int(),
  contacted: z.object({
    ...group,
    sent: z.number().int().describe('Messages handed to the provider: status sent, delivered, bounced or complained'),
    delivered: z.number().int().describe('Status delivered or complained'),
    bounced: z.number().int(),
    optedOut: z
      .number()
      .int()
      .describe(
        "Message status 'complained', or a consent withdrawal (granted = false) for the contact's channel after the contact and within the window",
      ),
  }),
  control: z.object(group).describe('Held-out customers (never messaged), credited the same way'),
  liftPoints: z
    .number()
    .nullable()
    .describe('Contacted minus control response rate, in percentage points; null when either group is empty'),
});

const ROI_DESCRIPTION = [
  'Per batch schedule (a campaign is a schedule that runs once) over store-local days of contact.',
  'A contact responded when a repair order (roiType service: a visit of the customer) or a deal (sales) is dated after',
  'the contact’s store-local day and at most windowDays (the schedule’s roi_window_days) later; each repair order or',
  'deal is credited once, to the latest contact of this schedule whose window holds it.',
  'Opted out: the message was marked complained, or the customer withdrew consent for the contact’s channel',
  '(consent_events.granted = false) after the contact and within the window.',
  'The contacted group is every contact not held out, whatever became of its message; the control group is the held-out one.',
].join(' ');

/** Batch Contact Status (the grid and chart of what became of each contact) and the ROI report. */
export function batchStatusRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  /** The schedule (404 for other stores'), its store's zone, and the validated day range. */
  async function scopeOf(
    req: { params: { scheduleId: number }; query: { from?: string | undefined; to?: string | undefined } },
    storeIds: readonly number[],
  ): Promise<{ schedule: BatchSchedule; timeZone: string; range: DayRange }> {
    const schedule = await findSchedule(db, req.params.scheduleId, storeIds);
    if (!schedule) throw notFound('Batch schedule');
    const store = await db
      .selectFrom('stores')
      .select('time_zone')
      .where('id', '=', schedule.store_id)
      .executeTakeFirstOrThrow();
    const range = dayRange(req.query, clock.now(), store.time_zone);
    if (!range.ok) throw new DomainError('invalid_input', range.message);
    return { schedule, timeZone: store.time_zone, range: range.range };
  }

  r.get(
    '/api/batch-schedules/:scheduleId/contacts',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Batch Contact Status: the customers the schedule took in a range of days, newest first, by status',
        description:
          "A contact's status is held_out for the control group, not_enqueued when no message was queued, else its message's status. `statuses` counts every status in the range, before include/exclude.",
        params: scheduleParams,
        querystring: contactsQuery,
        response: {
          200: z.object({
            range: rangeSchema,
            rows: z.array(contactSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            statuses: statusCounts,
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { schedule, timeZone, range } = await scopeOf(req, principalOf(req).storeIds);
      const include = parseStatusList('include', req.query.include);
      const exclude = parseStatusList('exclude', req.query.exclude);
      for (const list of [include, exclude]) if (!list.ok) throw new DomainError('invalid_input', list.message);
      const filter = {
        include: include.ok ? include.statuses : undefined,
        exclude: exclude.ok ? exclude.statuses : undefined,
      };
      const page = { page: req.query.page, pageSize: req.query.pageSize };
      const [list, statuses] = await Promise.all([
        listContacts(db, schedule, range, filter, page),
        countByStatus(db, schedule, range),
      ]);
      return {
        range: { from: range.from, to: range.to, timeZone },
        rows: list.rows.map((row) => ({ ...row, date: row.date.toISOString() })),
        total: list.total,
        ...page,
        statuses,
      };
    },
  );

  r.get(
    '/api/batch-schedules/:scheduleId/status-series',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Batch Contact Status over time: contacts per store-local day and status (every day of the range)',
        params: scheduleParams,
        querystring: rangeQuery,
        response: {
          200: z.object({
            range: rangeSchema,
            days: z.array(z.object({ date: z.string(), counts: statusCounts })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { schedule, timeZone, range } = await scopeOf(req, principalOf(req).storeIds);
      const points = await countByDayAndStatus(db, schedule, range, timeZone);
      const byDay = new Map<string, Partial<Record<string, number>>>();
      for (const p of points) byDay.set(p.day, { ...byDay.get(p.day), [p.status]: p.n });
      return {
        range: { from: range.from, to: range.to, timeZone },
        days: daysOf(range).map((date) => ({ date, counts: byDay.get(date) ?? {} })),
      };
    },
  );

  r.get(
    '/api/batch-schedules/:scheduleId/roi',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'ROI of a batch schedule or campaign: sent, delivered, bounced, opted out, responded, revenue and lift',
        description: ROI_DESCRIPTION,
        params: scheduleParams,
        querystring: rangeQuery,
        response: { 200: roiSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { schedule, timeZone, range } = await scopeOf(req, principalOf(req).storeIds);
      const facts = await loadRoiFacts(db, schedule, range, timeZone);
      const figures = computeRoi({
        ...facts,
        windowDays: schedule.roi_window_days,
        roiType: schedule.roi_type,
        zone: timeZone,
      });
      return {
        range: { from: range.from, to: range.to, timeZone },
        roiType: schedule.roi_type,
        windowDays: schedule.roi_window_days,
        ...figures,
      };
    },
  );
}
