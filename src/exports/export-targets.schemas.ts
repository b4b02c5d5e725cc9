import { z } from 'zod';
import type { ExportRun } from '../db/schema.ts';
import { EXPORT_KINDS, targetSettingsSchema } from './export-targets.rules.ts';
import type { ExportTargetView } from './export-targets.service.ts';

export const kindSchema = z.enum(EXPORT_KINDS);

const settingsOut = z.object({
  accountNumber: z.string(),
  shopId: z.string(),
  protocol: z.enum(['ftp', 'ftps', 'sftp']),
  host: z.string(),
  port: z.number().nullable().optional(),
  user: z.string(),
  directory: z.string(),
  passive: z.boolean(),
});

export const targetSchema = z.object({
  id: z.number().nullable(),
  kind: kindSchema,
  label: z.string(),
  enabled: z.boolean(),
  settings: settingsOut,
  passwordSet: z.boolean().describe('Whether a password is stored; the password itself is never returned'),
  runTime: z.string(),
  allowPrivateHost: z.boolean(),
  consentText: z.string().describe('What the user confirms (CARFAX: its terms of service) when switching on'),
  consent: z.object({ by: z.number().nullable(), at: z.date() }).nullable(),
  problems: z.array(z.string()),
  updatedAt: z.date().nullable(),
}) satisfies z.ZodType<ExportTargetView>;

export const targetChangeSchema = z
  .object({
    enabled: z.boolean(),
    settings: targetSettingsSchema.partial(),
    password: z.string().max(500).describe('A new password; an empty string clears it; leave out to keep it'),
    runTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24 h), e.g. 02:00')
      .describe('When the nightly export runs, in the store’s time zone'),
    allowPrivateHost: z.boolean().describe('Administrators only: allow a private or loopback server address'),
    confirm: z
      .boolean()
      .describe('Required true when switching on: the user confirms the data sharing (CARFAX: agrees to its terms)'),
  })
  .partial()
  .strict();

export const runSchema = z.object({
  id: z.number(),
  kind: kindSchema,
  trigger: z.enum(['schedule', 'manual', 'cli']),
  status: z.enum(['running', 'uploaded', 'retrying', 'failed', 'written']),
  fileName: z.string().nullable(),
  rowCount: z.number().nullable(),
  bytes: z.number().nullable(),
  destination: z.string().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.date().nullable(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const presentRun = (r: ExportRun): z.infer<typeof runSchema> => ({
  id: r.id,
  kind: r.kind,
  trigger: r.trigger,
  status: r.status,
  fileName: r.file_name,
  rowCount: r.row_count,
  bytes: r.bytes === null ? null : Number(r.bytes),
  destination: r.destination,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  errorCode: r.error_code,
  error: r.error,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});
