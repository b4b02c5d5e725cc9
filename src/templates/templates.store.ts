import type { Kysely, Transaction } from 'kysely';
import type { Database, Template, TemplateChannel, TemplateVersion } from '../db/schema.ts';
import { DEFAULT_TEMPLATES, defaultKey } from './defaults/index.ts';
import type { Language } from './merge-tags.catalogue.ts';
import type { Purpose } from './template-draft.rules.ts';

export interface TemplateFilter {
  channel?: TemplateChannel | undefined;
  contactType?: string | undefined;
  language?: Language | undefined;
  active?: boolean | undefined;
}

export interface TemplateWithVersion {
  template: Template;
  version: TemplateVersion;
}

export interface NewTemplate {
  storeId: number;
  channel: TemplateChannel;
  contactType: string;
  language: Language;
  purpose: Purpose;
  name: string;
  active?: boolean;
  defaultKey?: string | null;
  subject: string | null;
  body: string;
  createdBy: number | null;
}

export function listTemplates(db: Kysely<Database>, storeId: number, f: TemplateFilter): Promise<Template[]> {
  let q = db.selectFrom('templates').selectAll().where('store_id', '=', storeId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.contactType) q = q.where('contact_type', '=', f.contactType);
  if (f.language) q = q.where('language', '=', f.language);
  if (f.active !== undefined) q = q.where('active', '=', f.active);
  return q.orderBy('channel').orderBy('name').execute();
}

/** A template in one of `storeIds`, with its current version (or `version` when given). */
export async function findTemplate(
  db: Kysely<Database>,
  id: number,
  storeIds: readonly number[],
  version?: number,
): Promise<TemplateWithVersion | undefined> {
  if (storeIds.length === 0) return undefined;
  const template = await db
    .selectFrom('templates')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', 'in', storeIds)
    .executeTakeFirst();
  if (!template) return undefined;
  const v = await db
    .selectFrom('template_versions')
    .selectAll()
    .where('template_id', '=', id)
    .where('version', '=', version ?? template.current_version)
    .executeTakeFirst();
  return v ? { template, version: v } : undefined;
}

export function listVersions(db: Kysely<Database>, templateId: number): Promise<TemplateVersion[]> {
  return db
    .selectFrom('template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertTemplate(trx: Transaction<Database>, t: NewTemplate): Promise<TemplateWithVersion> {
  const template = await trx
    .insertInto('templates')
    .values({
      store_id: t.storeId,
      channel: t.channel,
      contact_type: t.contactType,
      language: t.language,
      purpose: t.purpose,
      name: t.name.trim(),
      active: t.active ?? true,
      default_key: t.defaultKey ?? null,
      current_version: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('template_versions')
    .values({ template_id: template.id, version: 1, subject: t.subject, body: t.body, created_by: t.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { template, version };
}

/** Appends a version and points the template at it; earlier versions stay as they were. */
export async function appendVersion(
  trx: Transaction<Database>,
  template: Template,
  content: { subject: string | null; body: string; createdBy: number | null },
): Promise<TemplateVersion> {
  // The row lock serialises two editors saving at once, so versions stay gap-free and unique.
  const locked = await trx
    .selectFrom('templates')
    .select('current_version')
    .where('id', '=', template.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = locked.current_version + 1;
  const version = await trx
    .insertInto('template_versions')
    .values({
      template_id: template.id,
      version: next,
      subject: content.subject,
      body: content.body,
      created_by: content.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.updateTable('templates').set({ current_version: next }).where('id', '=', template.id).execute();
  return version;
}

/**
 * Copies Forecourt's default templates (the 360° letters, English and French) into a store once;
 * a store's edited or deleted copies are never overwritten. Idempotent.
 */
export async function ensureDefaultTemplates(db: Kysely<Database>, storeId: number): Promise<number> {
  const have = new Set(
    (
      await db
        .selectFrom('templates')
        .select('default_key')
        .where('store_id', '=', storeId)
        .where('default_key', 'is not', null)
        .execute()
    ).map((r) => r.default_key),
  );
  const missing = DEFAULT_TEMPLATES.filter((d) => !have.has(defaultKey(d)));
  if (missing.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const d of missing) {
      await insertTemplate(trx, {
        storeId,
        channel: d.channel,
        contactType: d.contactType,
        language: d.language,
        purpose: d.purpose,
        name: d.name,
        defaultKey: defaultKey(d),
        subject: d.channel === 'postcard' ? null : d.subject,
        body: d.body,
        createdBy: null,
      });
    }
  });
  return missing.length;
}

/** Defaults for every store (run at start-up after migrations). */
export async function ensureDefaultTemplatesForAllStores(db: Kysely<Database>): Promise<void> {
  const stores = await db.selectFrom('stores').select('id').execute();
  for (const s of stores) await ensureDefaultTemplates(db, s.id);
}
