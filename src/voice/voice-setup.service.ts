import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, VoiceCallerId, VoiceRecording } from '../db/schema.ts';
import { normalisePhone } from '../shared/phone.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { conflictOnDuplicate } from '../shared/unique-violation.ts';
import { probeAudio } from './audio.probe.ts';
import { audioProblems } from './audio.rules.ts';
import { insertMessages } from '../delivery/outbox.store.ts';
import type { Clock } from '../shared/clock.ts';

export type RecordingSummary = Omit<VoiceRecording, 'content'>;

const SUMMARY = [
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
] as const;

interface Actor {
  userId: number;
}

/**
 * Voice Drop set-up: recordings (checked from their bytes: WAV or MP3, size and length limits)
 * and caller IDs (normalised to E.164 with the store's country). Every change is audited, since a
 * recording or number is what customers hear and see.
 */
export function createVoiceSetupService(deps: { db: Kysely<Database>; clock: Clock; onEnqueued?: () => void }) {
  const { db } = deps;

  const audit = (storeId: number, actor: Actor, action: string, subjectType: string, id: number, details: object) =>
    db
      .insertInto('audit_log')
      .values({
        store_id: storeId,
        user_id: actor.userId,
        action,
        subject_type: subjectType,
        subject_id: id,
        details: JSON.stringify(details),
      })
      .execute();

  return {
    listRecordings(storeId: number): Promise<RecordingSummary[]> {
      return db
        .selectFrom('voice_recordings')
        .select(SUMMARY)
        .where('store_id', '=', storeId)
        .orderBy('active', 'desc')
        .orderBy('name')
        .execute();
    },

    findRecording(id: number, storeIds: readonly number[]): Promise<RecordingSummary | undefined> {
      if (storeIds.length === 0) return Promise.resolve(undefined);
      return db
        .selectFrom('voice_recordings')
        .select(SUMMARY)
        .where('id', '=', id)
        .where('store_id', 'in', storeIds)
        .executeTakeFirst();
    },

    async recordingContent(id: number, storeIds: readonly number[]) {
      if (storeIds.length === 0) return undefined;
      return db
        .selectFrom('voice_recordings')
        .select(['format', 'content', 'sha256'])
        .where('id', '=', id)
        .where('store_id', 'in', storeIds)
        .executeTakeFirst();
    },

    async addRecording(storeId: number, name: string, bytes: Buffer, actor: Actor): Promise<RecordingSummary> {
      const facts = await probeAudio(bytes);
      const problems = audioProblems(facts);
      if (problems.length > 0 || !facts.format || !facts.durationMs)
        throw new DomainError('audio_invalid', problems.join(' '), { problems });
      const row = await conflictOnDuplicate(
        'voice_recordings_store_name_idx',
        `This store already has a recording called "${name}".`,
        () =>
          db
            .insertInto('voice_recordings')
            .values({
              store_id: storeId,
              name,
              format: facts.format ?? 'wav',
              duration_ms: facts.durationMs ?? 0,
              size_bytes: bytes.length,
              sha256: createHash('sha256').update(bytes).digest('hex'),
              content: bytes,
              created_by: actor.userId,
            })
            .returning(SUMMARY)
            .executeTakeFirstOrThrow(),
      );
      await audit(storeId, actor, 'voice_recording.added', 'voice_recording', row.id, {
        name,
        format: row.format,
        durationMs: row.duration_ms,
      });
      return row;
    },

    async updateRecording(
      id: number,
      storeIds: readonly number[],
      patch: { name?: string | undefined; active?: boolean | undefined },
      actor: Actor,
    ): Promise<RecordingSummary> {
      const current = await this.findRecording(id, storeIds);
      if (!current) throw notFound('Recording');
      const changes = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      if (Object.keys(changes).length === 0) return current;
      const row = await conflictOnDuplicate(
        'voice_recordings_store_name_idx',
        `This store already has a recording called "${patch.name ?? ''}".`,
        () =>
          db
            .updateTable('voice_recordings')
            .set(changes)
            .where('id', '=', id)
            .returning(SUMMARY)
            .executeTakeFirstOrThrow(),
      );
      await audit(row.store_id, actor, 'voice_recording.updated', 'voice_recording', id, { changes });
      return row;
    },

    /**
     * A test drop of a recording to a staff member's number (typed, or taken from a customer picked
     * in search), shown with the caller ID: it goes through the outbox and a voice port like any
     * drop, so it is sent once and its result is recorded, but it joins no customer's history.
     */
    async testDrop(
      recordingId: number,
      storeIds: readonly number[],
      req: { callerIdId: number; to: string; requestKey: string },
      actor: Actor,
    ) {
      const recording = await this.findRecording(recordingId, storeIds);
      if (!recording) throw notFound('Recording');
      const callerId = await this.findCallerId(req.callerIdId, [recording.store_id]);
      if (!callerId || !callerId.active)
        throw new DomainError('invalid_input', 'Choose an active caller ID of this store.');
      if (!recording.active) throw new DomainError('invalid_input', `Recording "${recording.name}" is switched off.`);
      const store = await db
        .selectFrom('stores')
        .select('country')
        .where('id', '=', recording.store_id)
        .executeTakeFirstOrThrow();
      const phone = normalisePhone(req.to, store.country);
      if (!phone.ok) throw new DomainError('invalid_input', `Send the test to a phone number: ${phone.reason}.`);
      const now = deps.clock.now();
      const { created, existing } = await insertMessages(
        db,
        [
          {
            storeId: recording.store_id,
            customerId: null,
            deliveryKey: `test:voice:${req.requestKey}`,
            sourceKind: 'test',
            sourceRef: `test-drop:${req.requestKey}`,
            step: '',
            channel: 'voice',
            purpose: 'service',
            contactType: null,
            templateVersionId: null,
            userId: actor.userId,
            target: phone.e164,
            sender: callerId.number,
            cc: [],
            bcc: [],
            subject: null,
            html: null,
            text: `[Test] Voice drop: ${recording.name}`,
            mediaRef: `recording:${recording.id}`,
            status: 'queued',
            statusReason: null,
            statusDetail: null,
            dueAt: now,
          },
        ],
        now,
      );
      deps.onEnqueued?.();
      const message = created[0] ?? existing[0];
      if (!message) throw new Error('outbox insert returned nothing');
      return message;
    },

    findCallerId(id: number, storeIds: readonly number[]): Promise<VoiceCallerId | undefined> {
      if (storeIds.length === 0) return Promise.resolve(undefined);
      return db
        .selectFrom('voice_caller_ids')
        .selectAll()
        .where('id', '=', id)
        .where('store_id', 'in', storeIds)
        .executeTakeFirst();
    },

    listCallerIds(storeId: number): Promise<VoiceCallerId[]> {
      return db
        .selectFrom('voice_caller_ids')
        .selectAll()
        .where('store_id', '=', storeId)
        .orderBy('active', 'desc')
        .orderBy('label')
        .execute();
    },

    async addCallerId(storeId: number, input: { number: string; label: string }, actor: Actor): Promise<VoiceCallerId> {
      const store = await db.selectFrom('stores').select('country').where('id', '=', storeId).executeTakeFirstOrThrow();
      const parsed = normalisePhone(input.number, store.country);
      if (!parsed.ok)
        throw new DomainError(
          'invalid_input',
          `"${input.number}" is not a phone number customers can be called from (${parsed.reason}); enter it with its area code, e.g. 416 555 0100 or +1 416 555 0100.`,
        );
      const number = parsed.e164;
      const row = await conflictOnDuplicate(
        'voice_caller_ids_store_number_idx',
        `${number} is already a caller ID of this store.`,
        () =>
          db
            .insertInto('voice_caller_ids')
            .values({ store_id: storeId, number, label: input.label, created_by: actor.userId })
            .returningAll()
            .executeTakeFirstOrThrow(),
      );
      await audit(storeId, actor, 'voice_caller_id.added', 'voice_caller_id', row.id, { number, label: row.label });
      return row;
    },

    async updateCallerId(
      id: number,
      storeIds: readonly number[],
      patch: { label?: string | undefined; active?: boolean | undefined },
      actor: Actor,
    ): Promise<VoiceCallerId> {
      const current = await this.findCallerId(id, storeIds);
      if (!current) throw notFound('Caller ID');
      const changes = {
        ...(patch.label !== undefined ? { label: patch.label } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      if (Object.keys(changes).length === 0) return current;
      const row = await db
        .updateTable('voice_caller_ids')
        .set(changes)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(row.store_id, actor, 'voice_caller_id.updated', 'voice_caller_id', id, { changes });
      return row;
    },
  };
}

export type VoiceSetupService = ReturnType<typeof createVoiceSetupService>;
