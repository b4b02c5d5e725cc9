import { describe, expect, it } from 'vitest';
import { nextRunAt, scheduleProblems, type ScheduleParts } from './batch-schedule.rules.ts';

const template = (o: Partial<NonNullable<ScheduleParts['template']>> = {}) => ({
  name: 'Oil change',
  channel: 'email',
  language: 'en',
  contactType: 'maintenance',
  active: true,
  ...o,
});
const fetchBatch = (o: Partial<ScheduleParts> = {}): ScheduleParts => ({
  kind: 'fetch',
  recurrence: 'daily',
  channel: 'email',
  language: 'any',
  prevention: 'none',
  onceAt: null,
  template: template(),
  fallbackChannel: null,
  fallbackTemplate: null,
  contactType: null,
  savedQuery: { name: 'Hondas', archived: false },
  recycleCode: { name: 'Email sent', active: true },
  recording: null,
  callerId: null,
  ...o,
});

describe('scheduleProblems', () => {
  it('has nothing to say about a runnable schedule', () => {
    expect(scheduleProblems(fetchBatch())).toEqual([]);
  });

  it('names a template of another channel, language or contact type', () => {
    expect(scheduleProblems(fetchBatch({ template: template({ channel: 'sms' }) }))).toEqual([
      'Template "Oil change" is for texts, but this batch sends e-mail.',
    ]);
    expect(scheduleProblems(fetchBatch({ language: 'fr' }))).toEqual([
      'Template "Oil change" is in English, but the batch is for French-speaking customers.',
    ]);
    expect(
      scheduleProblems(
        fetchBatch({
          kind: 'contact_type',
          contactType: { key: 'no_show', name: 'No-show', active: true },
          savedQuery: null,
          recycleCode: null,
        }),
      ),
    ).toEqual(['Template "Oil change" is not a "No-show" template; pick one filed under that contact type.']);
  });

  it('asks Fetch Automation for its query and recycle type, and a custom contact type for a query', () => {
    expect(scheduleProblems(fetchBatch({ savedQuery: null, recycleCode: null }))).toEqual([
      'Fetch Automation needs a saved query.',
      'Fetch Automation needs a recycle type.',
    ]);
    const custom = fetchBatch({
      kind: 'contact_type',
      template: template({ contactType: 'spring_tires' }),
      contactType: { key: 'spring_tires', name: 'Spring tires', active: true },
      savedQuery: null,
      recycleCode: null,
    });
    expect(scheduleProblems(custom)).toEqual([
      'Contact type "Spring tires" has no built-in list of customers; choose a saved query for it.',
    ]);
  });

  it('asks a voice drop for a recording and caller ID instead of a template', () => {
    const voice = fetchBatch({ channel: 'voice', template: null });
    expect(scheduleProblems(voice)).toEqual([
      'Choose the recording the voice drop plays.',
      'Choose the caller ID customers will see.',
    ]);
    expect(
      scheduleProblems({
        ...voice,
        recording: { name: 'Hello', active: true },
        callerId: { label: 'BDC', active: false },
      }),
    ).toEqual(['Caller ID "BDC" is switched off.']);
  });

  it('checks Campaign Options’ template like the main one', () => {
    expect(
      scheduleProblems(fetchBatch({ fallbackChannel: 'sms', fallbackTemplate: template({ name: 'Text' }) })),
    ).toEqual(['Template "Text" is for e-mail, but Campaign Options send texts.']);
    expect(scheduleProblems(fetchBatch({ fallbackChannel: 'sms' }))).toEqual([
      'Choose a template for the customers reached by texts.',
    ]);
  });

  it('asks a campaign for its send time, and flags what was switched off or archived since', () => {
    expect(
      scheduleProblems(
        fetchBatch({
          recurrence: 'once',
          savedQuery: { name: 'Hondas', archived: true },
          recycleCode: { name: 'Email sent', active: false },
        }),
      ),
    ).toEqual([
      'Saved query "Hondas" is archived.',
      'Recycle type "Email sent" is not active; customers would not be held back after it.',
      'Choose when to send.',
    ]);
  });
});

describe('nextRunAt', () => {
  const weekdays = { recurrence: 'daily' as const, runDays: [1, 2, 3, 4, 5], runTime: '09:30', onceAt: null };

  it('is today at the run time when it has not passed, else the next run day, in the store’s zone', () => {
    // Monday 2026-06-15 08:00 in Toronto.
    expect(nextRunAt(weekdays, 'America/Toronto', new Date('2026-06-15T12:00:00Z'))?.toISOString()).toBe(
      '2026-06-15T13:30:00.000Z',
    );
    // Friday after the run: Monday.
    expect(nextRunAt(weekdays, 'America/Toronto', new Date('2026-06-19T14:00:00Z'))?.toISOString()).toBe(
      '2026-06-22T13:30:00.000Z',
    );
  });

  it('keeps the local run time across a change of clocks', () => {
    // Saturday 2026-03-07 in Toronto; the clocks go forward on Sunday the 8th.
    expect(
      nextRunAt({ ...weekdays, runDays: [1] }, 'America/Toronto', new Date('2026-03-07T15:00:00Z'))?.toISOString(),
    ).toBe('2026-03-09T13:30:00.000Z');
  });

  it('is the send time of a campaign still to come, and nothing once it has passed', () => {
    const at = new Date('2026-06-16T14:00:00Z');
    const once = { recurrence: 'once' as const, runDays: [1], runTime: '09:00', onceAt: at };
    expect(nextRunAt(once, 'America/Toronto', new Date('2026-06-15T14:00:00Z'))).toEqual(at);
    expect(nextRunAt(once, 'America/Toronto', new Date('2026-06-17T14:00:00Z'))).toBeNull();
  });
});
