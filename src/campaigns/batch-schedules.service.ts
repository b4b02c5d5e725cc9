import type { Insertable, Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { BatchSchedule, BatchSchedulesTable, Database } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { conflictOnDuplicate } from '../shared/unique-violation.ts';
import { storeSenderIdentities } from '../channels/channel-settings.service.ts';
import { nextRunAt, scheduleProblems } from './batch-schedule.rules.ts';
import type { ScheduleFacts, scheduleInput, schedulePatch } from './batch-schedules.schemas.ts';
import { findSchedule, loadScheduleRows, partsOf } from './batch-schedules.store.ts';

export type ScheduleInput = z.infer<typeof scheduleInput>;
export type SchedulePatch = z.infer<typeof schedulePatch>;

interface Actor {
  userId: number;
}

const DUPLICATE = 'batch_schedules_store_name_idx';

/** The table's defaults, to check a new schedule before it is written. */
const NEW_SCHEDULE: Omit<BatchSchedule, 'store_id' | 'name' | 'channel' | 'kind' | 'daily_limit'> = {
  id: 0,
  recurrence: 'daily',
  contact_type_id: null,
  saved_query_id: null,
  recycle_code_id: null,
  language: 'any',
  prevention: 'none',
  day_part: 'all',
  customer_type: 'all',
  days_between: 0,
  run_days: [1, 2, 3, 4, 5],
  run_time: '09:00',
  once_at: null,
  sender: null,
  distribution_user_ids: [],
  roi_type: 'service',
  roi_window_days: 30,
  holdout_percent: 0,
  active: true,
  fallback_channel: null,
  fallback_template_id: null,
  template_id: null,
  recording_id: null,
  caller_id_id: null,
  purpose: 'marketing',
  created_by: null,
  updated_by: null,
  created_at: new Date(0),
  updated_at: new Date(0),
};

/** API fields → columns; only the fields present are set. */
function columnsOf(i: SchedulePatch): Updateable<BatchSchedulesTable> {
  const c: Updateable<BatchSchedulesTable> = {};
  if (i.name !== undefined) c.name = i.name;
  if (i.recurrence !== undefined) c.recurrence = i.recurrence;
  if (i.channel !== undefined) c.channel = i.channel;
  if (i.kind !== undefined) c.kind = i.kind;
  if (i.contactTypeId !== undefined) c.contact_type_id = i.contactTypeId;
  if (i.savedQueryId !== undefined) c.saved_query_id = i.savedQueryId;
  if (i.recycleCodeId !== undefined) c.recycle_code_id = i.recycleCodeId;
  if (i.templateId !== undefined) c.template_id = i.templateId;
  if (i.recordingId !== undefined) c.recording_id = i.recordingId;
  if (i.callerIdId !== undefined) c.caller_id_id = i.callerIdId;
  if (i.purpose !== undefined) c.purpose = i.purpose;
  if (i.language !== undefined) c.language = i.language;
  if (i.prevention !== undefined) c.prevention = i.prevention;
  if (i.dayPart !== undefined) c.day_part = i.dayPart;
  if (i.customerType !== undefined) c.customer_type = i.customerType;
  if (i.dailyLimit !== undefined) c.daily_limit = i.dailyLimit;
  if (i.daysBetween !== undefined) c.days_between = i.daysBetween;
  if (i.runDays !== undefined) c.run_days = [...i.runDays].sort();
  if (i.runTime !== undefined) c.run_time = i.runTime;
  if (i.onceAt !== undefined) c.once_at = i.onceAt === null ? null : new Date(i.onceAt);
  if (i.sender !== undefined) c.sender = i.sender;
  if (i.distributionUserIds !== undefined) c.distribution_user_ids = i.distributionUserIds;
  if (i.roiType !== undefined) c.roi_type = i.roiType;
  if (i.roiWindowDays !== undefined) c.roi_window_days = i.roiWindowDays;
  if (i.holdoutPercent !== undefined) c.holdout_percent = i.holdoutPercent;
  if (i.active !== undefined) c.active = i.active;
  if (i.fallbackChannel !== undefined) c.fallback_channel = i.fallbackChannel;
  if (i.fallbackTemplateId !== undefined) c.fallback_template_id = i.fallbackTemplateId;
  return c;
}

/** A store sets up voice drops (a recording and a caller ID) before it schedules any. */
async function voiceSetupProblems(db: Kysely<Database>, storeId: number): Promise<string[]> {
  const [recordings, callerIds] = await Promise.all([
    db
      .selectFrom('voice_recordings')
      .select('id')
      .where('store_id', '=', storeId)
      .where('active', '=', true)
      .limit(1)
      .execute(),
    db
      .selectFrom('voice_caller_ids')
      .select('id')
      .where('store_id', '=', storeId)
      .where('active', '=', true)
      .limit(1)
      .execute(),
  ]);
  const missing = [
    ...(recordings.length === 0 ? ['a recording'] : []),
    ...(callerIds.length === 0 ? ['a caller ID'] : []),
  ];
  return missing.length > 0
    ? [`Before scheduling voice drops, add ${missing.join(' and ')} in Voice Drop set-up.`]
    : [];
}

/** A chosen sender must be one the store sends from on that channel (its e-mail, a configured From, a texting number). */
async function senderProblems(db: Kysely<Database>, s: BatchSchedule): Promise<string[]> {
  const sender = s.sender ?? '';
  if (s.channel === 'letter') return ['Letters go out from the store’s address; leave the sender empty.'];
  if (s.channel === 'voice') return ['Voice drops show the chosen caller ID; leave the sender empty.'];
  const store = await db.selectFrom('stores').select('email').where('id', '=', s.store_id).executeTakeFirstOrThrow();
  const ids = await storeSenderIdentities(db, s.store_id);
  const allowed =
    s.channel === 'email' ? [store.email, ...ids.emailFrom].filter((x): x is string => Boolean(x)) : ids.smsSenders;
  if (allowed.some((a) => a.toLowerCase() === sender.toLowerCase())) return [];
  return [
    allowed.length > 0
      ? `Send from one of the store's ${s.channel === 'email' ? 'addresses' : 'texting numbers'}: ${allowed.join(', ')}.`
      : `This store has no ${s.channel === 'email' ? 'sending address' : 'texting number'} set up to choose from.`,
  ];
}

/**
 * Batch schedules (Admin → Batch Contacts) and one-off campaigns. A schedule is checked with
 * everything it points at — template channel, language and contact type, query, recycle type —
 * inside the transaction that writes it, so an unusable schedule is never saved; every change is
 * audited. `onChange` lets the worker's cron follow (a new run time, a schedule switched off).
 */
export function createBatchSchedulesService(deps: { db: Kysely<Database>; clock: Clock; onChange?: () => void }) {
  const { db, clock } = deps;

  /** Refuses (422) a schedule that could not run, with every problem; runs inside the write. */
  async function assertRunnable(trx: Kysely<Database>, schedule: BatchSchedule): Promise<void> {
    const loaded = await loadScheduleRows(trx, schedule);
    const missing: string[] = [];
    if (schedule.template_id !== null && !loaded.template) missing.push('The template was not found in this store.');
    if (schedule.recording_id !== null && !loaded.recording) missing.push('The recording was not found in this store.');
    if (schedule.caller_id_id !== null && !loaded.callerId) missing.push('The caller ID was not found in this store.');
    if (schedule.fallback_template_id !== null && !loaded.fallback)
      missing.push('The template for Campaign Options was not found in this store.');
    if (schedule.contact_type_id !== null && !loaded.contactType)
      missing.push('The contact type was not found in this store.');
    if (schedule.saved_query_id !== null && !loaded.savedQuery)
      missing.push('The saved query was not found in this store.');
    if (schedule.recycle_code_id !== null && !loaded.recycleCode)
      missing.push('The recycle type was not found in this store.');
    const problems = [...missing, ...(missing.length ? [] : scheduleProblems(partsOf(loaded)))];
    if (schedule.channel === 'voice') problems.push(...(await voiceSetupProblems(trx, schedule.store_id)));
    if (schedule.sender !== null) problems.push(...(await senderProblems(trx, schedule)));
    if (schedule.distribution_user_ids.length > 0) {
      const staff = await trx
        .selectFrom('user_stores')
        .select('user_id')
        .where('store_id', '=', schedule.store_id)
        .where('user_id', 'in', schedule.distribution_user_ids.map(Number))
        .execute();
      if (staff.length !== new Set(schedule.distribution_user_ids).size)
        problems.push('Everyone on the distribution list must be a user of this store.');
    }
    if (problems.length > 0)
      throw new DomainError('batch_invalid', `This batch cannot be saved: ${problems.join(' ')}`, { problems });
  }

  /** A campaign's send time may be now but not in the past (a minute's grace for the form). */
  function assertNotPast(at: Date | string | null): void {
    if (at === null) return;
    if (new Date(at).getTime() < clock.now().getTime() - 60_000)
      throw new DomainError(
        'batch_invalid',
        'This batch cannot be saved: The send time has passed; choose a later one.',
        {
          problems: ['The send time has passed; choose a later one.'],
        },
      );
  }

  const audit = (trx: Kysely<Database>, s: BatchSchedule, actor: Actor, action: string, details: object) =>
    trx
      .insertInto('audit_log')
      .values({
        store_id: s.store_id,
        user_id: actor.userId,
        action,
        subject_type: 'batch_schedule',
        subject_id: s.id,
        details: JSON.stringify(details),
      })
      .execute();

  return {
    async create(storeId: number, input: ScheduleInput, actor: Actor): Promise<BatchSchedule> {
      const row = await conflictOnDuplicate(DUPLICATE, `This store already has a batch called "${input.name}".`, () =>
        db.transaction().execute(async (trx) => {
          const values = {
            ...columnsOf(input),
            store_id: storeId,
            created_by: actor.userId,
            updated_by: actor.userId,
          } as Insertable<BatchSchedulesTable>;
          assertNotPast(values.recurrence === 'once' ? (values.once_at ?? null) : null);
          await assertRunnable(trx, { ...NEW_SCHEDULE, ...values });
          const s = await trx.insertInto('batch_schedules').values(values).returningAll().executeTakeFirstOrThrow();
          await audit(trx, s, actor, 'batch_schedule.created', { name: s.name, channel: s.channel });
          return s;
        }),
      );
      deps.onChange?.();
      return row;
    },

    async update(id: number, storeIds: number[], patch: SchedulePatch, actor: Actor): Promise<BatchSchedule> {
      const current = await findSchedule(db, id, storeIds);
      if (!current) throw notFound('Batch schedule');
      const changes = columnsOf(patch);
      if (Object.keys(changes).length === 0) return current;
      const row = await conflictOnDuplicate(
        DUPLICATE,
        `This store already has a batch called "${patch.name ?? ''}".`,
        () =>
          db.transaction().execute(async (trx) => {
            const next = { ...current, ...changes };
            // Switching a schedule off is always allowed, even when it could no longer run.
            if (patch.onceAt !== undefined && next.recurrence === 'once') assertNotPast(next.once_at);
            if (next.active) await assertRunnable(trx, next);
            const s = await trx
              .updateTable('batch_schedules')
              .set({ ...changes, updated_by: actor.userId, updated_at: clock.now() })
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirstOrThrow();
            await audit(trx, s, actor, 'batch_schedule.updated', { changes: patch });
            return s;
          }),
      );
      deps.onChange?.();
      return row;
    },

    /** The schedule's problems as it stands, its next run, what its ids point at and its last run. */
    async describe(s: BatchSchedule): Promise<ScheduleFacts> {
      const [loaded, lastRun] = await Promise.all([
        loadScheduleRows(db, s),
        db
          .selectFrom('batch_runs')
          .selectAll()
          .where('schedule_id', '=', s.id)
          .orderBy('run_date', 'desc')
          .limit(1)
          .executeTakeFirst(),
      ]);
      return {
        problems: scheduleProblems(partsOf(loaded)),
        nextRunAt: s.active
          ? nextRunAt(
              { recurrence: s.recurrence, runDays: s.run_days.map(Number), runTime: s.run_time, onceAt: s.once_at },
              loaded.store.time_zone,
              clock.now(),
            )
          : null,
        names: {
          template: loaded.template?.template.name ?? null,
          recording: loaded.recording?.name ?? null,
          callerId: loaded.callerId ? `${loaded.callerId.label} (${loaded.callerId.number})` : null,
          fallbackTemplate: loaded.fallback?.template.name ?? null,
          contactType: loaded.contactType?.name ?? null,
          savedQuery: loaded.savedQuery?.name ?? null,
          recycleCode: loaded.recycleCode?.name ?? null,
        },
        lastRun: lastRun ?? null,
      };
    },
  };
}

export type BatchSchedulesService = ReturnType<typeof createBatchSchedulesService>;
