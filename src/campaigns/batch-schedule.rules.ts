import { DateTime } from 'luxon';
import type { BatchChannel } from '../db/schema.ts';
import { hasAudience } from './audiences.sql.ts';

interface TemplatePart {
  name: string;
  channel: string;
  language: string;
  contactType: string;
  active: boolean;
}

/** A schedule's choices together with the rows they point at, as far as the rules need them. */
export interface ScheduleParts {
  kind: 'contact_type' | 'fetch';
  recurrence: 'daily' | 'once';
  channel: BatchChannel;
  language: 'any' | 'en' | 'fr';
  prevention: 'none' | 'contact_type' | 'customer';
  onceAt: Date | null;
  template: TemplatePart | null;
  fallbackChannel: BatchChannel | null;
  fallbackTemplate: TemplatePart | null;
  contactType: { key: string; name: string; active: boolean } | null;
  savedQuery: { name: string; archived: boolean } | null;
  recycleCode: { name: string; active: boolean } | null;
  recording: { name: string; active: boolean } | null;
  callerId: { label: string; active: boolean } | null;
}

const CHANNEL_LABEL: Record<string, string> = {
  letter: 'letters',
  email: 'e-mail',
  sms: 'texts',
  voice: 'voice drops',
  postcard: 'postcards',
};

/**
 * What is wrong with a schedule, one sentence per problem (empty when it can run). Checked when
 * it is saved and again before every run, since a template or query can change in between.
 */
export function scheduleProblems(p: ScheduleParts): string[] {
  const problems: string[] = [];
  const t = p.template;
  if (p.channel === 'voice') {
    if (!p.recording) problems.push('Choose the recording the voice drop plays.');
    else if (!p.recording.active) problems.push(`Recording "${p.recording.name}" is switched off.`);
    if (!p.callerId) problems.push('Choose the caller ID customers will see.');
    else if (!p.callerId.active) problems.push(`Caller ID "${p.callerId.label}" is switched off.`);
  }
  if (!t) {
    if (p.channel !== 'voice') problems.push('Choose a template.');
  } else {
    if (t.channel !== p.channel)
      problems.push(
        `Template "${t.name}" is for ${CHANNEL_LABEL[t.channel] ?? t.channel}, but this batch sends ${CHANNEL_LABEL[p.channel]}.`,
      );
    if (p.language !== 'any' && t.language !== p.language)
      problems.push(
        `Template "${t.name}" is in ${t.language === 'fr' ? 'French' : 'English'}, but the batch is for ${p.language === 'fr' ? 'French' : 'English'}-speaking customers.`,
      );
    if (!t.active) problems.push(`Template "${t.name}" is not active.`);
  }
  if (p.kind === 'contact_type') {
    const ct = p.contactType;
    if (!ct) problems.push('Choose a contact type.');
    else {
      if (!ct.active) problems.push(`Contact type "${ct.name}" is not active.`);
      if (t && t.contactType !== ct.key && p.channel !== 'voice')
        problems.push(`Template "${t.name}" is not a "${ct.name}" template; pick one filed under that contact type.`);
      if (!hasAudience(ct.key) && !p.savedQuery)
        problems.push(`Contact type "${ct.name}" has no built-in list of customers; choose a saved query for it.`);
    }
  } else {
    if (!p.savedQuery) problems.push('Fetch Automation needs a saved query.');
    if (!p.recycleCode) problems.push('Fetch Automation needs a recycle type.');
    if (p.prevention === 'contact_type' && !p.contactType)
      problems.push('Prevention "by contact type" needs a contact type; choose one or another prevention.');
  }
  if (p.savedQuery?.archived) problems.push(`Saved query "${p.savedQuery.name}" is archived.`);
  if (p.recycleCode && !p.recycleCode.active)
    problems.push(`Recycle type "${p.recycleCode.name}" is not active; customers would not be held back after it.`);
  if (p.recurrence === 'once' && !p.onceAt) problems.push('Choose when to send.');
  if (p.fallbackChannel) {
    const f = p.fallbackTemplate;
    if (p.fallbackChannel === p.channel) problems.push('Campaign Options must use another channel than the batch.');
    if (!f) problems.push(`Choose a template for the customers reached by ${CHANNEL_LABEL[p.fallbackChannel]}.`);
    else {
      if (f.channel !== p.fallbackChannel)
        problems.push(
          `Template "${f.name}" is for ${CHANNEL_LABEL[f.channel] ?? f.channel}, but Campaign Options send ${CHANNEL_LABEL[p.fallbackChannel]}.`,
        );
      if (p.language !== 'any' && f.language !== p.language)
        problems.push(`Template "${f.name}" is not in the batch's language.`);
      if (!f.active) problems.push(`Template "${f.name}" is not active.`);
      if (p.template && f.contactType !== p.template.contactType)
        problems.push(`Template "${f.name}" is filed under another contact type than "${p.template.name}".`);
    }
  }
  return problems;
}

/**
 * The next time a daily schedule runs after `after`: its run time on the next of its run days,
 * in the store's zone (a run time that a daylight-saving jump skips moves to the first valid
 * minute after it). Null for a one-off whose time has passed.
 */
export function nextRunAt(
  s: { recurrence: 'daily' | 'once'; runDays: readonly number[]; runTime: string; onceAt: Date | null },
  timeZone: string,
  after: Date,
): Date | null {
  if (s.recurrence === 'once') return s.onceAt && s.onceAt > after ? s.onceAt : null;
  const [h = 0, m = 0] = s.runTime.split(':').map(Number);
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  for (let d = 0; d <= 7; d++) {
    const day = local.plus({ days: d }).startOf('day');
    if (!s.runDays.includes(day.weekday)) continue;
    const at = day.set({ hour: h, minute: m });
    if (at.toMillis() > after.getTime()) return at.toJSDate();
  }
  return null;
}
