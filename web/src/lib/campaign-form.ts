import type { RoiType } from '../api/batches.types.ts';
import type { CampaignChannel, CampaignInput, CampaignReach } from '../api/campaigns.types.ts';

/**
 * The "Send Text / Email / Voice Drop / Letter" screen of a saved query: what each channel is
 * called, which fields must be set before Send is enabled, the default schedule and the request
 * that creates the one-off campaign (a batch schedule with recurrence 'once').
 */

export interface ChannelInfo {
  /** The Tools menu item and the screen's title. */
  action: string;
  /** "cannot get an e-mail". */
  one: string;
  /** "send them texts". */
  many: string;
  /** The sender field's label; null when the channel has none (letters). */
  senderLabel: string | null;
  /** Whether Send waits for a sender. Voice drops show a caller ID from Voice drop set-up instead. */
  senderRequired: boolean;
  /** The recycle code a send on this channel records (src/campaigns/contact-types.store.ts). */
  recycleKey: string;
  /** Whether the server can send a test (e-mail and texts only). */
  testable: boolean;
}

export const CHANNEL_INFO: Readonly<Record<CampaignChannel, ChannelInfo>> = {
  sms: {
    action: 'Send Text',
    one: 'a text',
    many: 'texts',
    senderLabel: 'Texting number',
    senderRequired: true,
    recycleKey: 'text_sent',
    testable: true,
  },
  email: {
    action: 'Send Email',
    one: 'an e-mail',
    many: 'e-mails',
    senderLabel: 'From address',
    senderRequired: true,
    recycleKey: 'email_sent',
    testable: true,
  },
  voice: {
    action: 'Send Voice Drop',
    one: 'a voice drop',
    many: 'voice drops',
    senderLabel: null,
    senderRequired: false,
    recycleKey: 'voice_drop',
    testable: false,
  },
  letter: {
    action: 'Send Letter',
    one: 'a letter',
    many: 'letters',
    senderLabel: null,
    senderRequired: false,
    recycleKey: 'letter_sent',
    testable: false,
  },
};

/** The Tools menu's order (the seeds': text first). */
export const CAMPAIGN_CHANNELS: readonly CampaignChannel[] = ['sms', 'email', 'voice', 'letter'];

export const isCampaignChannel = (value: string | null | undefined): value is CampaignChannel =>
  CAMPAIGN_CHANNELS.some((c) => c === value);

/** What the form holds; selects keep ids as strings. */
export interface CampaignFormValues {
  templateId: string;
  /** Voice drops: the recording ("Audio File"), caller ID and purpose instead of a template and sender. */
  recordingId: string;
  callerIdId: string;
  purpose: 'marketing' | 'service';
  name: string;
  sender: string;
  distributionUserIds: string[];
  roiType: RoiType;
  /** 'YYYY-MM-DD' in the store's zone. */
  date: string;
  /** 'HH:MM' (24-hour) in the store's zone. */
  time: string;
}

export type CampaignField =
  'templateId' | 'recordingId' | 'name' | 'callerIdId' | 'sender' | 'distributionUserIds' | 'schedule';

export const FIELD_LABELS: Readonly<Record<CampaignField, string>> = {
  templateId: 'Template',
  recordingId: 'Audio file',
  callerIdId: 'Caller ID',
  name: 'Campaign name',
  sender: 'Sender',
  distributionUserIds: 'Distribution list',
  schedule: 'Schedule',
};

/** A new campaign: named after the query, sent from the store's only sender when it has just one. */
export function newCampaignForm(
  queryName: string,
  schedule: { date: string; time: string },
  senders: readonly string[] = [],
): CampaignFormValues {
  return {
    templateId: '',
    recordingId: '',
    callerIdId: '',
    purpose: 'marketing',
    name: queryName,
    sender: senders.length === 1 ? (senders[0] ?? '') : '',
    distributionUserIds: [],
    roiType: 'service',
    date: schedule.date,
    time: schedule.time,
  };
}

/** Required fields still empty, in the form's order: each shows a red star and Send waits for all. */
export function missingFields(v: CampaignFormValues, channel: CampaignChannel): CampaignField[] {
  const missing: CampaignField[] = [];
  const voice = channel === 'voice';
  if (voice ? v.recordingId === '' : v.templateId === '') missing.push(voice ? 'recordingId' : 'templateId');
  if (v.name.trim() === '') missing.push('name');
  if (voice && v.callerIdId === '') missing.push('callerIdId');
  if (CHANNEL_INFO[channel].senderRequired && v.sender.trim() === '') missing.push('sender');
  if (v.distributionUserIds.length === 0) missing.push('distributionUserIds');
  if (v.date === '' || v.time === '') missing.push('schedule');
  return missing;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The wall clock of an instant in a zone: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function wallClockInZone(at: Date, timeZone: string): { date: string; time: string } {
  const p = zoneParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

function zoneParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: number, timeZone: string): number {
  const p = zoneParts(new Date(at), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a store-local date and time name, or null when either is not valid. A time a
 * daylight-saving jump skips lands just after the jump.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wall = Date.UTC(year, month - 1, day, Number(t[1]), Number(t[2]));
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(second);
}

/** Now plus `leadMinutes`, rounded up to the next `stepMinutes`, on the store's clock. */
export function defaultSchedule(
  now: Date,
  timeZone: string,
  leadMinutes = 5,
  stepMinutes = 5,
): { date: string; time: string } {
  const step = stepMinutes * 60_000;
  const at = Math.ceil((now.getTime() + leadMinutes * 60_000) / step) * step;
  return wallClockInZone(new Date(at), timeZone);
}

/** Why the schedule cannot be used (not a date and time, or already past), or null. */
export function scheduleProblem(v: Pick<CampaignFormValues, 'date' | 'time'>, timeZone: string, now: Date) {
  if (v.date === '' || v.time === '') return null;
  const at = zonedDateTime(v.date, v.time, timeZone);
  if (!at) return 'Choose a date and a time.';
  if (at.getTime() <= now.getTime()) return 'Choose a time in the future.';
  return null;
}

/** Campaign Options: null skips the customers the channel cannot reach. */
export interface CampaignFallback {
  channel: CampaignChannel;
  templateId: number;
}

/** A big enough "# to send" that a one-off campaign takes everyone the query matches. */
export const CAMPAIGN_DAILY_LIMIT = 1_000_000;

/** The request for a complete form (check missingFields and scheduleProblem first). */
export function buildCampaignInput(
  v: CampaignFormValues,
  ctx: {
    channel: CampaignChannel;
    savedQueryId: number;
    recycleCodeId: number;
    timeZone: string;
    fallback: CampaignFallback | null;
  },
): CampaignInput {
  const at = zonedDateTime(v.date, v.time, ctx.timeZone);
  if (!at) throw new Error(`Not a date and time: ${v.date} ${v.time}`);
  const sender = v.sender.trim();
  const voice = ctx.channel === 'voice';
  return {
    name: v.name.trim(),
    recurrence: 'once',
    onceAt: at.toISOString(),
    channel: ctx.channel,
    kind: 'fetch',
    savedQueryId: ctx.savedQueryId,
    recycleCodeId: ctx.recycleCodeId,
    templateId: voice ? null : Number(v.templateId),
    ...(voice ? { recordingId: Number(v.recordingId), callerIdId: Number(v.callerIdId), purpose: v.purpose } : {}),
    dailyLimit: CAMPAIGN_DAILY_LIMIT,
    sender: CHANNEL_INFO[ctx.channel].senderLabel === null || sender === '' ? null : sender,
    distributionUserIds: v.distributionUserIds.map(Number),
    roiType: v.roiType,
    fallbackChannel: ctx.fallback?.channel ?? null,
    fallbackTemplateId: ctx.fallback?.templateId ?? null,
  };
}

/** The recycle code a campaign on the channel records, from the store's codes; undefined when the store lacks it. */
export function recycleCodeFor<T extends { key: string; active: boolean }>(
  codes: readonly T[],
  channel: CampaignChannel,
): T | undefined {
  return codes.find((c) => c.key === CHANNEL_INFO[channel].recycleKey);
}

const customers = (n: number) => `${n} ${n === 1 ? 'customer' : 'customers'}`;

/** "1 of 3 customers cannot get an e-mail". */
export function reachHeadline(r: Pick<CampaignReach, 'channel' | 'matched' | 'unreachable'>): string {
  return `${r.unreachable} of ${customers(r.matched)} cannot get ${CHANNEL_INFO[r.channel].one}`;
}

/** "Send them texts instead (1 customer reachable)". */
export function alternativeLabel(a: CampaignReach['alternatives'][number]): string {
  const info = CHANNEL_INFO[a.channel];
  return `Send them ${info.many} instead (${a.reachable === 0 ? 'nobody' : customers(a.reachable)} reachable)`;
}
