import { describe, expect, it } from 'vitest';
import { parseSearch } from './search.rules.ts';

const kinds = (q: string) => parseSearch(q).terms.map((t) => t.kind);

describe('parseSearch', () => {
  it('reads an e-mail only as an e-mail', () => {
    expect(parseSearch(' Jane.Doe@Example.ca ').terms).toEqual([{ kind: 'email', value: 'jane.doe@example.ca' }]);
  });
  it('reads formatted phone digits as a phone and a DMS number', () => {
    const q = parseSearch('(416) 555-0199');
    expect(q.terms).toContainEqual({ kind: 'phone', value: '4165550199' });
    expect(kinds('(416) 555-0199')).toContain('dms_number');
  });
  it('keeps the last ten digits of a number with a country code', () => {
    expect(parseSearch('+1 416 555 0199').terms).toContainEqual({ kind: 'phone', value: '4165550199' });
  });
  it('reads a 17-character VIN as a VIN', () => {
    expect(parseSearch('2hgfc2f59kh512345').terms).toContainEqual({ kind: 'vin', value: '2HGFC2F59KH512345' });
  });
  it('reads a short code as a plate', () => {
    expect(kinds('CAFE 123')).toContain('plate');
  });
  it('reads words as a name', () => {
    expect(parseSearch('marie tremblay').terms).toContainEqual({ kind: 'name', words: ['marie', 'tremblay'] });
  });
  it('has no terms for a blank search', () => {
    expect(parseSearch('   ').terms).toEqual([]);
  });
});
