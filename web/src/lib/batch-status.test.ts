import { describe, expect, it } from 'vitest';
import {
  addDays,
  axisTicks,
  defaultRange,
  formatLift,
  formatRate,
  niceMax,
  rangeProblem,
  stackedBars,
  toggleStatus,
  visibleStatuses,
} from './batch-status.ts';

describe('batch status helpers', () => {
  it('toggles a status in and out of the excluded list, in the canonical order', () => {
    expect(toggleStatus([], 'sent')).toEqual(['sent']);
    expect(toggleStatus(['sent'], 'held_out')).toEqual(['held_out', 'sent']);
    expect(toggleStatus(['held_out', 'sent'], 'held_out')).toEqual(['sent']);
  });

  it('shows statuses present in the range and those excluded', () => {
    expect(visibleStatuses({ delivered: 2, sent: 0, held_out: 1 }, ['bounced'])).toEqual([
      'held_out',
      'delivered',
      'bounced',
    ]);
  });

  it('computes the default range in the store’s zone and checks ranges', () => {
    // 02:00 UTC on the 1st is still May 31 in Toronto.
    expect(defaultRange(new Date('2026-06-01T02:00:00Z'), 'America/Toronto')).toEqual({
      from: '2026-05-02',
      to: '2026-05-31',
    });
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(rangeProblem({ from: '2026-06-02', to: '2026-06-01' })).toMatch(/after/);
    expect(rangeProblem({ from: '', to: '2026-06-01' })).toMatch(/both dates/);
    expect(rangeProblem({ from: '2025-01-01', to: '2026-06-01' })).toMatch(/at most 366/);
    expect(rangeProblem({ from: '2025-06-01', to: '2026-06-01' })).toBeNull();
  });

  it('stacks the shown statuses per day on a round scale', () => {
    expect([0, 1, 3, 10, 11, 48, 120].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 200]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(20)).toEqual([0, 4, 8, 12, 16, 20]);
    const { bars, max } = stackedBars(
      [
        { date: '2026-06-10', counts: { delivered: 3, bounced: 1, held_out: 4 } },
        { date: '2026-06-11', counts: {} },
      ],
      ['delivered', 'bounced'],
      { width: 200, height: 100 },
    );
    expect(max).toBe(5);
    expect(bars[0]?.total).toBe(4);
    expect(bars[0]?.segments).toEqual([
      { status: 'delivered', y: 40, height: 60, count: 3 },
      { status: 'bounced', y: 20, height: 20, count: 1 },
    ]);
    expect(bars[1]).toMatchObject({ x: 115, width: 70, segments: [], total: 0 });
  });

  it('formats rates and lifts', () => {
    expect(formatRate(0.125)).toBe('12.5 %');
    expect(formatRate(null)).toBe('–');
    expect(formatLift(-30)).toBe('−30 pts');
    expect(formatLift(4.24)).toBe('+4.2 pts');
    expect(formatLift(0)).toBe('0 pts');
  });
});
