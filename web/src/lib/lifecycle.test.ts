import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { LifecycleSetup, LifecycleStatisticsRow } from '../api/lifecycle.types.ts';
import {
  applySwitch,
  changedSetup,
  countErrors,
  decisionText,
  defaultStatisticsRange,
  firstTabWithErrors,
  inactiveSchedule,
  inactiveSeriesText,
  lifecycleReasonLabel,
  listWords,
  localProblems,
  resultsText,
  runOutcomeText,
  setupErrorsOf,
  statisticsRangeProblem,
  statisticsTable,
  switchesText,
  tallyText,
  toFormValues,
} from './lifecycle.ts';

const saved: LifecycleSetup = {
  storeId: 1,
  emailOn: false,
  postcardsOn: false,
  runTime: '08:00',
  intervals: {
    reminder1Days: 14,
    reminder2Days: 2,
    noShowDays: 1,
    thankYouDays: 1,
    deferredDays: 30,
    inactiveDays: 180,
    inactiveIntervalDays: 90,
    deadDays: 540,
  },
  marketingSteps: ['inactive'],
  updatedAt: null,
  signature: {
    businessName: 'Alpha Motors',
    businessOwner: null,
    businessPhone: '+14165550123',
    businessEmail: 'service@alpha.test',
    feedbackUrl: null,
  },
  inactiveSendDays: { days: [180, 270, 360, 450], more: false },
  missingTemplates: [],
};

describe('the set-up form', () => {
  it('sends nothing for the saved set-up', () => {
    expect(changedSetup(toFormValues(saved), saved)).toEqual({});
    expect(toFormValues(saved).signature.businessOwner).toBe('');
  });

  it('sends only what changed: switches, days, marketing steps in step order, trimmed signature, blanks as null', () => {
    const v = toFormValues(saved);
    const values = {
      ...v,
      emailOn: true,
      runTime: ' 07:30 ',
      intervals: { ...v.intervals, deadDays: '365', thankYouDays: 1 },
      marketingSteps: [...v.marketingSteps, 'reminder_1' as const],
      signature: { ...v.signature, businessOwner: '  Jean Gagnon ', businessPhone: '' },
    };
    expect(changedSetup(values, saved)).toEqual({
      emailOn: true,
      runTime: '07:30',
      intervals: { deadDays: 365 },
      marketingSteps: ['reminder_1', 'inactive'],
      signature: { businessOwner: 'Jean Gagnon', businessPhone: null },
    });
  });

  it('names an emptied day count and a run time that is not HH:MM before sending', () => {
    const v = toFormValues(saved);
    const values = { ...v, runTime: '8', intervals: { ...v.intervals, noShowDays: '' } };
    expect(changedSetup(values, saved)).toEqual({ runTime: '8' });
    expect(localProblems(values)).toEqual({
      'intervals.noShowDays': 'Enter a number of days (0 = off).',
      runTime: 'Enter a time written HH:MM (24 h), e.g. 08:00.',
    });
    expect(localProblems(v)).toEqual({});
  });

  it('reads Off / 360° Email / Postcards: Off means both off, unticking it turns e-mail on', () => {
    const off = { emailOn: false, postcardsOn: false };
    expect(applySwitch(off, 'email', true)).toEqual({ emailOn: true, postcardsOn: false });
    expect(applySwitch({ emailOn: true, postcardsOn: true }, 'off', true)).toEqual(off);
    expect(applySwitch(off, 'off', false)).toEqual({ emailOn: true, postcardsOn: false });
    expect(applySwitch(off, 'postcards', true)).toEqual({ emailOn: false, postcardsOn: true });
    expect(switchesText(off)).toBe('Off');
    expect(switchesText({ emailOn: true, postcardsOn: true })).toMatch(/postcards to customers without/);
  });
});

describe('the inactive series', () => {
  it('lists the send days like the server', () => {
    expect(inactiveSchedule({ inactiveDays: 90, inactiveIntervalDays: 90, deadDays: 365 })).toEqual({
      days: [90, 180, 270, 360],
      more: false,
    });
    expect(inactiveSchedule({ inactiveDays: 90, inactiveIntervalDays: 60, deadDays: 180 }).days).toEqual([90, 150]);
    expect(inactiveSchedule({ inactiveDays: 30, inactiveIntervalDays: 30, deadDays: 0 }, 3)).toEqual({
      days: [30, 60, 90],
      more: true,
    });
    expect(listWords([90])).toBe('90');
    expect(listWords([90, 150])).toBe('90 and 150');
  });

  it('says it in words, as the seed’s examples do', () => {
    expect(inactiveSeriesText({ inactiveDays: 90, inactiveIntervalDays: 90, deadDays: 365 })).toBe(
      'An inactive message is sent 90, 180, 270 and 360 days after the last service, then it stops at Dead 365 (the next would be 450).',
    );
    expect(inactiveSeriesText({ inactiveDays: 90, inactiveIntervalDays: 60, deadDays: 180 })).toBe(
      'An inactive message is sent 90 and 150 days after the last service, then it stops at Dead 180 (the next would be 210).',
    );
    expect(inactiveSeriesText({ inactiveDays: '90', inactiveIntervalDays: 0, deadDays: 365 })).toBe(
      'One inactive message is sent 90 days after the last service (Inactive Interval is 0); customers are dead at 365 days.',
    );
    expect(inactiveSeriesText({ inactiveDays: 30, inactiveIntervalDays: 30, deadDays: 0 })).toBe(
      'An inactive message is sent 30, 60, 90, 120, 150, 180, … days after the last service: every 30 days, and never stops (Dead is 0).',
    );
    expect(inactiveSeriesText({ inactiveDays: 180, inactiveIntervalDays: 90, deadDays: 540 })).toBe(
      'An inactive message is sent 180, 270, 360 and 450 days after the last service, then it stops at Dead 540.',
    );
    expect(inactiveSeriesText({ inactiveDays: 0, inactiveIntervalDays: 90, deadDays: 365 })).toMatch(/Inactive is 0/);
    expect(inactiveSeriesText({ inactiveDays: 200, inactiveIntervalDays: 90, deadDays: 100 })).toMatch(
      /Dead \(100\) comes before Inactive \(200\)/,
    );
    expect(inactiveSeriesText({ inactiveDays: '', inactiveIntervalDays: 90, deadDays: 365 })).toMatch(/whole numbers/);
  });
});

describe('the server’s problems per field', () => {
  it('maps a 422’s problems to their fields and opens General first', () => {
    const error = new ApiError(422, 'lifecycle_invalid', 'Business Owner is missing…', {
      problems: [
        {
          field: 'signature.businessOwner',
          message: 'Business Owner is missing: every message is signed with it. Fill it in before switching on.',
        },
        { field: 'intervals.deadDays', message: 'Dead (100) must be more than Inactive (200), or 0.' },
      ],
    });
    const errors = setupErrorsOf(error);
    expect(errors).toEqual({
      'signature.businessOwner':
        'Business Owner is missing: every message is signed with it. Fill it in before switching on.',
      'intervals.deadDays': 'Dead (100) must be more than Inactive (200), or 0.',
    });
    expect(firstTabWithErrors(errors)).toBe('general');
    expect(firstTabWithErrors({ 'intervals.deadDays': 'x' })).toBe('intervals');
    expect(firstTabWithErrors({})).toBeNull();
    expect(countErrors(errors, 'general')).toBe(1);
    expect(countErrors({ ...errors, 'signature.businessOwner': undefined }, 'general')).toBe(0);
  });

  it('maps a 400’s details too, and ignores other errors', () => {
    const error = new ApiError(400, 'invalid_input', 'Invalid request', [
      { field: 'runTime', message: 'must be a time written HH:MM (24 h), e.g. 08:00' },
    ]);
    expect(setupErrorsOf(error)).toEqual({ runTime: 'Must be a time written HH:MM (24 h), e.g. 08:00.' });
    expect(setupErrorsOf(new ApiError(403, 'forbidden', 'No'))).toEqual({});
    expect(setupErrorsOf(new Error('boom'))).toEqual({});
  });
});

describe('preview and run words', () => {
  it('says what happens to each due message and why not', () => {
    expect(decisionText({ outcome: 'send', channel: 'email' })).toBe('send by e-mail');
    expect(decisionText({ outcome: 'send', channel: 'postcard' })).toBe('send by postcard');
    expect(decisionText({ outcome: 'skip', channel: null })).toBe('skip');
    expect(decisionText({ outcome: 'already_sent', channel: 'email' })).toBe('already sent');
    expect(lifecycleReasonLabel('no_template')).toBe('No active template for this step');
    expect(lifecycleReasonLabel('no_marketing_consent')).toBe('No consent to marketing');
    expect(lifecycleReasonLabel('brand_new')).toBe('Brand new');
  });

  it('reports a run', () => {
    expect(runOutcomeText({ outcome: 'done', enqueued: 1, skipped: 2, alreadySent: 0 })).toEqual({
      color: 'green',
      title: 'Run done',
      message: '1 message queued, 2 skipped.',
    });
    expect(runOutcomeText({ outcome: 'already_done', enqueued: 0, skipped: 0, alreadySent: 0 }).title).toBe(
      'Already run today',
    );
    expect(runOutcomeText({ outcome: 'off', enqueued: 0, skipped: 0, alreadySent: 0 }).message).toMatch(/is off/);
  });
});

describe('Show Statistics', () => {
  const rows: LifecycleStatisticsRow[] = [
    { day: '2026-06-14', step: 'thank_you', channel: 'email', total: 2, byStatus: { delivered: 1, bounced: 1 } },
    { day: '2026-06-15', step: 'thank_you', channel: 'email', total: 1, byStatus: { queued: 1 } },
    { day: '2026-06-15', step: 'thank_you', channel: 'postcard', total: 1, byStatus: { sent: 1 } },
    { day: '2026-06-15', step: 'reminder_1', channel: 'email', total: 3, byStatus: { skipped: 1, delivered: 2 } },
    { day: '2026-06-13', step: 'inactive', channel: 'email', total: 0, byStatus: {} },
  ];

  it('makes a day × step table, newest day first, steps in order, with totals', () => {
    const t = statisticsTable(rows);
    expect(t.steps).toEqual(['reminder_1', 'thank_you']);
    expect(t.days.map((d) => d.day)).toEqual(['2026-06-15', '2026-06-14']);
    expect(t.days[0]?.cells.thank_you).toEqual({
      email: { total: 1, byStatus: { queued: 1 } },
      postcard: { total: 1, byStatus: { sent: 1 } },
    });
    expect(t.days[1]?.cells.reminder_1).toBeUndefined();
    expect(t.totals.thank_you?.email).toEqual({ total: 3, byStatus: { delivered: 1, bounced: 1, queued: 1 } });
    expect(statisticsTable([])).toEqual({ steps: [], days: [], totals: {} });
  });

  it('words the counts and results', () => {
    expect(resultsText({ skipped: 1, delivered: 2, weird_one: 1, failed: 0 })).toBe(
      '2 delivered, 1 skipped, 1 weird one',
    );
    expect(tallyText(1, 'email')).toBe('1 e-mail');
    expect(tallyText(2, 'postcard')).toBe('2 postcards');
  });

  it('defaults to the store’s last 14 days and refuses more than the server allows', () => {
    expect(defaultStatisticsRange(new Date('2026-06-15T02:00:00Z'), 'America/Toronto')).toEqual({
      from: '2026-06-01',
      to: '2026-06-14',
    });
    expect(statisticsRangeProblem({ from: '2026-06-01', to: '2026-06-14' })).toBeNull();
    expect(statisticsRangeProblem({ from: '2026-06-15', to: '2026-06-01' })).toBe(
      'The start date is after the end date.',
    );
    expect(statisticsRangeProblem({ from: '2026-01-01', to: '2026-04-03' })).toBeNull();
    expect(statisticsRangeProblem({ from: '2026-01-01', to: '2026-04-04' })).toMatch(/at most 93 days/);
  });
});
