import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VoiceCallerId } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { AUDIO_MIME } from './audio.probe.ts';
import { AUDIO_LIMITS } from './audio.rules.ts';
import type { RecordingSummary, VoiceSetupService } from './voice-setup.service.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const recordingParams = z.object({ recordingId: z.coerce.number().int().positive() });
const callerIdParams = z.object({ callerIdId: z.coerce.number().int().positive() });
const name = z.string().trim().min(1).max(120);
const AUDIO_TYPES = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave', 'audio/mpeg', 'audio/mp3'];

const recordingSchema = z.object({
  id: z.number(),
  storeId: z.number(),
  name: z.string(),
  format: z.enum(['wav', 'mp3']),
  durationMs: z.number(),
  sizeBytes: z.number(),
  active: z.boolean(),
  contentUrl: z.string().describe('Where the browser plays it from'),
  createdAt: z.string(),
});
const callerIdSchema = z.object({
  id: z.number(),
  storeId: z.number(),
  number: z.string().describe('E.164'),
  label: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

const presentRecording = (r: RecordingSummary): z.infer<typeof recordingSchema> => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  format: r.format,
  durationMs: r.duration_ms,
  sizeBytes: r.size_bytes,
  active: r.active,
  contentUrl: `/api/voice/recordings/${r.id}/content`,
  createdAt: r.created_at.toISOString(),
});
const presentCallerId = (c: VoiceCallerId): z.infer<typeof callerIdSchema> => ({
  id: c.id,
  storeId: c.store_id,
  number: c.number,
  label: c.label,
  active: c.active,
  createdAt: c.created_at.toISOString(),
});

/** A single `bytes=` range of a `size`-byte body (null: none asked, or a form we serve whole). */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // "bytes=-500": the last 500 bytes.
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Voice Drop set-up: recordings (upload, play, rename, switch off) and caller IDs. */
export function voiceSetupRoutes(app: FastifyInstance, deps: { voice: VoiceSetupService }) {
  const { voice } = deps;
  // A little over the limit, so an oversized file reaches the check that says by how much.
  const bodyLimit = AUDIO_LIMITS.maxBytes + 1024 * 1024;
  app.addContentTypeParser(AUDIO_TYPES, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/stores/:storeId/voice/recordings',
    {
      schema: {
        tags: ['voice'],
        summary: 'The store’s voice-drop recordings',
        params: storeParams,
        response: { 200: z.object({ recordings: z.array(recordingSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return { recordings: (await voice.listRecordings(req.params.storeId)).map(presentRecording) };
    },
  );

  r.post(
    '/api/stores/:storeId/voice/recordings',
    {
      bodyLimit,
      schema: {
        tags: ['voice'],
        summary: `Upload a recording (managers and administrators): the body is the WAV or MP3 file (Content-Type audio/wav or audio/mpeg), at most ${AUDIO_LIMITS.maxBytes / 1024 / 1024} MB and ${AUDIO_LIMITS.minMs / 1000}–${AUDIO_LIMITS.maxMs / 1000} s; anything else is a 422 saying why`,
        params: storeParams,
        querystring: z.object({ name }),
        response: { 201: recordingSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      if (!Buffer.isBuffer(req.body))
        throw new DomainError(
          'unsupported_media_type',
          'Send the recording itself as the request body, with Content-Type audio/wav or audio/mpeg.',
        );
      const row = await voice.addRecording(req.params.storeId, req.query.name, req.body, { userId: principal.user.id });
      return reply.status(201).send(presentRecording(row));
    },
  );

  r.get(
    '/api/voice/recordings/:recordingId/content',
    {
      schema: {
        tags: ['voice'],
        summary: 'The recording’s audio, for the browser to play',
        params: recordingParams,
        response: { 200: z.any().describe('audio/wav or audio/mpeg'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await voice.recordingContent(req.params.recordingId, principalOf(req).storeIds);
      if (!row) throw notFound('Recording');
      reply
        .header('content-type', AUDIO_MIME[row.format])
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${row.sha256}"`)
        .header('accept-ranges', 'bytes');
      // Safari plays <audio> only from a server that answers byte ranges.
      const range = byteRange(req.headers.range, row.content.length);
      if (range === 'unsatisfiable')
        return reply.status(416).header('content-range', `bytes */${row.content.length}`).send();
      if (!range) return reply.send(row.content);
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${row.content.length}`)
        .send(row.content.subarray(range.start, range.end + 1));
    },
  );

  r.patch(
    '/api/voice/recordings/:recordingId',
    {
      schema: {
        tags: ['voice'],
        summary: 'Rename a recording or switch it off (managers and administrators)',
        params: recordingParams,
        body: z.object({ name, active: z.boolean() }).partial().strict(),
        response: { 200: recordingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      if (!(await voice.findRecording(req.params.recordingId, principal.storeIds))) throw notFound('Recording');
      requireRole(principal, 'admin', 'manager');
      const row = await voice.updateRecording(req.params.recordingId, principal.storeIds, req.body, {
        userId: principal.user.id,
      });
      return presentRecording(row);
    },
  );

  r.post(
    '/api/voice/recordings/:recordingId/test-drop',
    {
      schema: {
        tags: ['voice'],
        summary:
          'Send a test drop of the recording to a staff number with a caller ID (managers and administrators); repeating the requestKey sends once',
        params: recordingParams,
        body: z.object({
          callerIdId: z.number().int().positive(),
          to: z
            .string()
            .trim()
            .min(3)
            .max(40)
            .describe('A phone number, typed or taken from a customer picked in search'),
          requestKey: z.string().min(8).max(100),
        }),
        response: {
          201: z.object({ messageId: z.number(), status: z.string(), target: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (!(await voice.findRecording(req.params.recordingId, principal.storeIds))) throw notFound('Recording');
      requireRole(principal, 'admin', 'manager');
      const m = await voice.testDrop(req.params.recordingId, principal.storeIds, req.body, {
        userId: principal.user.id,
      });
      return reply.status(201).send({ messageId: m.id, status: m.status, target: m.target });
    },
  );

  r.get(
    '/api/stores/:storeId/voice/caller-ids',
    {
      schema: {
        tags: ['voice'],
        summary: 'The numbers the store’s voice drops may show as the caller',
        params: storeParams,
        response: { 200: z.object({ callerIds: z.array(callerIdSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return { callerIds: (await voice.listCallerIds(req.params.storeId)).map(presentCallerId) };
    },
  );

  r.post(
    '/api/stores/:storeId/voice/caller-ids',
    {
      schema: {
        tags: ['voice'],
        summary: 'Add a caller ID (managers and administrators); normalised to E.164 with the store’s country',
        params: storeParams,
        body: z.object({ number: z.string().trim().min(1).max(40), label: name }),
        response: { 201: callerIdSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const row = await voice.addCallerId(req.params.storeId, req.body, { userId: principal.user.id });
      return reply.status(201).send(presentCallerId(row));
    },
  );

  r.patch(
    '/api/voice/caller-ids/:callerIdId',
    {
      schema: {
        tags: ['voice'],
        summary: 'Relabel a caller ID or switch it off (managers and administrators)',
        params: callerIdParams,
        body: z.object({ label: name, active: z.boolean() }).partial().strict(),
        response: { 200: callerIdSchema, ...errorResponses },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      if (!(await voice.findCallerId(req.params.callerIdId, principal.storeIds))) throw notFound('Caller ID');
      requireRole(principal, 'admin', 'manager');
      return presentCallerId(
        await voice.updateCallerId(req.params.callerIdId, principal.storeIds, req.body, { userId: principal.user.id }),
      );
    },
  );
}
