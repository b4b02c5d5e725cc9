import { describe, expect, it } from 'vitest';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { nanpE164, normalisePhone, type PhoneResult } from './phone.ts';

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

/** libphonenumber alone: what normalisePhone answered before its North American fast path. */
function viaLibphonenumber(raw: string, country: string): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty phone number' };
  const region = country.toUpperCase();
  const parsed = isSupportedCountry(region)
    ? parsePhoneNumberFromString(text, { defaultCountry: region })
    : parsePhoneNumberFromString(text);
  if (!parsed) return { ok: false, reason: `not a phone number: "${text}"` };
  if (!parsed.isValid())
    return { ok: false, reason: `not a valid ${parsed.country ?? region} phone number: "${text}"` };
  return { ok: true, e164: parsed.number };
}

/** mulberry32: a seeded generator, so a failure names an input that can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('normalisePhone North American fast path', () => {
  const REGIONS = ['CA', 'US', 'ca', 'BS', 'DO', 'FR', 'GB', 'MX', 'ZZ'];
  // Real area codes of several NANP countries (Canada, US, Caribbean, toll-free, premium) and N11s.
  const AREAS = [
    '416',
    '514',
    '604',
    '403',
    '780',
    '204',
    '418',
    '613',
    '902',
    '709',
    '867',
    '212',
    '305',
    '505',
    '983',
    '800',
    '888',
    '900',
    '268',
    '242',
    '441',
    '809',
    '829',
    '849',
    '876',
    '658',
    '787',
    '939',
    '671',
    '670',
    '340',
    '684',
    '721',
    '523',
    '411',
    '911',
    '555',
    '600',
    '622',
    '456',
    '500',
    '533',
    '544',
    '566',
    '577',
    '588',
    '700',
    '710',
    '880',
  ];

  function generate(rnd: () => number): string {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
    const npa = rnd() < 0.6 ? pick(AREAS) : digits(3);
    const nxx = rnd() < 0.85 ? `${2 + Math.floor(rnd() * 8)}${digits(2)}` : digits(3);
    const line = digits(4);
    const shapes = [
      `(${npa}) ${nxx}-${line}`,
      `${npa}-${nxx}-${line}`,
      `${npa}.${nxx}.${line}`,
      `${npa}${nxx}${line}`,
      `1-${npa}-${nxx}-${line}`,
      `1 (${npa}) ${nxx} ${line}`,
      `1${npa}${nxx}${line}`,
      `+1 ${npa} ${nxx} ${line}`,
      `+1(${npa})${nxx}-${line}`,
      `+1${npa}${nxx}${line}`,
      `+ 1 ${npa} ${nxx} ${line}`,
      `+${npa}${nxx}${line}`,
      `${npa} ${nxx} ${line} x${digits(3)}`,
      `${npa}-${nxx}-${line} ext. 12`,
      `${nxx}-${line}`,
      `${npa}${nxx}${line}${digits(1)}`,
      `${npa}${nxx}${line.slice(1)}`,
      `2${npa}${nxx}${line}`,
      `011 1 ${npa} ${nxx} ${line}`,
      `0${npa}${nxx}${line.slice(1)}`,
      `(${npa} ${nxx}-${line}`,
      `-${npa}--${nxx}--${line}-`,
      `${npa}) ${nxx}-${line}(`,
      `..${npa}${nxx}${line}..`,
      `+33 1 42 68 ${digits(2)} ${digits(2)}`,
      `+44 20 7946 ${digits(4)}`,
      `+52 55 ${digits(4)} ${digits(4)}`,
      `tel: ${npa}${nxx}${line}`,
      `${npa}/${nxx}-${line}`,
      `${npa}\t${nxx}\u00a0${line}`,
      `++1${npa}${nxx}${line}`,
      `1+${npa}${nxx}${line}`,
      `${'('.repeat(20)}${npa}${nxx}${line}`,
      `1-1-${npa}-${nxx}-${line}`,
    ];
    return pick(shapes);
  }

  it('gives exactly what libphonenumber gives, on many generated inputs', () => {
    const rnd = prng(20261123);
    let fast = 0;
    for (let i = 0; i < 40_000; i++) {
      const raw = generate(rnd);
      const region = REGIONS[i % REGIONS.length] ?? 'CA';
      const want = viaLibphonenumber(raw, region);
      const got = normalisePhone(raw, region);
      if (JSON.stringify(got) !== JSON.stringify(want))
        expect({ raw, region, got }).toEqual({ raw, region, got: want });
      const f = nanpE164(raw.trim(), region.toUpperCase());
      if (f !== undefined) {
        fast++;
        // The fast path only ever answers for numbers libphonenumber finds valid, with its E.164.
        if (!want.ok || want.e164 !== f) expect({ raw, region, fast: f }).toEqual({ raw, region, fast: want });
      }
    }
    // Most generated numbers are plain North American ones: the fast path must actually be taken.
    expect(fast).toBeGreaterThan(5_000);
  });

  it('agrees with libphonenumber on every area code, for Canadian and US stores', () => {
    const rnd = prng(7);
    for (let npa = 200; npa <= 999; npa++) {
      for (const nxx of ['200', '555', String(200 + Math.floor(rnd() * 800))]) {
        const line = String(Math.floor(rnd() * 10_000)).padStart(4, '0');
        for (const [raw, region] of [
          [`(${npa}) ${nxx}-${line}`, 'CA'],
          [`1-${npa}-${nxx}-${line}`, 'US'],
          [`+1 ${npa} ${nxx} ${line}`, 'FR'],
        ] as const) {
          const want = viaLibphonenumber(raw, region);
          const got = normalisePhone(raw, region);
          if (JSON.stringify(got) !== JSON.stringify(want))
            expect({ raw, region, got }).toEqual({ raw, region, got: want });
        }
      }
    }
  });

  it('takes the fast path for the plain forms DMS exports use', () => {
    expect(nanpE164('(416) 967-1111', 'CA')).toBe('+14169671111');
    expect(nanpE164('1-212-555-0123', 'US')).toBe(
      viaLibphonenumber('1-212-555-0123', 'US').ok ? '+12125550123' : undefined,
    );
    expect(nanpE164('+1 416 967 1111', 'FR')).toBe('+14169671111');
    expect(nanpE164('416 967 1111', 'FR')).toBeUndefined();
    expect(nanpE164('416 967 1111 x12', 'CA')).toBeUndefined();
    expect(nanpE164('(111) 967-1111', 'CA')).toBeUndefined();
  });
});
