import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { LIFECYCLE_STEPS, type LifecycleStep } from './lifecycle.rules.ts';

/** The current version of a template, as a message is made from it. */
export interface LifecycleTemplate {
  templateId: number;
  versionId: number;
  subject: string | null;
  body: string;
}

export interface LifecycleTemplates {
  /**
   * The template a step sends on a channel in a language: the store's active one for that
   * contact type (the oldest, which is the shipped default unless it was switched off), falling
   * back to English.
   */
  pick(channel: 'email' | 'postcard', step: LifecycleStep, language: 'en' | 'fr'): LifecycleTemplate | undefined;
}

/** The store's active lifecycle templates with their current versions, read once per run. */
export async function loadLifecycleTemplates(db: Kysely<Database>, storeId: number): Promise<LifecycleTemplates> {
  const rows = await db
    .selectFrom('templates as t')
    .innerJoin('template_versions as v', (j) =>
      j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'),
    )
    .select(['t.id', 't.channel', 't.contact_type', 't.language', 'v.id as version_id', 'v.subject', 'v.body'])
    .where('t.store_id', '=', storeId)
    .where('t.active', '=', true)
    .where('t.channel', 'in', ['email', 'postcard'])
    .where('t.contact_type', 'in', [...LIFECYCLE_STEPS])
    .orderBy('t.id')
    .execute();
  const byKey = new Map<string, LifecycleTemplate>();
  for (const r of rows) {
    const key = `${r.channel}|${r.contact_type}|${r.language}`;
    if (!byKey.has(key))
      byKey.set(key, { templateId: r.id, versionId: r.version_id, subject: r.subject, body: r.body });
  }
  return {
    pick: (channel, step, language) =>
      byKey.get(`${channel}|${step}|${language}`) ?? byKey.get(`${channel}|${step}|en`),
  };
}
