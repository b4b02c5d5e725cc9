import { describe, expect, it } from 'vitest';
import { bestNumber, listPurpose, parseListKey, type DialFacts } from './call-list.rules.ts';

describe('list keys and purposes', () => {
  it('reads a contact type key or query:<id>, and nothing else', () => {
    expect(parseListKey('maintenance')).toEqual({ kind: 'contact_type', key: 'maintenance' });
    expect(parseListKey('query:12')).toEqual({ kind: 'query', queryId: 12 });
    for (const bad of ['query:0', 'query:x', 'Maintenance', 'a b', '', 'query:12;drop'])
      expect(parseListKey(bad)).toBeUndefined();
  });

  it('calls sales follow-ups as marketing, service lists as service, saved queries as chosen (marketing unsaid)', () => {
    expect(listPurpose({ kind: 'contact_type', key: 'unsold' })).toBe('marketing');
    expect(listPurpose({ kind: 'contact_type', key: 'sales_schedule' })).toBe('marketing');
    expect(listPurpose({ kind: 'contact_type', key: 'maintenance' })).toBe('service');
    expect(listPurpose({ kind: 'query', queryId: 1 })).toBe('marketing');
    expect(listPurpose({ kind: 'query', queryId: 1 }, 'service')).toBe('service');
  });
});

describe('the number to dial', () => {
  const facts = (over: Partial<DialFacts> = {}): DialFacts => ({
    numbers: { cell_phone: '+14165550001', home_phone: '+14165550002', work_phone: '+14165550003' },
    on: { cell_phone: true, home_phone: true, work_phone: true },
    preferred: null,
    blocked: new Set(),
    ...over,
  });

  it('is the preferred line first, else cell, home, work', () => {
    expect(bestNumber(facts())).toEqual({ line: 'cell_phone', number: '+14165550001' });
    expect(bestNumber(facts({ preferred: 'work_phone' }))).toEqual({ line: 'work_phone', number: '+14165550003' });
    expect(bestNumber(facts({ preferred: 'email' }))?.line).toBe('cell_phone');
  });

  it('never a line switched off or a blocked number', () => {
    expect(
      bestNumber(facts({ preferred: 'cell_phone', on: { cell_phone: false, home_phone: true, work_phone: true } }))
        ?.line,
    ).toBe('home_phone');
    expect(bestNumber(facts({ blocked: new Set(['+14165550001', '+14165550002']) }))?.line).toBe('work_phone');
    expect(
      bestNumber(
        facts({
          numbers: { cell_phone: null, home_phone: null, work_phone: '+14165550003' },
          on: { cell_phone: true, home_phone: true, work_phone: false },
        }),
      ),
    ).toBeNull();
  });
});
