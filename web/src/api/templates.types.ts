/**
 * Mirrors of the templates API's zod schemas (src/templates/templates.schemas.ts and the merge-tag
 * route in src/templates/templates.routes.ts). /api/openapi.json is the reference when they disagree.
 */

export type TemplateChannel = 'email' | 'sms' | 'voice' | 'letter' | 'postcard';
export type TemplateLanguage = 'en' | 'fr';
export type TemplatePurpose = 'marketing' | 'service';

export const TEMPLATE_CHANNELS: readonly TemplateChannel[] = ['email', 'sms', 'voice', 'letter', 'postcard'];

export interface MergeTag {
  /** Liquid path, e.g. customer.mailing_name. */
  path: string;
  /** customer, vehicle, store, appointment, visit, salesperson, message. */
  group: string;
  type: string;
  label: { en: string; fr: string };
  /** What the picker inserts, e.g. `{{ appointment.date | date_long }}`. */
  insert: string;
  sample: string | string[];
  /** Seed-style tags that convert to it, e.g. `<Mailing Name>`. */
  aliases: string[];
}

export interface TemplateSummary {
  id: number;
  storeId: number;
  channel: TemplateChannel;
  contactType: string;
  language: TemplateLanguage;
  purpose: TemplatePurpose;
  name: string;
  active: boolean;
  currentVersion: number;
  /** One of Forecourt's shipped templates (the 360° letters), copied into the store. */
  isDefault: boolean;
  /** ISO timestamp */
  updatedAt: string;
}

export interface TemplateVersionRef {
  version: number;
  /** ISO timestamp */
  createdAt: string;
  /** User id; null for versions Forecourt created (the defaults). */
  createdBy: number | null;
}

export interface TemplateDetail extends TemplateSummary {
  subject: string | null;
  body: string;
  versions: TemplateVersionRef[];
}

export interface TemplateVersion {
  templateId: number;
  version: number;
  subject: string | null;
  body: string;
  createdAt: string;
  createdBy: number | null;
}

export interface SmsFigures {
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
  segments: number;
}

/** A seed-style tag the server turned into Liquid. */
export interface TagConversion {
  field: 'subject' | 'body';
  seed: string;
  liquid: string;
  line: number;
  column: number;
}

/** What HTML sanitising took out: kind element | attribute | url | css. */
export interface RemovedItem {
  kind: string;
  name: string;
  count: number;
}

/** What POST /templates and PATCH /templates/:id answer. */
export interface SavedTemplate extends Omit<TemplateDetail, 'versions'> {
  /** False when only the name, contact type, language, purpose or active flag changed. */
  newVersion: boolean;
  converted: TagConversion[];
  removed: RemovedItem[];
  sms: SmsFigures | null;
}

export interface TemplateInput {
  channel: TemplateChannel;
  contactType: string;
  language: TemplateLanguage;
  purpose: TemplatePurpose;
  name: string;
  subject?: string | null;
  body: string;
  active?: boolean;
}

export type TemplatePatch = Partial<Omit<TemplateInput, 'channel'>>;

/** An unsaved draft to preview. */
export interface TemplateDraft {
  channel: TemplateChannel;
  language: TemplateLanguage;
  purpose: TemplatePurpose;
  subject: string | null;
  body: string;
  customerId: number | null;
}

export interface TemplatePreview {
  channel: TemplateChannel;
  /** id null: the sample customer. */
  customer: { id: number | null; label: string };
  subject: string | null;
  /** E-mail: the whole document, CSS inlined. Letters and postcards: the body HTML. */
  html: string | null;
  /** E-mail: the plain-text part. Texts and voice scripts: what is sent or read. */
  text: string | null;
  sms: SmsFigures | null;
  /** Saved letters and postcards: where the PDF is. */
  pdfUrl: string | null;
  converted?: TagConversion[];
  removed?: RemovedItem[];
}

export interface TemplateFilters {
  channel?: TemplateChannel | undefined;
  language?: TemplateLanguage | undefined;
  /** true: active templates only (what a send can use). */
  active?: boolean | undefined;
}
