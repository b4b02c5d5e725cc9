import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './winansi.ts';

describe('toWinAnsi', () => {
  it('keeps Latin-1 and the Windows-1252 extras', () => {
    const text = 'Café « déjà vu » à Montréal, ça coûte 5 € — “ok” ‘oui’ … • ™ Œuvre';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('composes decomposed accents', () => {
    expect(toWinAnsi('e\u0301te\u0301')).toBe('été');
  });

  it('maps characters that have a close equivalent', () => {
    expect(toWinAnsi('12\u202fh\u202f30')).toBe('12\u00a0h\u00a030');
    expect(toWinAnsi('ﬁn Łódź Ａ ő non\u2011stop')).toBe('fin Lódz A o non-stop');
    expect(toWinAnsi('a\tb\r\nc')).toBe('a b\nc');
  });

  it('drops invisible characters', () => {
    expect(toWinAnsi('zero\u200bwidth\ufeff soft\u00adhyphen')).toBe('zerowidth softhyphen');
  });

  it('replaces each character it cannot print with one "?"', () => {
    expect(toWinAnsi('Merci 😀!')).toBe('Merci ?!');
    expect(toWinAnsi('❤️ 👨‍👩‍👧 🇨🇦')).toBe('? ? ?');
    expect(toWinAnsi('中文 Ωmega')).toBe('?? ?mega');
  });
});
