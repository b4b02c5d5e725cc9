import { describe, expect, it } from 'vitest';
import { SMS_MAX_CHARACTERS, checkSmsLength, isGsm7, replaceSmartQuotes, smsSegments } from './sms-segments.rules.ts';

const a = (n: number) => 'a'.repeat(n);

describe('smsSegments', () => {
  it('empty text is no message', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, segments: 0 });
  });

  it('GSM-7: 160 fit in one, 161 need two', () => {
    expect(smsSegments(a(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments(a(161))).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
  });

  it('GSM-7: 153 per part', () => {
    expect(smsSegments(a(306)).segments).toBe(2);
    expect(smsSegments(a(307)).segments).toBe(3);
    expect(smsSegments(a(153 * 3)).segments).toBe(3);
  });

  it('counts extension characters as two', () => {
    expect(smsSegments('{}[]~\\|^€')).toEqual({ encoding: 'GSM-7', characters: 18, segments: 1 });
    expect(smsSegments(a(158) + '€')).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments(a(159) + '€')).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
  });

  it('never splits an extension character across parts', () => {
    // 152 + '{' would straddle the 153 boundary: it moves to part 2, which then holds 2 + 152 = 154 > 153.
    const text = a(152) + '{' + a(152);
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', characters: 306, segments: 3 });
    // Without the straddle the same count fits in two.
    expect(smsSegments(a(151) + '{' + a(153)).segments).toBe(2);
  });

  it('accepts the whole GSM basic set, including accented letters French uses', () => {
    expect(isGsm7('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n\r')).toBe(true);
    expect(isGsm7('ç')).toBe(false);
    expect(isGsm7('ê')).toBe(false);
  });

  it('one non-GSM character forces UCS-2: 70 in one, 67 per part', () => {
    expect(smsSegments('’' + a(69))).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('’' + a(70))).toEqual({ encoding: 'UCS-2', characters: 71, segments: 2 });
    expect(smsSegments('ê' + a(133)).segments).toBe(2);
    expect(smsSegments('ê' + a(134)).segments).toBe(3);
  });

  it('counts an emoji as two code units and never splits the pair', () => {
    expect(smsSegments('🚗')).toEqual({ encoding: 'UCS-2', characters: 2, segments: 1 });
    expect(smsSegments(a(68) + '🚗')).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    // 66 + pair straddles 67: the pair moves, part 2 = 2 + 66 = 68 > 67.
    expect(smsSegments(a(66) + '🚗' + a(66))).toEqual({ encoding: 'UCS-2', characters: 134, segments: 3 });
    expect(smsSegments(a(65) + '🚗' + a(67)).segments).toBe(2);
  });
});

describe('checkSmsLength', () => {
  it('refuses over 1,600 characters', () => {
    expect(SMS_MAX_CHARACTERS).toBe(1600);
    expect(checkSmsLength(a(1600)).ok).toBe(true);
    const r = checkSmsLength(a(1599) + '€');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('1601');
  });
});

describe('replaceSmartQuotes', () => {
  it('turns typographic punctuation into GSM-7', () => {
    const out = replaceSmartQuotes('It’s “great” – see you… « Bonjour »\u00a0!');
    expect(out).toBe('It\'s "great" - see you... "Bonjour" !');
    expect(smsSegments(out).encoding).toBe('GSM-7');
  });
});
