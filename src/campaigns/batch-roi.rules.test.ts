import { describe, expect, it } from 'vitest';
import {
  computeRoi,
  dayRange,
  daysOf,
  liftPoints,
  parseStatusList,
  type RoiContact,
  type RoiOutcome,
} from './batch-roi.rules.ts';

const zone = 'America/Toronto';
const now = new Date('2026-06-15T14:00:00Z');

describe('dayRange', () => {
  it('covers store-local days, both ends included', () => {
    const r = dayRange({ from: '2026-06-01', to: '2026-06-15' }, now, zone);
    expect(r).toEqual({
      ok: true,
      range: {
        from: '2026-06-01',
        to: '2026-06-15',
        start: new Date('2026-06-01T04:00:00Z'),
        end: new Date('2026-06-16T04:00:00Z'),
        days: 15,
      },
    });
  });

  it('defaults to the last 30 days, today included, and a lone from runs to today', () => {
    const r = dayRange({}, now, zone);
    expect(r.ok && [r.range.from, r.range.to, r.range.days]).toEqual(['2026-05-17', '2026-06-15', 30]);
    const lone = dayRange({ from: '2026-06-10' }, now, zone);
    expect(lone.ok && [lone.range.from, lone.range.to]).toEqual(['2026-06-10', '2026-06-15']);
  });

  it('refuses from after to, more than 366 days and impossible dates', () => {
    expect(dayRange({ from: '2026-06-02', to: '2026-06-01' }, now, zone)).toEqual({
      ok: false,
      message: 'from (2026-06-02) is after to (2026-06-01).',
    });
    expect(dayRange({ from: '2025-06-14', to: '2026-06-15' }, now, zone)).toMatchObject({ ok: false });
    expect(dayRange({ from: '2025-06-15', to: '2026-06-15' }, now, zone)).toMatchObject({ ok: true });
    expect(dayRange({ from: '2026-02-30', to: '2026-03-01' }, now, zone)).toMatchObject({ ok: false });
  });

  it('lists every day across a change of clocks', () => {
    const r = dayRange({ from: '2026-03-07', to: '2026-03-09' }, now, zone);
    expect(r.ok && daysOf(r.range)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
  });
});

describe('parseStatusList', () => {
  it('reads a comma list and names the allowed statuses for an unknown one', () => {
    expect(parseStatusList('include', 'sent, delivered,sent')).toEqual({ ok: true, statuses: ['sent', 'delivered'] });
    expect(parseStatusList('include', undefined)).toEqual({ ok: true, statuses: undefined });
    const bad = parseStatusList('exclude', 'sent,opened');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/exclude: unknown status "opened"; use held_out, not_enqueued, queued/);
  });
});

const contact = (over: Partial<RoiContact> & Pick<RoiContact, 'id' | 'customerId'>): RoiContact => ({
  holdout: false,
  messageStatus: 'delivered',
  channel: 'email',
  contactedAt: new Date('2026-06-01T13:30:00Z'),
  inRange: true,
  ...over,
});
const visit = (id: number, customerId: number, date: string, amount = 100): RoiOutcome => ({
  id,
  customerId,
  date,
  amount,
});
const base = { withdrawals: [], windowDays: 30, roiType: 'service' as const, zone };

describe('computeRoi', () => {
  it('credits a repair order after the contact day and within the window, not on the day itself', () => {
    const contacts = [
      contact({ id: 1, customerId: 10 }),
      contact({ id: 2, customerId: 20 }),
      contact({ id: 3, customerId: 30 }),
    ];
    const outcomes = [
      visit(1, 10, '2026-06-02', 120.5),
      visit(2, 10, '2026-07-01', 79.5), // day 30: still in
      visit(3, 20, '2026-06-01'), // the contact day: not credited
      visit(4, 30, '2026-07-02'), // day 31: too late
    ];
    const roi = computeRoi({ ...base, contacts, outcomes });
    expect(roi.contacted).toMatchObject({ contacts: 3, responded: 1, outcomes: 2, revenue: 200 });
    expect(roi.contacted.responseRate).toBeCloseTo(1 / 3);
  });

  it('gives a repair order to the latest contact whose window holds it, once', () => {
    const contacts = [
      contact({ id: 1, customerId: 10, contactedAt: new Date('2026-06-01T13:30:00Z') }),
      contact({ id: 2, customerId: 10, contactedAt: new Date('2026-06-08T13:30:00Z'), inRange: false }),
    ];
    const roi = computeRoi({ ...base, contacts, outcomes: [visit(1, 10, '2026-06-10')] });
    // The later contact (outside the range) took the credit, so the reported one did not respond.
    expect(roi.contacted).toMatchObject({ contacts: 1, responded: 0, revenue: 0 });
  });

  it('counts sent, delivered, bounced and opt-outs for the contacted group only', () => {
    const contacts = [
      contact({ id: 1, customerId: 1, messageStatus: 'delivered' }),
      contact({ id: 2, customerId: 2, messageStatus: 'bounced' }),
      contact({ id: 3, customerId: 3, messageStatus: 'complained' }),
      contact({ id: 4, customerId: 4, messageStatus: 'queued' }),
      contact({ id: 5, customerId: 5, messageStatus: 'sent' }),
      contact({ id: 6, customerId: 6, holdout: true, messageStatus: null }),
    ];
    const withdrawals = [
      { customerId: 5, channel: 'email', occurredAt: new Date('2026-06-03T00:00:00Z') },
      // Another channel, before the contact, or by a held-out customer: not an opt-out from this batch.
      { customerId: 1, channel: 'sms', occurredAt: new Date('2026-06-03T00:00:00Z') },
      { customerId: 4, channel: 'email', occurredAt: new Date('2026-06-01T13:00:00Z') },
      { customerId: 6, channel: 'email', occurredAt: new Date('2026-06-03T00:00:00Z') },
    ];
    const roi = computeRoi({ ...base, contacts, outcomes: [], withdrawals });
    expect(roi.contacted).toMatchObject({ contacts: 5, sent: 4, delivered: 2, bounced: 1, optedOut: 2 });
    expect(roi.control).toMatchObject({ contacts: 1, responded: 0, responseRate: 0 });
  });

  it('credits the control group the same way and reports the lift in percentage points', () => {
    const contacts = [
      contact({ id: 1, customerId: 1 }),
      contact({ id: 2, customerId: 2 }),
      contact({ id: 3, customerId: 3, holdout: true, messageStatus: null }),
      contact({ id: 4, customerId: 4, holdout: true, messageStatus: null }),
      contact({ id: 5, customerId: 5, holdout: true, messageStatus: null }),
      contact({ id: 6, customerId: 6, holdout: true, messageStatus: null }),
    ];
    const outcomes = [visit(1, 1, '2026-06-05', 300), visit(2, 3, '2026-06-05', 50)];
    const roi = computeRoi({ ...base, contacts, outcomes });
    expect(roi.contacted).toMatchObject({ responded: 1, responseRate: 0.5, revenue: 300 });
    expect(roi.control).toMatchObject({ contacts: 4, responded: 1, responseRate: 0.25, revenue: 50 });
    expect(roi.liftPoints).toBe(25);
  });

  it('counts deals without revenue for a sales schedule', () => {
    const roi = computeRoi({
      ...base,
      roiType: 'sales',
      contacts: [contact({ id: 1, customerId: 1 })],
      outcomes: [{ id: 9, customerId: 1, date: '2026-06-20', amount: null }],
    });
    expect(roi.contacted).toMatchObject({ responded: 1, outcomes: 1, revenue: null });
    expect(roi.liftPoints).toBeNull();
  });

  it('has no rates for empty groups', () => {
    expect(liftPoints(null, 0.1)).toBeNull();
    expect(liftPoints(0.123, 0.1)).toBe(2.3);
    const roi = computeRoi({ ...base, contacts: [], outcomes: [] });
    expect(roi.contacted.responseRate).toBeNull();
  });
});
