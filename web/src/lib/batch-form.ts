import { isApiError } from '../api/client.ts';
import type {
  BatchChannel,
  BatchCustomerType,
  BatchDayPart,
  BatchLanguage,
  BatchPrevention,
  BatchSchedule,
  BatchScheduleFields,
  RoiType,
} from '../api/batches.types.ts';

/** The Batch type choice that is not a contact type. */
export const FETCH = 'fetch';

/** What the batch schedule form holds; selects keep ids as strings, empty number fields as ''. */
export interface BatchFormValues {
  name: string;
  /** A contact type id, FETCH, or '' before one is chosen. */
  batchType: string;
  templateId: string;
  /** Voice drops: the recording, the caller ID and the purpose, instead of a template. */
  recordingId: string;
  callerIdId: string;
  purpose: 'marketing' | 'service';
  savedQueryId: string;
  recycleCodeId: string;
  language: BatchLanguage;
  prevention: BatchPrevention;
  dayPart: BatchDayPart;
  customerType: BatchCustomerType;
  dailyLimit: number | '';
  daysBetween: number | '';
  runDays: number[];
  runTime: string;
  holdoutPercent: number | '';
  roiType: RoiType;
  active: boolean;
}

export type BatchFormErrors = Partial<Record<keyof BatchFormValues, string>>;

/** A new schedule: the seeds' defaults (N/A, All, All), weekdays at 9:00, no control group. */
export function newBatchForm(): BatchFormValues {
  return {
    name: '',
    batchType: '',
    templateId: '',
    recordingId: '',
    callerIdId: '',
    purpose: 'marketing',
    savedQueryId: '',
    recycleCodeId: '',
    language: 'any',
    prevention: 'none',
    dayPart: 'all',
    customerType: 'all',
    dailyLimit: 50,
    daysBetween: 30,
    runDays: [1, 2, 3, 4, 5],
    runTime: '09:00',
    holdoutPercent: 0,
    roiType: 'service',
    active: true,
  };
}

const idText = (id: number | null) => (id === null ? '' : String(id));

export function toBatchFormValues(s: BatchSchedule): BatchFormValues {
  return {
    name: s.name,
    batchType: s.kind === 'fetch' ? FETCH : idText(s.contactTypeId),
    templateId: idText(s.templateId),
    recordingId: idText(s.recordingId),
    callerIdId: idText(s.callerIdId),
    purpose: s.purpose,
    savedQueryId: idText(s.savedQueryId),
    recycleCodeId: idText(s.recycleCodeId),
    language: s.language,
    prevention: s.prevention,
    dayPart: s.dayPart,
    customerType: s.customerType,
    dailyLimit: s.dailyLimit,
    daysBetween: s.daysBetween,
    runDays: [...s.runDays].sort((a, b) => a - b),
    runTime: s.runTime,
    holdoutPercent: s.holdoutPercent,
    roiType: s.roiType,
    active: s.active,
  };
}

const idOf = (text: string): number | null => (text === '' ? null : Number(text));
const isCount = (n: number | '', min: number, max: number) => n !== '' && Number.isInteger(n) && n >= min && n <= max;

/** What to fix before sending, by field; {} when the form can be sent. Voice drops need a recording and caller ID, not a template. */
export function validateBatchForm(v: BatchFormValues, channel: BatchChannel): BatchFormErrors {
  const e: BatchFormErrors = {};
  if (v.name.trim() === '') e.name = 'Give the batch a name.';
  if (v.batchType === '') e.batchType = 'Choose a contact type or Fetch Automation.';
  if (channel === 'voice') {
    if (v.recordingId === '') e.recordingId = 'Choose the recording the voice drop plays.';
    if (v.callerIdId === '') e.callerIdId = 'Choose the caller ID customers will see.';
  } else if (v.templateId === '') e.templateId = 'Choose a template.';
  if (v.batchType === FETCH) {
    if (v.savedQueryId === '') e.savedQueryId = 'Choose the saved query to send to.';
    if (v.recycleCodeId === '') e.recycleCodeId = 'Choose a recycle type.';
  }
  if (!isCount(v.dailyLimit, 1, 1_000_000)) e.dailyLimit = 'Send at least 1 per run.';
  if (!isCount(v.daysBetween, 0, 3650)) e.daysBetween = 'Use 0 to 3650 days.';
  if (v.runDays.length === 0) e.runDays = 'Choose at least one run day.';
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v.runTime)) e.runTime = 'Choose a run time.';
  if (!isCount(v.holdoutPercent, 0, 50)) e.holdoutPercent = 'Use 0 to 50 %.';
  return e;
}

/** The API fields of a valid form (call validateBatchForm first); voice drops send no template. */
export function toBatchInput(
  v: BatchFormValues,
  channel: BatchChannel,
): Omit<
  BatchScheduleFields,
  'onceAt' | 'sender' | 'distributionUserIds' | 'roiWindowDays' | 'recordingId' | 'callerIdId' | 'purpose'
> &
  Partial<Pick<BatchScheduleFields, 'recordingId' | 'callerIdId' | 'purpose'>> {
  const fetch = v.batchType === FETCH;
  const voice = channel === 'voice';
  return {
    name: v.name.trim(),
    recurrence: 'daily',
    channel,
    kind: fetch ? 'fetch' : 'contact_type',
    contactTypeId: fetch ? null : idOf(v.batchType),
    savedQueryId: idOf(v.savedQueryId),
    recycleCodeId: fetch ? idOf(v.recycleCodeId) : null,
    templateId: voice ? null : Number(v.templateId),
    ...(voice ? { recordingId: idOf(v.recordingId), callerIdId: idOf(v.callerIdId), purpose: v.purpose } : {}),
    language: v.language,
    prevention: v.prevention,
    dayPart: v.dayPart,
    customerType: v.customerType,
    dailyLimit: Number(v.dailyLimit),
    daysBetween: Number(v.daysBetween),
    runDays: [...v.runDays].sort((a, b) => a - b),
    runTime: v.runTime,
    holdoutPercent: Number(v.holdoutPercent),
    roiType: v.roiType,
    active: v.active,
  };
}

/** The sentences of a 422 'batch_invalid' (`details.problems`); [] for any other error. */
export function batchProblemsOf(error: unknown): string[] {
  if (!isApiError(error) || error.status !== 422) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const problems: unknown = details.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}
