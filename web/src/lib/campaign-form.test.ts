import { describe, expect, it } from 'vitest';
import {
  alternativeLabel,
  buildCampaignInput,
  CAMPAIGN_DAILY_LIMIT,
  defaultSchedule,
  isCampaignChannel,
  missingFields,
  newCampaignForm,
  reachHeadline,
  recycleCodeFor,
  scheduleProblem,
  wallClockInZone,
  zonedDateTime,
  type CampaignFormValues,
} from './campaign-form.ts';

const HALIFAX = 'America/Halifax';

const complete: CampaignFormValues = {
  templateId: '12',
  recordingId: '',
  callerIdId: '',
  purpose: 'marketing',
  name: '  Honda owners ',
  sender: 'service@elm.test',
  distributionUserIds: ['3', '5'],
  roiType: 'sales',
  date: '2026-07-01',
  time: '10:30',
};

describe('newCampaignForm', () => {
  it('is named after the query, at the given time, with the only sender chosen', () => {
    expect(newCampaignForm('Honda owners', { date: '2026-07-01', time: '09:05' }, ['a@elm.test'])).toEqual({
      templateId: '',
      recordingId: '',
      callerIdId: '',
      purpose: 'marketing',
      name: 'Honda owners',
      sender: 'a@elm.test',
      distributionUserIds: [],
      roiType: 'service',
      date: '2026-07-01',
      time: '09:05',
    });
  });

  it('leaves the sender to choose when there are several or none', () => {
    const schedule = { date: '2026-07-01', time: '09:05' };
    expect(newCampaignForm('Q', schedule, ['a', 'b']).sender).toBe('');
    expect(newCampaignForm('Q', schedule).sender).toBe('');
  });
});

describe('missingFields', () => {
  it('is empty for a complete form', () => {
    expect(missingFields(complete, 'email')).toEqual([]);
  });

  it('lists every required field still empty, in the form order', () => {
    const empty = { ...complete, templateId: '', name: '  ', sender: '', distributionUserIds: [], date: '' };
    expect(missingFields(empty, 'sms')).toEqual(['templateId', 'name', 'sender', 'distributionUserIds', 'schedule']);
  });

  it('needs a sender for texts and e-mails only', () => {
    const noSender = { ...complete, sender: '' };
    expect(missingFields(noSender, 'sms')).toEqual(['sender']);
    expect(missingFields(noSender, 'email')).toEqual(['sender']);
    expect(missingFields(noSender, 'letter')).toEqual([]);
  });

  it('asks voice drops for an audio file and a caller ID instead of a template and sender', () => {
    const voice = { ...complete, templateId: '', sender: '' };
    expect(missingFields(voice, 'voice')).toEqual(['recordingId', 'callerIdId']);
    expect(missingFields({ ...voice, recordingId: '8', callerIdId: '9' }, 'voice')).toEqual([]);
  });
});

describe('store-local date and time', () => {
  it('reads an instant on the store clock', () => {
    // 14:07 UTC is 11:07 in Halifax in summer (ADT, UTC−3) and 10:07 in winter (AST, UTC−4).
    expect(wallClockInZone(new Date('2026-07-01T14:07:00Z'), HALIFAX)).toEqual({ date: '2026-07-01', time: '11:07' });
    expect(wallClockInZone(new Date('2026-01-15T14:07:00Z'), HALIFAX)).toEqual({ date: '2026-01-15', time: '10:07' });
    expect(wallClockInZone(new Date('2026-01-15T00:30:00Z'), 'America/Vancouver')).toEqual({
      date: '2026-01-14',
      time: '16:30',
    });
  });

  it('turns a store-local date and time into the instant', () => {
    expect(zonedDateTime('2026-07-01', '10:30', HALIFAX)?.toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(zonedDateTime('2026-01-15', '10:30', HALIFAX)?.toISOString()).toBe('2026-01-15T14:30:00.000Z');
    expect(zonedDateTime('2026-01-15', '23:45', 'Asia/Tokyo')?.toISOString()).toBe('2026-01-15T14:45:00.000Z');
  });

  it('handles the days daylight saving changes', () => {
    // Halifax springs forward on 2026-03-08 at 02:00 and falls back on 2026-11-01 at 02:00.
    expect(zonedDateTime('2026-03-08', '01:30', HALIFAX)?.toISOString()).toBe('2026-03-08T05:30:00.000Z');
    expect(zonedDateTime('2026-03-08', '03:30', HALIFAX)?.toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(zonedDateTime('2026-11-01', '12:00', HALIFAX)?.toISOString()).toBe('2026-11-01T16:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(zonedDateTime('2026-02-30', '10:00', HALIFAX)).toBeNull();
    expect(zonedDateTime('2026-02-03', '24:00', HALIFAX)).toBeNull();
    expect(zonedDateTime('', '10:00', HALIFAX)).toBeNull();
  });
});

describe('defaultSchedule', () => {
  it('is a few minutes from now, rounded up to five, on the store clock', () => {
    expect(defaultSchedule(new Date('2026-07-01T14:07:10Z'), HALIFAX)).toEqual({ date: '2026-07-01', time: '11:15' });
    expect(defaultSchedule(new Date('2026-07-01T14:05:00Z'), HALIFAX)).toEqual({ date: '2026-07-01', time: '11:10' });
  });

  it('rolls over to the next day near midnight', () => {
    expect(defaultSchedule(new Date('2026-07-02T02:58:00Z'), HALIFAX)).toEqual({ date: '2026-07-02', time: '00:05' });
  });
});

describe('scheduleProblem', () => {
  const now = new Date('2026-07-01T13:00:00Z'); // 10:00 in Halifax
  it('accepts a time to come and waits for an empty field', () => {
    expect(scheduleProblem({ date: '2026-07-01', time: '10:05' }, HALIFAX, now)).toBeNull();
    expect(scheduleProblem({ date: '', time: '10:05' }, HALIFAX, now)).toBeNull();
  });
  it('refuses a past or impossible time', () => {
    expect(scheduleProblem({ date: '2026-07-01', time: '09:55' }, HALIFAX, now)).toBe('Choose a time in the future.');
    expect(scheduleProblem({ date: '2026-07-01', time: '10:00' }, HALIFAX, now)).toBe('Choose a time in the future.');
    expect(scheduleProblem({ date: '2026-13-01', time: '10:00' }, HALIFAX, now)).toBe('Choose a date and a time.');
  });
});

describe('buildCampaignInput', () => {
  const ctx = { savedQueryId: 4, recycleCodeId: 9, timeZone: HALIFAX };

  it('is a one-off Fetch campaign at the store-local time, to everyone the query matches', () => {
    expect(buildCampaignInput(complete, { ...ctx, channel: 'email', fallback: null })).toEqual({
      name: 'Honda owners',
      recurrence: 'once',
      onceAt: '2026-07-01T13:30:00.000Z',
      channel: 'email',
      kind: 'fetch',
      savedQueryId: 4,
      recycleCodeId: 9,
      templateId: 12,
      dailyLimit: CAMPAIGN_DAILY_LIMIT,
      sender: 'service@elm.test',
      distributionUserIds: [3, 5],
      roiType: 'sales',
      fallbackChannel: null,
      fallbackTemplateId: null,
    });
  });

  it('carries the Campaign Options choice', () => {
    const input = buildCampaignInput(complete, {
      ...ctx,
      channel: 'email',
      fallback: { channel: 'sms', templateId: 13 },
    });
    expect(input).toMatchObject({ fallbackChannel: 'sms', fallbackTemplateId: 13 });
  });

  it('sends no sender for letters', () => {
    expect(buildCampaignInput(complete, { ...ctx, channel: 'letter', fallback: null }).sender).toBeNull();
  });

  it('sends a voice drop with its recording, caller ID and purpose and no template', () => {
    const voice = {
      ...complete,
      templateId: '',
      sender: '',
      recordingId: '8',
      callerIdId: '9',
      purpose: 'service' as const,
    };
    expect(buildCampaignInput(voice, { ...ctx, channel: 'voice', fallback: null })).toMatchObject({
      channel: 'voice',
      templateId: null,
      recordingId: 8,
      callerIdId: 9,
      purpose: 'service',
      sender: null,
    });
    expect(buildCampaignInput(complete, { ...ctx, channel: 'email', fallback: null })).not.toHaveProperty(
      'recordingId',
    );
  });
});

describe('labels', () => {
  it('knows the four channels', () => {
    expect(isCampaignChannel('sms')).toBe(true);
    expect(isCampaignChannel('postcard')).toBe(false);
    expect(isCampaignChannel(undefined)).toBe(false);
  });

  it('finds the recycle code of the channel', () => {
    const codes = [
      { id: 1, key: 'email_sent', active: true },
      { id: 2, key: 'text_sent', active: true },
    ];
    expect(recycleCodeFor(codes, 'sms')?.id).toBe(2);
    expect(recycleCodeFor(codes, 'voice')).toBeUndefined();
  });

  it('says who cannot be reached and what another channel would do', () => {
    expect(reachHeadline({ channel: 'email', matched: 3, unreachable: 1 })).toBe(
      '1 of 3 customers cannot get an e-mail',
    );
    expect(reachHeadline({ channel: 'sms', matched: 1, unreachable: 1 })).toBe('1 of 1 customer cannot get a text');
    expect(alternativeLabel({ channel: 'sms', reachable: 1 })).toBe('Send them texts instead (1 customer reachable)');
    expect(alternativeLabel({ channel: 'letter', reachable: 0 })).toBe('Send them letters instead (nobody reachable)');
  });
});
