import { z } from 'zod';
import type { Template, TemplateVersion } from '../db/schema.ts';
import type { SavedTemplate } from './templates.service.ts';

// The templates API's request and response shapes, and the presenters that fill them.

export const CHANNELS = ['email', 'sms', 'voice', 'letter', 'postcard'] as const;
export const LANGUAGES = ['en', 'fr'] as const;
export const PURPOSES = ['marketing', 'service'] as const;

const contactType = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, 'use lower-case letters, digits and "_" (e.g. "maintenance", "no_show")');

export const templateInput = z.object({
  channel: z.enum(CHANNELS),
  contactType,
  language: z.enum(LANGUAGES),
  purpose: z.enum(PURPOSES),
  name: z.string().trim().min(1).max(120),
  subject: z.string().max(250).nullable().optional(),
  body: z.string().min(1).max(200_000),
  active: z.boolean().optional(),
});

export const draftBody = z.object({
  channel: z.enum(CHANNELS),
  language: z.enum(LANGUAGES),
  purpose: z.enum(PURPOSES),
  subject: z.string().max(250).nullable().optional(),
  body: z.string().min(1).max(200_000),
  customerId: z.number().int().positive().nullable().optional(),
});
export type DraftBody = z.infer<typeof draftBody>;

export const templateSummary = z.object({
  id: z.number(),
  storeId: z.number(),
  channel: z.enum(CHANNELS),
  contactType: z.string(),
  language: z.enum(LANGUAGES),
  purpose: z.enum(PURPOSES),
  name: z.string(),
  active: z.boolean(),
  currentVersion: z.number(),
  isDefault: z.boolean(),
  updatedAt: z.string(),
});

export const versionSchema = z.object({
  templateId: z.number(),
  version: z.number(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
});

export const templateDetail = templateSummary.extend({
  subject: z.string().nullable(),
  body: z.string(),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string(), createdBy: z.number().nullable() })),
});

const smsFigures = z.object({ encoding: z.enum(['GSM-7', 'UCS-2']), characters: z.number(), segments: z.number() });
const conversion = z.object({
  field: z.enum(['subject', 'body']),
  seed: z.string(),
  liquid: z.string(),
  line: z.number(),
  column: z.number(),
});
const removal = z.object({ kind: z.string(), name: z.string(), count: z.number() });

export const savedResponse = templateDetail.omit({ versions: true }).extend({
  newVersion: z.boolean(),
  converted: z.array(conversion),
  removed: z.array(removal),
  sms: smsFigures.nullable(),
});

export const previewResponse = z.object({
  channel: z.enum(CHANNELS),
  customer: z.object({ id: z.number().nullable(), label: z.string() }),
  subject: z.string().nullable(),
  html: z.string().nullable(),
  text: z.string().nullable(),
  sms: smsFigures.nullable(),
  pdfUrl: z.string().nullable(),
  converted: z.array(conversion).optional(),
  removed: z.array(removal).optional(),
});

export function presentTemplate(t: Template): z.infer<typeof templateSummary> {
  return {
    id: t.id,
    storeId: t.store_id,
    channel: t.channel,
    contactType: t.contact_type,
    language: t.language,
    purpose: t.purpose,
    name: t.name,
    active: t.active,
    currentVersion: t.current_version,
    isDefault: t.default_key !== null,
    updatedAt: t.updated_at.toISOString(),
  };
}

export function presentVersion(v: TemplateVersion): z.infer<typeof versionSchema> {
  return {
    templateId: v.template_id,
    version: v.version,
    subject: v.subject,
    body: v.body,
    createdAt: v.created_at.toISOString(),
    createdBy: v.created_by,
  };
}

export function presentSaved(s: SavedTemplate): z.infer<typeof savedResponse> {
  return {
    ...presentTemplate(s.template),
    subject: s.version.subject,
    body: s.version.body,
    newVersion: s.newVersion,
    converted: s.check.converted,
    removed: s.check.removed,
    sms: s.check.sms,
  };
}
