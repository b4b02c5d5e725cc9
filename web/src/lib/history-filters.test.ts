import { describe, expect, it } from 'vitest';
import {
  countLabel,
  filtersFrom,
  filtersFromParams,
  filtersToParams,
  flattenPages,
  hasFilters,
} from './history-filters.ts';

describe('message filters', () => {
  it('reads known values and ignores the rest', () => {
    expect(filtersFromParams(new URLSearchParams('channel=sms&status=deferred'))).toEqual({
      channel: 'sms',
      status: 'deferred',
    });
    expect(filtersFromParams(new URLSearchParams('channel=fax&status=lost'))).toEqual({
      channel: undefined,
      status: undefined,
    });
    expect(filtersFrom('all', 'all')).toEqual({ channel: undefined, status: undefined });
  });

  it('writes only what is set', () => {
    expect(filtersToParams({ channel: 'email', status: undefined })).toEqual({ channel: 'email' });
    expect(filtersToParams({})).toEqual({});
    expect(hasFilters({ status: 'failed' })).toBe(true);
    expect(hasFilters({})).toBe(false);
  });

  it('joins pages newest first without repeating a message', () => {
    expect(
      flattenPages([{ items: [{ id: 9 }, { id: 8 }] }, { items: [{ id: 8 }, { id: 7 }] }]).map((m) => m.id),
    ).toEqual([9, 8, 7]);
  });

  it('counts', () => {
    expect(countLabel(1, false)).toBe('1 message');
    expect(countLabel(25, true)).toBe('25 messages (more to load)');
  });
});
