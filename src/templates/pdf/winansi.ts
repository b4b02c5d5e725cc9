// PDF standard fonts (Helvetica and friends) are drawn through WinAnsiEncoding (Windows-1252): one
// byte per character. pdfkit writes any other character's UTF-16 code as if it were bytes, which
// prints garbage (or nothing), so everything drawn goes through toWinAnsi() first.

/** The code points of Windows-1252's 0x80–0x9F block (the rest of the encoding is Latin-1). */
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const EXTRAS = new Set(CP1252_EXTRAS);

// `\n` stays: it is how line breaks reach pdfkit. Everything else below 0x20 is dropped or mapped.
const ONLY_WINANSI = new RegExp(`^[\\n\\x20-\\x7e\\xa0-\\xac\\xae-\\xff${CP1252_EXTRAS}]*$`, 'u');

/** Close equivalents for characters that are common in merged data and have no Unicode decomposition. */
const FALLBACK: Readonly<Record<string, string>> = {
  '\t': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  // French typography (and Intl's fr formats) put narrow no-break spaces before « : ; ! ? » and in
  // numbers; the plain no-break space keeps the same "never break here" meaning.
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u00ad': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2043': '-',
  '\u201b': '‘',
  '\u201f': '“',
  '\u2032': "'",
  '\u2033': '"',
  '\u2023': '•',
  '\u25cf': '•',
  '\u25e6': '•',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2116': 'No',
  '\u2120': 'SM',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

const REPLACEMENT = '?';
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff && code !== 0xad) || EXTRAS.has(ch)
  );
}

/** One code point's WinAnsi form: itself, a close equivalent, '' (drop it) or null (nothing close). */
function mapCodePoint(ch: string): string | null {
  if (isWinAnsi(ch)) return ch;
  const fallback = FALLBACK[ch];
  if (fallback !== undefined) return fallback;
  // Controls, zero-width characters, byte-order marks and leftover combining marks carry no glyph.
  if (/^[\p{Cc}\p{Cf}\p{M}]$/u.test(ch)) return '';
  if (/^\p{Zs}$/u.test(ch)) return ' ';
  // Ligatures, full-width forms and accented letters outside Latin-1 (ﬁ, Ａ, ő) decompose to ones inside it.
  const decomposed = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  if (decomposed !== '' && [...decomposed].every(isWinAnsi)) return decomposed;
  return null;
}

/**
 * Text that Helvetica (WinAnsiEncoding) can print: accents, « », curly quotes, dashes, € and ™ stay;
 * other characters become a close equivalent (ő → o, ﬁ → fi, narrow no-break space → no-break space)
 * or '?' — one '?' per visible character, so an emoji built from several code points is one '?'.
 */
export function toWinAnsi(text: string): string {
  const composed = text.normalize('NFC');
  if (ONLY_WINANSI.test(composed)) return composed;
  let out = '';
  for (const { segment } of segmenter.segment(composed)) {
    if (segment === '\r\n') {
      out += '\n';
      continue;
    }
    let mapped = '';
    for (const ch of segment) {
      const m = mapCodePoint(ch);
      if (m === null) {
        mapped = REPLACEMENT;
        break;
      }
      mapped += m;
    }
    out += mapped;
  }
  return out;
}
