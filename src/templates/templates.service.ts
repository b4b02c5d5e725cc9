import type { Kysely } from 'kysely';
import type { Database, Template, TemplateChannel, TemplateVersion } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { conflictOnDuplicate } from '../shared/unique-violation.ts';
import type { Language } from './merge-tags.catalogue.ts';
import type { Renderer } from './render.ts';
import { checkDraft, type CheckedDraft, type Purpose } from './template-draft.rules.ts';
import { appendVersion, findTemplate, insertTemplate, type TemplateWithVersion } from './templates.store.ts';

export interface TemplateInput {
  channel: TemplateChannel;
  contactType: string;
  language: Language;
  purpose: Purpose;
  name: string;
  subject?: string | null | undefined;
  body: string;
  active?: boolean | undefined;
}

export type TemplatePatch = Partial<Omit<TemplateInput, 'channel'>>;

export interface SavedTemplate extends TemplateWithVersion {
  /** What the save changed in the text: seed tags converted, HTML removed; SMS figures. */
  check: Pick<CheckedDraft, 'converted' | 'removed' | 'sms'>;
  /** Whether the save made a new version (false for a change of name, type or active flag only). */
  newVersion: boolean;
}

interface Actor {
  userId: number;
}

const nameTakenAsConflict = <T>(name: string, work: () => Promise<T>) =>
  conflictOnDuplicate('templates_store_name_idx', `This store already has a template named "${name.trim()}".`, work);

/**
 * Saving templates: every save is checked (checkDraft) before it is written, content changes
 * append a version (the old ones stay, so history keeps what was sent), and each save is audited.
 */
export function createTemplatesService(deps: { db: Kysely<Database>; renderer: Renderer; clock: Clock }) {
  const { db, renderer, clock } = deps;

  const audit = (
    trx: Kysely<Database>,
    template: Template,
    actor: Actor,
    action: string,
    details: Record<string, unknown>,
  ) =>
    trx
      .insertInto('audit_log')
      .values({
        store_id: template.store_id,
        user_id: actor.userId,
        action,
        subject_type: 'template',
        subject_id: template.id,
        details: JSON.stringify(details),
      })
      .execute();

  return {
    /** Checks an unsaved draft as a save would; for previews. */
    checkDraft(draft: Omit<TemplateInput, 'contactType' | 'name'>) {
      const checked = checkDraft(
        {
          channel: draft.channel,
          purpose: draft.purpose,
          language: draft.language,
          subject: draft.subject ?? null,
          body: draft.body,
        },
        renderer,
      );
      const source = {
        channel: draft.channel,
        purpose: draft.purpose,
        language: draft.language,
        subject: checked.subject,
        body: checked.body,
      };
      return { checked, source };
    },

    async create(storeId: number, input: TemplateInput, actor: Actor): Promise<SavedTemplate> {
      const checked = checkDraft(
        {
          channel: input.channel,
          purpose: input.purpose,
          language: input.language,
          subject: input.subject ?? null,
          body: input.body,
        },
        renderer,
      );
      const saved = await nameTakenAsConflict(input.name, () =>
        db.transaction().execute(async (trx) => {
          const t = await insertTemplate(trx, {
            storeId,
            channel: input.channel,
            contactType: input.contactType,
            language: input.language,
            purpose: input.purpose,
            name: input.name,
            active: input.active ?? true,
            subject: checked.subject,
            body: checked.body,
            createdBy: actor.userId,
          });
          await audit(trx, t.template, actor, 'template.created', { name: t.template.name, version: 1 });
          return t;
        }),
      );
      return { ...saved, check: checked, newVersion: true };
    },

    async update(id: number, storeIds: number[], patch: TemplatePatch, actor: Actor): Promise<SavedTemplate> {
      const current = await findTemplate(db, id, storeIds);
      if (!current) throw notFound('Template');
      const t = current.template;
      const draft = {
        channel: t.channel,
        purpose: patch.purpose ?? t.purpose,
        language: patch.language ?? t.language,
        subject: patch.subject !== undefined ? patch.subject : current.version.subject,
        body: patch.body ?? current.version.body,
      };
      const checked = checkDraft(draft, renderer);
      const contentChanged = checked.subject !== current.version.subject || checked.body !== current.version.body;
      const meta = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.contactType !== undefined ? { contact_type: patch.contactType } : {}),
        ...(patch.language !== undefined ? { language: patch.language } : {}),
        ...(patch.purpose !== undefined ? { purpose: patch.purpose } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      const saved = await nameTakenAsConflict(patch.name ?? t.name, () =>
        db.transaction().execute(async (trx) => {
          let version: TemplateVersion = current.version;
          if (contentChanged)
            version = await appendVersion(trx, t, {
              subject: checked.subject,
              body: checked.body,
              createdBy: actor.userId,
            });
          const template = await trx
            .updateTable('templates')
            .set({ ...meta, updated_at: clock.now() })
            .where('id', '=', t.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await audit(trx, template, actor, 'template.updated', {
            changed: [...Object.keys(meta), ...(contentChanged ? ['content'] : [])],
            version: version.version,
          });
          return { template, version };
        }),
      );
      return { ...saved, check: checked, newVersion: contentChanged };
    },
  };
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;
