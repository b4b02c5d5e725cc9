import { z } from 'zod';
import type { LifecycleRunReport } from './lifecycle-run.service.ts';
import type { LifecycleSetupView } from './lifecycle-settings.service.ts';
import { LIFECYCLE_STEPS } from './lifecycle.rules.ts';

export const stepSchema = z.enum(LIFECYCLE_STEPS);
const days = z.number().int().describe('Days; 0 switches the step off');

const intervalsSchema = z.object({
  reminder1Days: days.describe('Reminder 1: days before the next scheduled visit; 0 = off'),
  reminder2Days: days.describe('Reminder 2: days before the next scheduled visit; 0 = off'),
  noShowDays: days.describe('No Show: days after a missed appointment; 0 = off'),
  thankYouDays: days.describe('Thank You: days after a completed visit; 0 = off'),
  deferredDays: days.describe('Deferred: days after the last visit with deferred items; 0 = off'),
  inactiveDays: days.describe('Inactive: days without an invoice before a customer is inactive; 0 = off'),
  inactiveIntervalDays: days.describe('Inactive Interval: days between inactive messages; 0 = only one'),
  deadDays: days.describe('Dead: days without an invoice after which inactive messages stop; 0 = never'),
});

const signatureSchema = z.object({
  businessName: z.string().max(200).nullable(),
  businessOwner: z.string().max(200).nullable(),
  businessPhone: z.string().max(40).nullable(),
  businessEmail: z.string().max(320).nullable().describe('Replies to the e-mails go here'),
  feedbackUrl: z.string().max(2000).nullable().describe('A feedback form’s web address, or mailto:name@domain.com'),
});

export const setupSchema = z.object({
  storeId: z.number(),
  emailOn: z.boolean(),
  postcardsOn: z.boolean(),
  runTime: z.string(),
  intervals: intervalsSchema,
  marketingSteps: z.array(stepSchema),
  updatedAt: z.date().nullable(),
  signature: signatureSchema,
  inactiveSendDays: z.object({ days: z.array(z.number()), more: z.boolean() }),
  missingTemplates: z.array(
    z.object({
      step: stepSchema,
      channel: z.enum(['email', 'postcard']),
      language: z.enum(['en', 'fr']),
      message: z.string(),
    }),
  ),
}) satisfies z.ZodType<LifecycleSetupView>;

export const setupChangeSchema = z
  .object({
    emailOn: z.boolean().describe('360° Email: e-mail to customers with an address'),
    postcardsOn: z.boolean().describe('Postcards: with e-mail on, only to customers without an e-mail address'),
    runTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24 h), e.g. 08:00')
      .describe('When the daily run starts, in the store’s time zone'),
    intervals: intervalsSchema.partial().strict(),
    marketingSteps: z.array(stepSchema).describe('Steps sent as marketing (consent required)'),
    signature: signatureSchema.partial().strict(),
  })
  .partial()
  .strict();

const stepCounts = z.object({
  due: z.number(),
  email: z.number(),
  postcard: z.number(),
  skipped: z.number(),
  alreadySent: z.number(),
  reasons: z.record(z.string(), z.number()),
});

export const runReportSchema = z.object({
  storeId: z.number(),
  runId: z.number().nullable(),
  outcome: z.enum(['done', 'already_done', 'running_elsewhere', 'dry_run', 'off']),
  runDate: z.string(),
  windowFrom: z.string(),
  asOf: z.date(),
  due: z.number(),
  enqueued: z.number(),
  skipped: z.number(),
  alreadySent: z.number(),
  byStep: z.partialRecord(stepSchema, stepCounts),
  decisions: z.array(
    z.object({
      customerId: z.number(),
      customerName: z.string(),
      step: stepSchema,
      dueDate: z.string(),
      channel: z.enum(['email', 'postcard']).nullable(),
      outcome: z.enum(['send', 'skip', 'already_sent']),
      reasons: z.array(z.string()),
      detail: z.string(),
    }),
  ),
  decisionsTotal: z.number().optional(),
}) satisfies z.ZodType<LifecycleRunReport & { decisionsTotal?: number }>;

export const runRequestSchema = z
  .object({
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('The as-of time (default now); the run is for that day in the store’s zone'),
  })
  .strict();

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
export const statisticsQuery = z.object({
  from: isoDay.optional().describe('First store-local day (default: 13 days before `to`)'),
  to: isoDay.optional().describe('Last store-local day, inclusive (default: today); at most 92 days after from'),
});

export const statisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      day: z.string(),
      step: stepSchema,
      channel: z.enum(['email', 'postcard']),
      total: z.number(),
      byStatus: z.record(z.string(), z.number()),
    }),
  ),
  runs: z.array(
    z.object({
      id: z.number(),
      runDate: z.string(),
      windowFrom: z.string(),
      status: z.string(),
      due: z.number().nullable(),
      enqueued: z.number().nullable(),
      skipped: z.number().nullable(),
      error: z.string().nullable(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
    }),
  ),
});

export const messagesQuery = z.object({
  day: isoDay.optional().describe('The store-local day (default: today)'),
  step: stepSchema.optional(),
});

export const messageRowSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  step: z.string(),
  channel: z.string(),
  purpose: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  target: z.string().nullable(),
  subject: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
