import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCustomer } from '../customers/customers.store.ts';
import type { Database } from '../db/schema.ts';
import { principalOf, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { notFound } from '../shared/errors.ts';
import { listHistory, listStoreMessages, loadMessage, type HistoryRow } from './history.store.ts';
import { approvedSenders } from './send.service.ts';
import { storeSenderIdentities } from '../channels/channel-settings.service.ts';
import type { SendService } from './send.service.ts';

const STATUSES = [
  'queued',
  'deferred',
  'sending',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'complained',
  'skipped',
  'cancelled',
] as const;
const CHANNELS = ['email', 'sms', 'voice', 'letter', 'postcard'] as const;

const historyItem = z.object({
  id: z.number(),
  channel: z.enum(CHANNELS),
  purpose: z.enum(['marketing', 'service']),
  contactType: z.string().nullable(),
  source: z.string(),
  sentBy: z.string(),
  status: z.enum(STATUSES),
  statusReason: z.string().nullable(),
  statusDetail: z.string().nullable(),
  target: z.string().nullable(),
  subject: z.string().nullable(),
  preview: z.string().nullable(),
  attempts: z.number(),
  templateVersionId: z.number().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
});

const SOURCE_LABEL: Record<string, string> = { automation: 'Automation', voice_drop: 'Voice Drop' };

function presentItem(r: HistoryRow & { body_text: string | null }): z.infer<typeof historyItem> {
  const waiting = r.status === 'queued' || r.status === 'deferred';
  return {
    id: r.id,
    channel: r.channel,
    purpose: r.purpose,
    contactType: r.contact_type,
    source: r.source_kind,
    // The seeds' contact history names machine drops "Voice Drop".
    sentBy: r.user_name ?? (r.channel === 'voice' ? 'Voice Drop' : (SOURCE_LABEL[r.source_kind] ?? 'Automation')),
    status: r.status,
    statusReason: r.status_reason,
    statusDetail: r.status_detail,
    target: r.target,
    subject: r.subject,
    preview: r.body_text ? r.body_text.slice(0, 160) : null,
    attempts: r.attempts,
    templateVersionId: r.template_version_id,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    dueAt: waiting ? r.due_at.toISOString() : null,
  };
}

/** Contact history and single sends from the profile. */
export function messagesRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; send: SendService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const customerParams = z.object({ customerId: z.coerce.number().int().positive() });
  const errors = errorResponses;

  r.get(
    '/api/customers/:customerId/history',
    {
      schema: {
        tags: ['delivery'],
        summary: 'The customer’s contact history, newest first: every message, its status and who sent it',
        params: customerParams,
        querystring: z.object({
          channel: z.enum(CHANNELS).optional(),
          status: z.enum(STATUSES).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(historyItem), nextBefore: z.number().nullable() }), ...errors },
      },
    },
    async (req) => {
      const customer = await findCustomer(deps.db, principalOf(req).storeIds, req.params.customerId);
      if (!customer) throw notFound('Customer');
      const rows = await listHistory(deps.db, customer.id, customer.store_id, req.query);
      const last = rows.at(-1);
      return { items: rows.map(presentItem), nextBefore: rows.length === req.query.limit && last ? last.id : null };
    },
  );

  r.get(
    '/api/customers/:customerId/replies',
    {
      schema: {
        tags: ['delivery'],
        summary: 'What the customer sent us (texts: replies, STOP, START, HELP), newest first',
        params: customerParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                channel: z.enum(['sms', 'email']),
                from: z.string(),
                to: z.string(),
                body: z.string(),
                keyword: z.enum(['stop', 'start', 'help', 'message']),
                receivedAt: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const customer = await findCustomer(deps.db, principalOf(req).storeIds, req.params.customerId);
      if (!customer) throw notFound('Customer');
      const rows = await deps.db
        .selectFrom('inbound_messages')
        .selectAll()
        .where('customer_id', '=', customer.id)
        .where('store_id', '=', customer.store_id)
        .orderBy('id', 'desc')
        .limit(req.query.limit)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          from: r.from_address,
          to: r.to_address,
          body: r.body,
          keyword: r.keyword,
          receivedAt: r.received_at.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/messages/:messageId',
    {
      schema: {
        tags: ['delivery'],
        summary: 'One message as it was sent (rendered content) with every attempt and result',
        params: z.object({ messageId: z.coerce.number().int().positive() }),
        response: {
          200: historyItem.extend({
            customerId: z.number().nullable(),
            sender: z.string().nullable(),
            cc: z.array(z.string()),
            bcc: z.array(z.string()),
            html: z.string().nullable(),
            text: z.string().nullable(),
            provider: z.string().nullable(),
            providerMessageId: z.string().nullable(),
            events: z.array(z.object({ status: z.string(), detail: z.string().nullable(), at: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const found = await loadMessage(deps.db, req.params.messageId, principalOf(req).storeIds);
      if (!found) throw notFound('Message');
      const m = found.message;
      return {
        ...presentItem(m),
        customerId: m.customer_id,
        sender: m.sender,
        cc: m.cc,
        bcc: m.bcc,
        html: m.body_html,
        text: m.body_text,
        provider: m.provider,
        providerMessageId: m.provider_message_id,
        events: found.events.map((e) => ({ status: e.status, detail: e.detail, at: e.occurred_at.toISOString() })),
      };
    },
  );

  r.get(
    '/api/stores/:storeId/messages',
    {
      schema: {
        tags: ['delivery'],
        summary: 'The store’s messages, newest first (the Outbox screen): status, customer, channel and provider',
        params: z.object({ storeId: z.coerce.number().int().positive() }),
        querystring: z.object({
          channel: z.enum(CHANNELS).optional(),
          status: z.enum(STATUSES).optional(),
          provider: z.string().max(40).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              historyItem.extend({
                customerId: z.number().nullable(),
                customerName: z.string().nullable(),
                provider: z.string().nullable(),
              }),
            ),
            nextBefore: z.number().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const rows = await listStoreMessages(deps.db, req.params.storeId, req.query);
      const last = rows.at(-1);
      return {
        items: rows.map((m) => ({
          ...presentItem(m),
          customerId: m.customer_id,
          customerName:
            m.customer_name ?? ([m.customer_first_name, m.customer_last_name].filter(Boolean).join(' ') || null),
          provider: m.provider,
        })),
        nextBefore: rows.length === req.query.limit && last ? last.id : null,
      };
    },
  );

  r.get(
    '/api/customers/:customerId/send-options',
    {
      schema: {
        tags: ['delivery'],
        summary:
          'What a send from the profile can use: the customer’s own addresses and numbers, and the From addresses the user may pick',
        params: customerParams,
        response: {
          200: z.object({
            targets: z.object({ email: z.array(z.string()), sms: z.array(z.string()) }),
            /** E-mail From addresses the user may pick. */
            senders: z.array(z.string()),
            /** Texting numbers or sender ids of the store (the first is the default). */
            smsSenders: z.array(z.string()),
            language: z.enum(['en', 'fr']),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const customer = await findCustomer(deps.db, p.storeIds, req.params.customerId);
      if (!customer) throw notFound('Customer');
      const store = p.stores.find((s) => s.id === customer.store_id);
      const identities = await storeSenderIdentities(deps.db, customer.store_id);
      return {
        targets: {
          email: customer.email ? [customer.email] : [],
          sms: customer.cell_phone ? [customer.cell_phone] : [],
        },
        senders: approvedSenders({ email: store?.email ?? null }, { email: p.user.email }, identities.emailFrom),
        smsSenders: identities.smsSenders,
        language: customer.language && /^fr/i.test(customer.language) ? ('fr' as const) : ('en' as const),
      };
    },
  );

  r.post(
    '/api/customers/:customerId/messages',
    {
      schema: {
        tags: ['delivery'],
        summary:
          'Send one e-mail or text to the customer (from a template or free text). Checked against eligibility first: a refusal is a 422 with the reasons. Repeating the same requestKey sends once',
        params: customerParams,
        body: z.object({
          purpose: z.enum(['marketing', 'service']),
          channel: z.enum(['email', 'sms']),
          templateId: z.number().int().positive().nullable().optional(),
          subject: z.string().max(250).nullable().optional(),
          body: z.string().max(200_000).nullable().optional(),
          target: z.string().max(320).nullable().optional(),
          cc: z.array(z.email()).max(10).optional(),
          bcc: z.array(z.email()).max(10).optional(),
          bccSelf: z.boolean().optional(),
          sender: z.string().max(320).nullable().optional(),
          requestKey: z.string().min(8).max(100),
        }),
        response: { 201: historyItem, 200: historyItem, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const { message, created } = await deps.send.send(
        { ...req.body, customerId: req.params.customerId },
        { userId: principal.user.id, storeIds: principal.storeIds, email: principal.user.email },
      );
      return reply.status(created ? 201 : 200).send(presentItem({ ...message, user_name: principal.user.name }));
    },
  );
}
