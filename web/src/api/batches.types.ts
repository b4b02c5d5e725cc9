/**
 * Mirrors of the batch schedule API's zod schemas (src/campaigns/batch-schedules.schemas.ts) and of
 * the contact types and recycle codes it chooses from (src/campaigns/contact-types.schemas.ts).
 * /api/openapi.json is the reference when they disagree.
 */

export type BatchChannel = 'letter' | 'email' | 'sms' | 'voice';
/** contact_type: the contact type's own list of customers; fetch: Fetch Automation (a saved query). */
export type BatchKind = 'contact_type' | 'fetch';
/** any is "N/A": everyone; en/fr only customers with that language on file. */
export type BatchLanguage = 'any' | 'en' | 'fr';
export type BatchPrevention = 'none' | 'contact_type' | 'customer';
export type BatchDayPart = 'all' | 'day' | 'late_day';
export type BatchCustomerType = 'all' | 'non_fleet';
export type RoiType = 'service' | 'sales';

export const BATCH_CHANNELS: readonly BatchChannel[] = ['letter', 'email', 'sms', 'voice'];

export interface BatchScheduleFields {
  name: string;
  recurrence: 'daily' | 'once';
  channel: BatchChannel;
  kind: BatchKind;
  contactTypeId: number | null;
  savedQueryId: number | null;
  recycleCodeId: number | null;
  /** null for voice drops, which play a recording. */
  templateId: number | null;
  /** Voice drops: the recording to play and the caller ID customers see. */
  recordingId: number | null;
  callerIdId: number | null;
  /** Voice drops: marketing (needs consent) or service; other batches take their template's. */
  purpose: 'marketing' | 'service';
  language: BatchLanguage;
  prevention: BatchPrevention;
  dayPart: BatchDayPart;
  customerType: BatchCustomerType;
  /** # to send per run. */
  dailyLimit: number;
  /** # of days before this schedule may contact the same customer again. */
  daysBetween: number;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  runDays: number[];
  /** 'HH:MM', 24-hour, in the store's zone. */
  runTime: string;
  /** ISO timestamp; one-off campaigns only. */
  onceAt: string | null;
  sender: string | null;
  distributionUserIds: number[];
  roiType: RoiType;
  roiWindowDays: number;
  /** Share (0–50 %) of the selected customers withheld as a control group. */
  holdoutPercent: number;
  active: boolean;
}

export interface BatchSchedule extends BatchScheduleFields {
  id: number;
  storeId: number;
  /** ISO timestamp; null when switched off or a one-off that has passed. */
  nextRunAt: string | null;
  /** Why it cannot run as it stands; empty when fine. */
  problems: string[];
  /** What the ids point at. */
  names: {
    template: string | null;
    recording: string | null;
    /** "Label (+14165550100)". */
    callerId: string | null;
    fallbackTemplate: string | null;
    contactType: string | null;
    savedQuery: string | null;
    recycleCode: string | null;
  };
  lastRun: BatchRun | null;
  createdAt: string;
  updatedAt: string;
}

export type BatchScheduleInput = Partial<BatchScheduleFields> &
  Pick<BatchScheduleFields, 'name' | 'channel' | 'kind' | 'templateId' | 'dailyLimit'>;

export type BatchSchedulePatch = Partial<BatchScheduleFields>;

/** Why a customer in the audience was not taken; see lib/batch-labels.ts for the wording. */
export type BatchExclusion = string;

export interface BatchRunReport {
  scheduleId: number;
  runId: number | null;
  /** done: this call ran it; already_done: it had run that day; running_elsewhere: another worker holds it. */
  outcome: 'done' | 'already_done' | 'running_elsewhere' | 'dry_run';
  /** 'YYYY-MM-DD' in the store's zone. */
  runDate: string;
  asOf: string;
  matched: number;
  eligible: number;
  selected: number;
  heldOut: number;
  enqueued: number;
  excluded: Record<BatchExclusion, number>;
  sample: { id: number; name: string }[];
}

export interface BatchRun {
  id: number;
  scheduleId: number;
  runDate: string;
  status: 'running' | 'done' | 'failed';
  asOf: string;
  matched: number | null;
  selected: number | null;
  heldOut: number | null;
  enqueued: number | null;
  excluded: Record<BatchExclusion, number>;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ContactType {
  id: number;
  storeId: number;
  key: string;
  name: string;
  active: boolean;
  createdAt: string;
}

export interface RecycleCode extends ContactType {
  days: number;
  productive: boolean;
}
