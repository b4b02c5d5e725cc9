import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { hasAudience } from '../campaigns/audiences.sql.ts';
import { displayName } from '../customers/customers.presenter.ts';
import type { Database } from '../db/schema.ts';
import { principalOf, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { DateTime } from 'luxon';
import { bestNumber } from './call-list.rules.ts';
import { productivity } from './productivity.store.ts';
import type { CallListService } from './call-list.service.ts';
import type { CallResultsService } from './call-results.service.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const entryParams = z.object({ entryId: z.coerce.number().int().positive() });
const listKey = z
  .string()
  .min(1)
  .max(60)
  .describe('A contact type key (maintenance, confirm, no_show, deferred, unsold …) or query:<saved query id>');
const errors = errorResponses;

const summarySchema = z.object({
  listId: z.number(),
  listKey: z.string(),
  day: z.string(),
  purpose: z.enum(['marketing', 'service']),
  builtAt: z.date(),
  size: z.number(),
  open: z.number(),
});
const takenSchema = z.object({
  entryId: z.number(),
  listId: z.number(),
  customerId: z.number(),
  position: z.number(),
  lockUntil: z.date(),
  customerName: z.string(),
  /** The number to dial, as a tel: link; null when none is usable. */
  dial: z.object({ line: z.string(), number: z.string(), href: z.string() }).nullable(),
});
const resultSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  agentUserId: z.number(),
  recycleCode: z.string(),
  productive: z.boolean(),
  note: z.string().nullable(),
  phone: z.string().nullable(),
  appointmentId: z.number().nullable(),
  createdAt: z.date(),
});

/** Call Select: the day's lists, next customer, release, log a result; a customer's call results. */
export function callListRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; calls: CallListService; results: CallResultsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, calls, results } = deps;

  const storeOf = (id: number) => db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  r.get(
    '/api/stores/:storeId/call-lists',
    {
      schema: {
        tags: ['calls'],
        summary: 'The lists an agent can work: contact types with a built-in list, and saved queries',
        params: storeParams,
        response: {
          200: z.object({
            lists: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(['contact_type', 'query']) })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const [types, queries] = await Promise.all([
        db
          .selectFrom('contact_types')
          .select(['key', 'name'])
          .where('store_id', '=', req.params.storeId)
          .where('active', '=', true)
          .orderBy('name')
          .execute(),
        db
          .selectFrom('saved_queries')
          .select(['id', 'name'])
          .where('store_id', '=', req.params.storeId)
          .where('archived', '=', false)
          .orderBy('name')
          .execute(),
      ]);
      return {
        lists: [
          ...types
            .filter((t) => hasAudience(t.key))
            .map((t) => ({ key: t.key, name: t.name, kind: 'contact_type' as const })),
          ...queries.map((q) => ({ key: `query:${q.id}`, name: q.name, kind: 'query' as const })),
        ],
      };
    },
  );

  r.post(
    '/api/stores/:storeId/call-list/open',
    {
      schema: {
        tags: ['calls'],
        summary:
          'Today’s list for a contact type or saved query, built on its first use of the day: size and how many are left',
        params: storeParams,
        body: z.object({ list: listKey, purpose: z.enum(['marketing', 'service']).optional() }).strict(),
        response: { 200: summarySchema, ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return calls.open(await storeOf(req.params.storeId), req.body.list, req.body.purpose);
    },
  );

  r.post(
    '/api/stores/:storeId/call-list/next',
    {
      schema: {
        tags: ['calls'],
        summary:
          'Take the next customer (held for you for 10 minutes; nobody else gets them); the one you already hold if any; null when the list is done',
        params: storeParams,
        body: z.object({ list: listKey }).strict(),
        response: { 200: z.object({ entry: takenSchema.nullable() }), ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      const store = await storeOf(req.params.storeId);
      const taken = await calls.next(store, req.body.list, principal.user.id);
      if (!taken) return { entry: null };
      const c = await db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', taken.customerId)
        .executeTakeFirstOrThrow();
      const numbers = [c.cell_phone, c.home_phone, c.work_phone].filter((n): n is string => n !== null);
      const blocked = numbers.length
        ? await db
            .selectFrom('reachability_state')
            .select('address')
            .where('store_id', '=', store.id)
            .where('address', 'in', numbers)
            .where((eb) =>
              eb.or([
                eb('invalid', '=', true),
                eb('blocked_forever', '=', true),
                eb('blocked_until', '>', deps.clock.now()),
              ]),
            )
            .execute()
        : [];
      const dial = bestNumber({
        numbers: { cell_phone: c.cell_phone, home_phone: c.home_phone, work_phone: c.work_phone },
        on: { cell_phone: c.cell_phone_on, home_phone: c.home_phone_on, work_phone: c.work_phone_on },
        preferred: c.preferred_contact_method,
        blocked: new Set(blocked.map((b) => b.address)),
      });
      return {
        entry: {
          ...taken,
          customerName: displayName(c),
          dial: dial ? { ...dial, href: `tel:${dial.number}` } : null,
        },
      };
    },
  );

  r.post(
    '/api/call-list/entries/:entryId/release',
    {
      schema: {
        tags: ['calls'],
        summary: 'Give a customer you took back to the list without a result',
        params: entryParams,
        body: z.object({}).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const entry = await db
        .selectFrom('call_list_entries')
        .select('id')
        .where('id', '=', req.params.entryId)
        .where('store_id', 'in', principal.storeIds.length ? principal.storeIds : [-1])
        .executeTakeFirst();
      if (!entry) throw notFound('Call list entry');
      await calls.release(entry.id, principal.user.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/call-list/entries/:entryId/result',
    {
      schema: {
        tags: ['calls'],
        summary:
          'Log what came of the call: recycle code, note, the number dialled, an appointment booked; 409 for a customer you have not taken or already logged, 422 for an unknown code',
        params: entryParams,
        body: z
          .object({
            recycleCodeId: z.number().int().positive(),
            note: z.string().max(2000).optional(),
            phone: z.string().max(40).optional().describe('The number dialled (one of the customer’s)'),
            appointmentAt: z.iso.datetime({ offset: true }).optional().describe('When the booked appointment is'),
            confirmWrongNumber: z
              .boolean()
              .optional()
              .describe('Required true to log "wrong number": the number is marked invalid'),
          })
          .strict(),
        response: { 201: resultSchema, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const r = await results.log(
        req.params.entryId,
        { userId: principal.user.id, storeIds: principal.storeIds },
        {
          recycleCodeId: req.body.recycleCodeId,
          note: req.body.note,
          phone: req.body.phone,
          appointmentAt: req.body.appointmentAt ? new Date(req.body.appointmentAt) : null,
          confirmWrongNumber: req.body.confirmWrongNumber,
        },
      );
      return reply.status(201).send({
        id: r.id,
        customerId: r.customer_id,
        agentUserId: r.agent_user_id,
        recycleCode: r.recycle_code_key,
        productive: r.productive,
        note: r.note,
        phone: r.phone,
        appointmentId: r.appointment_id,
        createdAt: r.created_at,
      });
    },
  );

  r.get(
    '/api/stores/:storeId/productivity',
    {
      schema: {
        tags: ['calls'],
        summary:
          'Per agent and day: calls logged, productive contacts, appointments booked, texts answered and the median response time',
        params: storeParams,
        querystring: z.object({
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
            .optional(),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            rows: z.array(
              z.object({
                userId: z.number(),
                agentName: z.string(),
                day: z.string(),
                callsLogged: z.number(),
                productive: z.number(),
                appointmentsBooked: z.number(),
                textsAnswered: z.number(),
                medianResponseMinutes: z.number().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const store = await storeOf(req.params.storeId);
      const today = DateTime.fromJSDate(deps.clock.now(), { zone: store.time_zone });
      const to = req.query.to ?? today.toISODate() ?? '';
      const from = req.query.from ?? DateTime.fromISO(to).minus({ days: 13 }).toISODate() ?? '';
      if (from > to) throw new DomainError('invalid_input', `from (${from}) must not be after to (${to}).`);
      if (DateTime.fromISO(from).plus({ days: 92 }).toISODate()! < to)
        throw new DomainError('invalid_input', 'Choose at most 92 days.');
      return { from, to, rows: await productivity(db, store, from, to) };
    },
  );

  r.get(
    '/api/customers/:customerId/call-results',
    {
      schema: {
        tags: ['calls'],
        summary: 'A customer’s logged calls, newest first, with the agent’s name and the recycle code',
        params: z.object({ customerId: z.coerce.number().int().positive() }),
        response: {
          200: z.object({
            calls: z.array(resultSchema.extend({ agentName: z.string(), recycleCodeName: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const customer = await db
        .selectFrom('customers')
        .select(['id'])
        .where('id', '=', req.params.customerId)
        .where('store_id', 'in', principal.storeIds.length ? principal.storeIds : [-1])
        .executeTakeFirst();
      if (!customer) throw notFound('Customer');
      const rows = await db
        .selectFrom('call_results as r')
        .innerJoin('users as u', 'u.id', 'r.agent_user_id')
        .innerJoin('recycle_codes as k', 'k.id', 'r.recycle_code_id')
        .selectAll('r')
        .select(['u.name as agent_name', 'k.name as code_name'])
        .where('r.customer_id', '=', customer.id)
        .orderBy('r.created_at', 'desc')
        .limit(200)
        .execute();
      return {
        calls: rows.map((x) => ({
          id: x.id,
          customerId: x.customer_id,
          agentUserId: x.agent_user_id,
          agentName: x.agent_name,
          recycleCode: x.recycle_code_key,
          recycleCodeName: x.code_name,
          productive: x.productive,
          note: x.note,
          phone: x.phone,
          appointmentId: x.appointment_id,
          createdAt: x.created_at,
        })),
      };
    },
  );
}
