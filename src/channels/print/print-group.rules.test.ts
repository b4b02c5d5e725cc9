import { describe, expect, it } from 'vitest';
import { describeGroup, printGroup } from './print-group.rules.ts';

describe('printGroup', () => {
  it('gives each batch run its own file, with no fixed closing time', () => {
    const at = new Date('2026-06-15T14:00:00Z');
    expect(printGroup({ sourceKind: 'batch', sourceRef: 'run-7' }, at, 'America/Toronto')).toEqual({
      groupKey: 'run:run-7',
      sourceRef: 'run-7',
      closeAfter: null,
    });
  });

  it('puts other letters in the store-local day’s file, closing at the store’s midnight', () => {
    // 02:30 UTC on the 16th is still the 15th in Toronto (UTC-4 in June).
    const g = printGroup(
      { sourceKind: 'automation', sourceRef: null },
      new Date('2026-06-16T02:30:00Z'),
      'America/Toronto',
    );
    expect(g.groupKey).toBe('day:2026-06-15');
    expect(g.closeAfter?.toISOString()).toBe('2026-06-16T04:00:00.000Z');
    expect(printGroup({ sourceKind: 'manual', sourceRef: 'x' }, new Date('2026-06-16T02:30:00Z'), 'UTC').groupKey).toBe(
      'day:2026-06-16',
    );
  });

  it('treats a batch message without a run reference as a day’s letter', () => {
    expect(printGroup({ sourceKind: 'batch', sourceRef: null }, new Date('2026-06-15T12:00:00Z'), 'UTC').groupKey).toBe(
      'day:2026-06-15',
    );
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(
      printGroup({ sourceKind: 'manual', sourceRef: null }, new Date('2026-06-15T12:00:00Z'), 'Nowhere/Else').groupKey,
    ).toBe('day:2026-06-15');
  });

  it('describes groups', () => {
    expect(describeGroup('run:run-7')).toEqual({ kind: 'run', value: 'run-7' });
    expect(describeGroup('day:2026-06-15')).toEqual({ kind: 'day', value: '2026-06-15' });
  });
});
