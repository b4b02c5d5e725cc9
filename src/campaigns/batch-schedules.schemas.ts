import { z } from 'zod';
import type { BatchRun, BatchSchedule } from '../db/schema.ts';
import type { RunReport } from './batch-run.service.ts';

// The batch schedule API's request and response shapes, and the presenters that fill them.

const id = z.number().int().positive();
const runTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use a 24-hour time such as 09:30')
  .describe("Run time in the store's time zone");
const runDays = z
  .array(z.number().int().min(1).max(7))
  .min(1, 'Choose at least one run day')
  .max(7)
  .refine((d) => new Set(d).size === d.length, 'Each run day once')
  .describe('ISO weekdays the schedule runs on: 1 = Monday … 7 = Sunday');

const fields = {
  name: z.string().trim().min(1).max(120),
  recurrence: z.enum(['daily', 'once']).describe('daily: Batch Contacts; once: a campaign sent once at onceAt'),
  channel: z.enum(['letter', 'email', 'sms', 'voice']),
  kind: z
    .enum(['contact_type', 'fetch'])
    .describe("contact_type: the contact type's own list of customers; fetch: Fetch Automation (a saved query)"),
  contactTypeId: id.nullable(),
  savedQueryId: id.nullable(),
  recycleCodeId: id.nullable(),
  templateId: id.nullable().describe('Not used by voice drops, which play a recording'),
  recordingId: id.nullable().describe('Voice drops: the recording to play'),
  callerIdId: id.nullable().describe('Voice drops: the caller ID customers see'),
  purpose: z
    .enum(['marketing', 'service'])
    .describe("Voice drops: marketing (needs consent) or service; other batches take their template's"),
  language: z
    .enum(['any', 'en', 'fr'])
    .describe('any (N/A) sends to everyone; en/fr only to customers with it on file'),
  prevention: z
    .enum(['none', 'contact_type', 'customer'])
    .describe(
      'contact_type: skip customers who got a batch of this contact type (within days between, else today); customer: skip customers who got any batch today',
    ),
  dayPart: z.enum(['all', 'day', 'late_day']),
  customerType: z.enum(['all', 'non_fleet']),
  dailyLimit: z.number().int().min(1).max(1_000_000).describe('# to send per run'),
  daysBetween: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .describe('# of days before this schedule may contact the same customer again'),
  runDays,
  runTime,
  onceAt: z.iso.datetime({ offset: true }).nullable().describe('When a one-off campaign sends'),
  sender: z.string().trim().min(1).max(320).nullable().describe('From-address, texting number or caller ID'),
  distributionUserIds: z.array(id).max(50).describe('Staff told about replies and results'),
  roiType: z.enum(['service', 'sales']),
  roiWindowDays: z.number().int().min(1).max(365),
  holdoutPercent: z
    .number()
    .int()
    .min(0)
    .max(50)
    .describe('Share of the selected customers withheld as a control group'),
  active: z.boolean(),
  fallbackChannel: z
    .enum(['letter', 'email', 'sms', 'voice'])
    .nullable()
    .describe('Campaign Options: the channel for customers the main channel cannot reach (null: skip them)'),
  fallbackTemplateId: id.nullable().describe('The template for the fallback channel'),
};

export const scheduleInput = z
  .object(fields)
  .partial()
  .required({ name: true, channel: true, kind: true, dailyLimit: true });

export const schedulePatch = z.object(fields).partial().strict();

const excluded = z.record(z.string(), z.number()).describe('Customers held back, by reason');

export const runSchema = z.object({
  id: z.number(),
  scheduleId: z.number(),
  runDate: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  asOf: z.string(),
  matched: z.number().nullable(),
  selected: z.number().nullable(),
  heldOut: z.number().nullable(),
  enqueued: z.number().nullable(),
  excluded,
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const presentRun = (r: BatchRun): z.infer<typeof runSchema> => ({
  id: r.id,
  scheduleId: r.schedule_id,
  runDate: r.run_date,
  status: r.status,
  asOf: r.as_of.toISOString(),
  matched: r.matched,
  selected: r.selected,
  heldOut: r.held_out,
  enqueued: r.enqueued,
  excluded: r.excluded,
  error: r.error,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

export const scheduleSchema = z.object({
  id: z.number(),
  storeId: z.number(),
  ...fields,
  onceAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  names: z
    .object({
      template: z.string().nullable(),
      recording: z.string().nullable(),
      callerId: z.string().nullable(),
      fallbackTemplate: z.string().nullable(),
      contactType: z.string().nullable(),
      savedQuery: z.string().nullable(),
      recycleCode: z.string().nullable(),
    })
    .describe('What the ids point at, for lists'),
  lastRun: runSchema.nullable(),
  /** Why it cannot run as it stands (a template deactivated since, a query archived…); empty when fine. */
  problems: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What the API says about a schedule beyond its columns (batch-schedules.service.ts `describe`). */
export interface ScheduleFacts {
  problems: string[];
  nextRunAt: Date | null;
  names: z.infer<typeof scheduleSchema>['names'];
  lastRun: BatchRun | null;
}

export function presentSchedule(s: BatchSchedule, extra: ScheduleFacts): z.infer<typeof scheduleSchema> {
  return {
    id: s.id,
    storeId: s.store_id,
    name: s.name,
    recurrence: s.recurrence,
    channel: s.channel,
    kind: s.kind,
    contactTypeId: s.contact_type_id,
    savedQueryId: s.saved_query_id,
    recycleCodeId: s.recycle_code_id,
    templateId: s.template_id,
    recordingId: s.recording_id,
    callerIdId: s.caller_id_id,
    purpose: s.purpose,
    language: s.language,
    prevention: s.prevention,
    dayPart: s.day_part,
    customerType: s.customer_type,
    dailyLimit: s.daily_limit,
    daysBetween: s.days_between,
    runDays: s.run_days.map(Number),
    runTime: s.run_time,
    onceAt: s.once_at?.toISOString() ?? null,
    sender: s.sender,
    distributionUserIds: s.distribution_user_ids.map(Number),
    roiType: s.roi_type,
    roiWindowDays: s.roi_window_days,
    holdoutPercent: s.holdout_percent,
    active: s.active,
    fallbackChannel: s.fallback_channel,
    fallbackTemplateId: s.fallback_template_id,
    nextRunAt: extra.nextRunAt?.toISOString() ?? null,
    names: extra.names,
    lastRun: extra.lastRun ? presentRun(extra.lastRun) : null,
    problems: extra.problems,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

export const runReportSchema = z.object({
  scheduleId: z.number(),
  runId: z.number().nullable(),
  outcome: z.enum(['done', 'already_done', 'running_elsewhere', 'dry_run']),
  runDate: z.string(),
  asOf: z.string(),
  matched: z.number(),
  eligible: z.number(),
  selected: z.number(),
  heldOut: z.number(),
  enqueued: z.number(),
  byChannel: z.record(z.string(), z.number()).describe('Customers taken per channel (Campaign Options included)'),
  excluded,
  sample: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const presentReport = (r: RunReport): z.infer<typeof runReportSchema> => ({
  ...r,
  asOf: r.asOf.toISOString(),
  excluded: r.excluded,
});
