import { describe, expect, it } from 'vitest';
import {
  addDays,
  catchUpDays,
  channelFor,
  inactiveSchedule,
  inactiveSendDay,
  intervalProblems,
  signatureProblems,
  type LifecycleIntervals,
} from './lifecycle.rules.ts';

const series = (inactiveDays: number, deadDays: number, inactiveIntervalDays: number) => ({
  inactiveDays,
  deadDays,
  inactiveIntervalDays,
});
/** Every day 0…max on which a daily run (no catch-up) sends the inactive message. */
const sendDays = (s: ReturnType<typeof series>, max = 1000) =>
  Array.from({ length: max + 1 }, (_, d) => d).filter((d) => inactiveSendDay(s, d) === d);

describe('inactive until dead (the seed’s examples)', () => {
  it('Inactive 90, Dead 365, Interval 90: 90, 180, 270 and 360 days, then stops (450 is past 365)', () => {
    expect(sendDays(series(90, 365, 90))).toEqual([90, 180, 270, 360]);
    expect(inactiveSchedule(series(90, 365, 90))).toEqual({ days: [90, 180, 270, 360], more: false });
  });

  it('Inactive 90, Dead 180, Interval 60: 90 and 150 days, then stops (210 is past 180)', () => {
    expect(sendDays(series(90, 180, 60))).toEqual([90, 150]);
  });

  it('Dead on a send day: the customer is dead that day, so that message is not sent', () => {
    expect(sendDays(series(90, 360, 90))).toEqual([90, 180, 270]);
    expect(sendDays(series(90, 361, 90))).toEqual([90, 180, 270, 360]);
  });

  it('Interval 0: one inactive message, at Inactive', () => {
    expect(sendDays(series(90, 365, 0))).toEqual([90]);
    expect(sendDays(series(90, 0, 0))).toEqual([90]);
  });

  it('Dead 0: inactive messages never stop', () => {
    expect(sendDays(series(100, 0, 200), 1500)).toEqual([100, 300, 500, 700, 900, 1100, 1300, 1500]);
    expect(inactiveSchedule(series(100, 0, 200), 3)).toEqual({ days: [100, 300, 500], more: true });
  });

  it('Inactive 0 switches the step off', () => {
    expect(sendDays(series(0, 365, 90))).toEqual([]);
  });

  it('a new visit resets the clock: the count starts again from the new last invoice', () => {
    // Last service 200 days ago → the 180-day message was sent; a visit today makes it day 0 again.
    expect(inactiveSendDay(series(90, 365, 90), 180)).toBe(180);
    expect(inactiveSendDay(series(90, 365, 90), 0)).toBeNull();
    expect(inactiveSendDay(series(90, 365, 90), 90)).toBe(90);
  });

  it('a catch-up window finds a send day missed while the server was down, never one before Dead', () => {
    expect(inactiveSendDay(series(90, 365, 90), 183, 3)).toBe(180);
    expect(inactiveSendDay(series(90, 365, 90), 183, 2)).toBeNull();
    expect(inactiveSendDay(series(90, 365, 90), 364, 7)).toBe(360);
    expect(inactiveSendDay(series(90, 365, 90), 366, 7)).toBe(360);
    expect(inactiveSendDay(series(90, 365, 90), 370, 7)).toBeNull();
  });
});

const OK: LifecycleIntervals = {
  reminder1Days: 14,
  reminder2Days: 2,
  noShowDays: 1,
  thankYouDays: 1,
  deferredDays: 30,
  inactiveDays: 90,
  inactiveIntervalDays: 90,
  deadDays: 365,
};

describe('interval problems', () => {
  it('accepts the defaults and all zeros', () => {
    expect(intervalProblems(OK)).toEqual([]);
    expect(
      intervalProblems(Object.fromEntries(Object.keys(OK).map((k) => [k, 0])) as unknown as LifecycleIntervals),
    ).toEqual([]);
  });

  it('refuses negative intervals, naming each', () => {
    const p = intervalProblems({ ...OK, noShowDays: -1, inactiveIntervalDays: -30 });
    expect(p.map((x) => x.field)).toEqual(['noShowDays', 'inactiveIntervalDays']);
    expect(p[0]?.message).toMatch(/No Show cannot be negative \(-1\)/);
  });

  it('refuses a Dead below (or at) Inactive, but not Dead 0', () => {
    expect(intervalProblems({ ...OK, inactiveDays: 180, deadDays: 90 })).toEqual([
      expect.objectContaining({
        field: 'deadDays',
        message: expect.stringMatching(/Dead \(90\) must be more than Inactive \(180\)/),
      }),
    ]);
    expect(intervalProblems({ ...OK, inactiveDays: 180, deadDays: 180 })).toHaveLength(1);
    expect(intervalProblems({ ...OK, inactiveDays: 180, deadDays: 0 })).toEqual([]);
  });

  it('refuses a Reminder 2 that would come before Reminder 1, and fractions and absurd values', () => {
    expect(intervalProblems({ ...OK, reminder1Days: 3, reminder2Days: 7 })[0]?.field).toBe('reminder2Days');
    expect(intervalProblems({ ...OK, thankYouDays: 1.5 })[0]?.message).toMatch(/whole number/);
    expect(intervalProblems({ ...OK, deferredDays: 99999 })[0]?.message).toMatch(/at most 3650/);
  });
});

describe('signature problems', () => {
  const full = {
    businessName: 'Maple Motors',
    businessOwner: 'Jean Gagnon',
    businessPhone: '+14165550123',
    businessEmail: 'service@maple.test',
    feedbackUrl: 'https://maple.test/feedback',
  };
  it('names each missing field', () => {
    expect(signatureProblems(full)).toEqual([]);
    const p = signatureProblems({ ...full, businessOwner: ' ', feedbackUrl: null });
    expect(p.map((x) => x.field)).toEqual(['businessOwner', 'feedbackUrl']);
    expect(p[0]?.message).toMatch(/Business Owner is missing/);
  });
  it('takes a web address or mailto: as feedback, and checks the e-mail', () => {
    expect(signatureProblems({ ...full, feedbackUrl: 'mailto:owner@maple.test' })).toEqual([]);
    expect(signatureProblems({ ...full, feedbackUrl: 'maple.test/feedback' })[0]?.field).toBe('feedbackUrl');
    expect(signatureProblems({ ...full, feedbackUrl: 'javascript:alert(1)' })[0]?.field).toBe('feedbackUrl');
    expect(signatureProblems({ ...full, businessEmail: 'service at maple' })[0]?.field).toBe('businessEmail');
  });
});

describe('channel', () => {
  it('e-mail to customers with an address; postcards only to those without one when both are on', () => {
    expect(channelFor({ emailOn: true, postcardsOn: true }, true)).toBe('email');
    expect(channelFor({ emailOn: true, postcardsOn: true }, false)).toBe('postcard');
    expect(channelFor({ emailOn: true, postcardsOn: false }, false)).toBeNull();
    expect(channelFor({ emailOn: false, postcardsOn: true }, true)).toBe('postcard');
    expect(channelFor({ emailOn: false, postcardsOn: false }, true)).toBeNull();
  });
});

describe('catch-up window', () => {
  it('covers the days since the last completed run, at most a week; only today on a first run', () => {
    expect(catchUpDays('2026-06-15', null)).toBe(0);
    expect(catchUpDays('2026-06-15', '2026-06-14')).toBe(0);
    expect(catchUpDays('2026-06-15', '2026-06-12')).toBe(2);
    expect(catchUpDays('2026-06-15', '2026-05-01')).toBe(7);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
