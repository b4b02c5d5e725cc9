import { describe, expect, it } from 'vitest';
import { currentSalesperson, type SalespersonEvidence } from './salesperson.rules.ts';

const ev = (name: string, on: string): SalespersonEvidence => ({ salespersonId: name.length, name, on });

describe('currentSalesperson', () => {
  it('takes the most recent of deal, reassignment and activity', () => {
    expect(
      currentSalesperson({
        isProspect: false,
        lastDeal: ev('Dana', '2024-01-10'),
        lastReassignment: ev('Rita', '2023-06-01'),
        lastActivity: ev('Al', '2024-03-02'),
      }),
    ).toMatchObject({ name: 'Al', source: 'activity' });
    expect(
      currentSalesperson({
        isProspect: false,
        lastDeal: ev('Dana', '2024-05-10'),
        lastReassignment: ev('Rita', '2024-04-01'),
      }),
    ).toMatchObject({ name: 'Dana', source: 'deal' });
    expect(
      currentSalesperson({
        isProspect: false,
        lastDeal: ev('Dana', '2024-01-10'),
        lastReassignment: ev('Rita', '2024-02-01'),
      }),
    ).toMatchObject({ name: 'Rita', source: 'reassignment' });
  });

  it('prefers an explicit reassignment on the same day as the deal', () => {
    expect(
      currentSalesperson({
        isProspect: false,
        lastDeal: ev('Dana', '2024-01-10'),
        lastReassignment: ev('Rita', '2024-01-10'),
      }),
    ).toMatchObject({ name: 'Rita' });
  });

  it('always uses the last activity on a prospect file', () => {
    expect(
      currentSalesperson({
        isProspect: true,
        lastDeal: ev('Dana', '2025-01-10'),
        lastReassignment: ev('Rita', '2025-02-01'),
        lastActivity: ev('Al', '2020-03-02'),
      }),
    ).toMatchObject({ name: 'Al', source: 'activity' });
    expect(currentSalesperson({ isProspect: true, lastReassignment: ev('Rita', '2025-02-01') })).toBeUndefined();
  });

  it('has no salesperson without evidence', () => {
    expect(currentSalesperson({ isProspect: false })).toBeUndefined();
  });
});
