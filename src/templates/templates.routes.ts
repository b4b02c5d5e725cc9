import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Store } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses, errorSchema } from '../http/schemas.ts';
import { notFound } from '../shared/errors.ts';
import { MERGE_TAGS } from './merge-tags.catalogue.ts';
import type { PreviewService } from './preview.service.ts';
import type { TemplatesService } from './templates.service.ts';
import { findTemplate, listTemplates, listVersions } from './templates.store.ts';
import {
  draftBody,
  presentSaved,
  presentTemplate,
  presentVersion,
  previewResponse,
  savedResponse,
  templateInput,
  templateSummary,
  templateDetail,
  versionSchema,
  CHANNELS,
  LANGUAGES,
} from './templates.schemas.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const templateParams = z.object({ templateId: z.coerce.number().int().positive() });
const errors = errorResponses;

/** Templates: list, read, create, edit (each content change is a new version), preview, PDF, merge tags. */
export function templatesRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; templates: TemplatesService; previews: PreviewService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  const storeOf = (id: number): Promise<Store> =>
    db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  const loadTemplate = async (storeIds: number[], id: number, version?: number) => {
    const t = await findTemplate(db, id, storeIds, version);
    if (!t) throw notFound(version === undefined ? 'Template' : 'Template version');
    return t;
  };

  r.get(
    '/api/merge-tags',
    {
      schema: {
        tags: ['templates'],
        summary: 'The merge-tag catalogue: what templates may use, with labels, samples and seed-style aliases',
        response: {
          200: z.object({
            tags: z.array(
              z.object({
                path: z.string(),
                group: z.string(),
                type: z.string(),
                label: z.object({ en: z.string(), fr: z.string() }),
                insert: z.string(),
                sample: z.union([z.string(), z.array(z.string())]),
                aliases: z.array(z.string()),
              }),
            ),
          }),
          401: errorSchema,
        },
      },
    },
    async (req) => {
      principalOf(req);
      return {
        tags: MERGE_TAGS.map((t) => ({
          path: t.path,
          group: t.group,
          type: t.type,
          label: { ...t.label },
          insert: t.insert,
          sample: typeof t.sample === 'string' ? t.sample : [...t.sample],
          aliases: t.aliases.map((a) => a.seed),
        })),
      };
    },
  );

  r.get(
    '/api/stores/:storeId/templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'A store’s templates, filtered by channel, contact type, language or active flag',
        params: storeParams,
        querystring: z.object({
          channel: z.enum(CHANNELS).optional(),
          contactType: z.string().optional(),
          language: z.enum(LANGUAGES).optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ templates: z.array(templateSummary) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const q = req.query;
      const rows = await listTemplates(db, req.params.storeId, {
        channel: q.channel,
        contactType: q.contactType,
        language: q.language,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return { templates: rows.map(presentTemplate) };
    },
  );

  r.post(
    '/api/stores/:storeId/templates',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Create a template (managers and administrators). Seed-style tags are converted; an unknown tag or a syntax error is a 422 naming it with its line and column; HTML is sanitised and what was removed is listed',
        params: storeParams,
        body: templateInput,
        response: { 201: savedResponse, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const saved = await deps.templates.create(req.params.storeId, req.body, { userId: principal.user.id });
      return reply.status(201).send(presentSaved(saved));
    },
  );

  r.get(
    '/api/templates/:templateId',
    {
      schema: {
        tags: ['templates'],
        summary: 'A template with its current version and the list of its versions',
        params: templateParams,
        response: { 200: templateDetail, ...errors },
      },
    },
    async (req) => {
      const t = await loadTemplate(principalOf(req).storeIds, req.params.templateId);
      const versions = await listVersions(db, t.template.id);
      return {
        ...presentTemplate(t.template),
        subject: t.version.subject,
        body: t.version.body,
        versions: versions.map((v) => ({
          version: v.version,
          createdAt: v.created_at.toISOString(),
          createdBy: v.created_by,
        })),
      };
    },
  );

  r.get(
    '/api/templates/:templateId/versions/:version',
    {
      schema: {
        tags: ['templates'],
        summary: 'One version of a template exactly as it was saved (what a send of that version used)',
        params: templateParams.extend({ version: z.coerce.number().int().positive() }),
        response: { 200: versionSchema, ...errors },
      },
    },
    async (req) => {
      const t = await loadTemplate(principalOf(req).storeIds, req.params.templateId, req.params.version);
      return presentVersion(t.version);
    },
  );

  r.patch(
    '/api/templates/:templateId',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Edit a template (managers and administrators). A change of subject or body appends a new version; earlier versions never change',
        params: templateParams,
        body: templateInput.omit({ channel: true }).partial().strict(),
        response: { 200: savedResponse, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      await loadTemplate(principal.storeIds, req.params.templateId);
      requireRole(principal, 'admin', 'manager');
      const saved = await deps.templates.update(req.params.templateId, principal.storeIds, req.body, {
        userId: principal.user.id,
      });
      return presentSaved(saved);
    },
  );

  const previewQuery = z.object({
    customerId: z.coerce.number().int().positive().optional(),
    version: z.coerce.number().int().positive().optional(),
  });

  r.post(
    '/api/templates/:templateId/preview',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Render a saved template for a customer of its store (or the sample customer): subject, HTML, text, SMS figures, or a PDF link for letters and postcards',
        params: templateParams,
        body: previewQuery,
        response: { 200: previewResponse, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const t = await loadTemplate(principal.storeIds, req.params.templateId, req.body.version);
      const store = await storeOf(t.template.store_id);
      const { subject, message } = await deps.previews.render(
        store,
        { ...t.template, subject: t.version.subject, body: t.version.body },
        req.body.customerId ?? null,
      );
      const pdf =
        message.channel === 'letter' || message.channel === 'postcard'
          ? `/api/templates/${t.template.id}/preview.pdf?version=${t.version.version}` +
            (subject.customerId === null ? '' : `&customerId=${subject.customerId}`)
          : null;
      return { ...message, customer: { id: subject.customerId, label: subject.label }, pdfUrl: pdf };
    },
  );

  r.get(
    '/api/templates/:templateId/preview.pdf',
    {
      schema: {
        tags: ['templates'],
        summary: 'A letter or postcard template rendered to print-ready PDF for a customer (or the sample customer)',
        params: templateParams,
        querystring: previewQuery,
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const t = await loadTemplate(principal.storeIds, req.params.templateId, req.query.version);
      const store = await storeOf(t.template.store_id);
      const pdf = await deps.previews.pdf(
        store,
        { ...t.template, subject: t.version.subject, body: t.version.body },
        req.query.customerId ?? null,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="template-${t.template.id}-v${t.version.version}.pdf"`)
        .send(pdf);
    },
  );

  r.post(
    '/api/stores/:storeId/templates/preview',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Render an unsaved draft for a customer (or the sample customer); the draft is checked as a save would check it',
        params: storeParams,
        body: draftBody,
        response: { 200: previewResponse, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      const store = await storeOf(req.params.storeId);
      const { checked, source } = deps.templates.checkDraft(req.body);
      const { subject, message } = await deps.previews.render(store, source, req.body.customerId ?? null);
      return {
        ...message,
        customer: { id: subject.customerId, label: subject.label },
        pdfUrl: null,
        converted: checked.converted,
        removed: checked.removed,
      };
    },
  );

  r.post(
    '/api/stores/:storeId/templates/preview.pdf',
    {
      schema: {
        tags: ['templates'],
        summary: 'An unsaved letter or postcard draft rendered to PDF',
        params: storeParams,
        body: draftBody,
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      const store = await storeOf(req.params.storeId);
      const { source } = deps.templates.checkDraft(req.body);
      const pdf = await deps.previews.pdf(store, source, req.body.customerId ?? null);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="draft.pdf"').send(pdf);
    },
  );
}
