import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it('reads national numbers in the store country as E.164', () => {
    expect(normalisePhone('(416) 967-1111', 'CA')).toEqual({ ok: true, e164: '+14169671111' });
    expect(normalisePhone('416.967.1111', 'CA')).toEqual({ ok: true, e164: '+14169671111' });
    expect(normalisePhone('1-416-967-1111', 'CA')).toEqual({ ok: true, e164: '+14169671111' });
    expect(normalisePhone('01 42 68 53 00', 'FR')).toEqual({ ok: true, e164: '+33142685300' });
  });

  it('keeps the country of an international number', () => {
    expect(normalisePhone('+33 1 42 68 53 00', 'CA')).toEqual({ ok: true, e164: '+33142685300' });
  });

  it('refuses text, short numbers and unassigned area codes with a reason', () => {
    for (const raw of ['n/a', '555-1234', '(111) 967-1111', '']) {
      const r = normalisePhone(raw, 'CA');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).not.toBe('');
    }
  });

  it('treats an unknown store country as none rather than failing', () => {
    expect(normalisePhone('+1 416 967 1111', 'ZZ')).toEqual({ ok: true, e164: '+14169671111' });
    expect(normalisePhone('416 967 1111', 'ZZ').ok).toBe(false);
  });
});
