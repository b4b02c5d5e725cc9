import { describe, expect, it } from 'vitest';
import { hasSmartPunctuation, replaceSmartPunctuation } from './smart-punctuation.ts';

describe('replaceSmartPunctuation', () => {
  it('makes quotes, dashes and ellipses plain and counts them', () => {
    const input = '‘Hi’ “there” – we’re open — 9 to 5…';
    expect(replaceSmartPunctuation(input)).toEqual({ text: `'Hi' "there" - we're open - 9 to 5...`, count: 8 });
  });
  it('turns French no-break spaces into ordinary ones', () => {
    expect(replaceSmartPunctuation('Bonjour\u00A0! À\u202Fbientôt').text).toBe('Bonjour ! À bientôt');
  });
  it('leaves plain text, accents and merge tags alone', () => {
    const plain = `It's "fine" - {{ customer.first_name }}, café à 9h...`;
    expect(replaceSmartPunctuation(plain)).toEqual({ text: plain, count: 0 });
    expect(hasSmartPunctuation(plain)).toBe(false);
  });
});

describe('hasSmartPunctuation', () => {
  it('finds any one of them, every time it is asked', () => {
    expect(hasSmartPunctuation('We’re')).toBe(true);
    expect(hasSmartPunctuation('We’re')).toBe(true);
    expect(hasSmartPunctuation('Wait…')).toBe(true);
    expect(hasSmartPunctuation('')).toBe(false);
  });
});
