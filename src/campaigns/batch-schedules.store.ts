import type { Kysely } from 'kysely';
import type {
  BatchSchedule,
  ContactType,
  Database,
  RecycleCode,
  SavedQuery,
  Store,
  Template,
  TemplateVersion,
  VoiceCallerId,
  VoiceRecording,
} from '../db/schema.ts';
import type { ScheduleParts } from './batch-schedule.rules.ts';

/** A schedule with every row it points at, as a run or the editor needs them. */
export interface LoadedSchedule {
  schedule: BatchSchedule;
  store: Store;
  template: { template: Template; version: TemplateVersion } | null;
  /** Campaign Options' template, when the schedule has a fallback channel. */
  fallback: { template: Template; version: TemplateVersion } | null;
  /** Voice drops: the recording (without its bytes) and the caller ID. */
  recording: Omit<VoiceRecording, 'content'> | null;
  callerId: VoiceCallerId | null;
  contactType: ContactType | null;
  savedQuery: SavedQuery | null;
  recycleCode: RecycleCode | null;
}

export function findSchedule(
  db: Kysely<Database>,
  id: number,
  storeIds: readonly number[],
): Promise<BatchSchedule | undefined> {
  if (storeIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('batch_schedules')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', 'in', storeIds)
    .executeTakeFirst();
}

/** Loads the rows a schedule points at; each must belong to the schedule's store. */
export async function loadScheduleRows(db: Kysely<Database>, schedule: BatchSchedule): Promise<LoadedSchedule> {
  const sid = schedule.store_id;
  const [store, template, contactType, savedQuery, recycleCode, recording, callerId] = await Promise.all([
    db.selectFrom('stores').selectAll().where('id', '=', sid).executeTakeFirstOrThrow(),
    schedule.template_id === null
      ? undefined
      : db
          .selectFrom('templates')
          .selectAll()
          .where('id', '=', schedule.template_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.contact_type_id === null
      ? undefined
      : db
          .selectFrom('contact_types')
          .selectAll()
          .where('id', '=', schedule.contact_type_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.saved_query_id === null
      ? undefined
      : db
          .selectFrom('saved_queries')
          .selectAll()
          .where('id', '=', schedule.saved_query_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.recycle_code_id === null
      ? undefined
      : db
          .selectFrom('recycle_codes')
          .selectAll()
          .where('id', '=', schedule.recycle_code_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.recording_id === null
      ? undefined
      : db
          .selectFrom('voice_recordings')
          .select([
            'id',
            'store_id',
            'name',
            'format',
            'duration_ms',
            'size_bytes',
            'sha256',
            'active',
            'created_by',
            'created_at',
          ])
          .where('id', '=', schedule.recording_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.caller_id_id === null
      ? undefined
      : db
          .selectFrom('voice_caller_ids')
          .selectAll()
          .where('id', '=', schedule.caller_id_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.recording_id === null
      ? undefined
      : db
          .selectFrom('voice_recordings')
          .select([
            'id',
            'store_id',
            'name',
            'format',
            'duration_ms',
            'size_bytes',
            'sha256',
            'active',
            'created_by',
            'created_at',
          ])
          .where('id', '=', schedule.recording_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
    schedule.caller_id_id === null
      ? undefined
      : db
          .selectFrom('voice_caller_ids')
          .selectAll()
          .where('id', '=', schedule.caller_id_id)
          .where('store_id', '=', sid)
          .executeTakeFirst(),
  ]);
  const withVersion = async (t: Template | undefined) => {
    if (!t) return null;
    const version = await db
      .selectFrom('template_versions')
      .selectAll()
      .where('template_id', '=', t.id)
      .where('version', '=', t.current_version)
      .executeTakeFirst();
    return version ? { template: t, version } : null;
  };
  const fallback =
    schedule.fallback_template_id === null
      ? undefined
      : await db
          .selectFrom('templates')
          .selectAll()
          .where('id', '=', schedule.fallback_template_id)
          .where('store_id', '=', sid)
          .executeTakeFirst();
  return {
    schedule,
    store,
    template: await withVersion(template),
    fallback: await withVersion(fallback),
    recording: recording ?? null,
    callerId: callerId ?? null,
    contactType: contactType ?? null,
    savedQuery: savedQuery ?? null,
    recycleCode: recycleCode ?? null,
  };
}

const templatePart = (t: Template) => ({
  name: t.name,
  channel: t.channel,
  language: t.language,
  contactType: t.contact_type,
  active: t.active,
});

/** The loaded rows in the shape `scheduleProblems` checks. */
export function partsOf(l: LoadedSchedule): ScheduleParts {
  const s = l.schedule;
  const t = l.template?.template;
  return {
    kind: s.kind,
    recurrence: s.recurrence,
    channel: s.channel,
    language: s.language,
    prevention: s.prevention,
    onceAt: s.once_at,
    template: t ? templatePart(t) : null,
    fallbackChannel: s.fallback_channel,
    fallbackTemplate: l.fallback ? templatePart(l.fallback.template) : null,
    contactType: l.contactType
      ? { key: l.contactType.key, name: l.contactType.name, active: l.contactType.active }
      : null,
    savedQuery: l.savedQuery ? { name: l.savedQuery.name, archived: l.savedQuery.archived } : null,
    recycleCode: l.recycleCode ? { name: l.recycleCode.name, active: l.recycleCode.active } : null,
    recording: l.recording ? { name: l.recording.name, active: l.recording.active } : null,
    callerId: l.callerId ? { label: l.callerId.label, active: l.callerId.active } : null,
  };
}
