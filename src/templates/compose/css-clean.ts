import type { RemovalTally } from './removed.ts';
import { refusedUrl } from './url-policy.ts';

/**
 * A pattern for `word` as a CSS tokenizer reads it: each letter in either case, or written as a
 * backslash escape (`\69` or `\000069 ` for "i", `\m` for "m"), since `@\69mport` is an @import.
 */
function cssWord(word: string): string {
  return [...word]
    .map((ch) => {
      const hex = [ch.toLowerCase(), ch.toUpperCase()].map((c) => c.charCodeAt(0).toString(16)).join('|');
      // "\a" is a hex escape (U+000A), not the letter, so only non-hex letters may be escaped bare.
      const bare = /[a-f]/i.test(ch) ? '' : `|\\\\${ch}`;
      return `(?:${ch}|\\\\0{0,4}(?:${hex})(?:\\r\\n|[ \\t\\r\\n\\f])?${bare})`;
    })
    .join('');
}

const COMMENT = /\/\*[\s\S]*?\*\//g;
// An unterminated @import swallows up to the end of the text: a broken rule must not survive half-removed.
const IMPORT = new RegExp(`@${cssWord('import')}[^;]*(?:;|$)`, 'gi');
// A bare value may hold one level of parentheses (`url(javascript:alert(1))`), or the match would
// stop inside it and leave half the value behind.
const URL_TOKEN = new RegExp(`${cssWord('url')}\\(\\s*(?:"([^"]*)"|'([^']*)'|((?:[^()]|\\([^()]*\\))*?))\\s*\\)`, 'gi');
const CSS_ESCAPE = /\\([0-9a-f]{1,6})(?:\r\n|[ \t\r\n\f])?|\\([\s\S])/gi;

function unescapeCss(value: string): string {
  return value.replace(CSS_ESCAPE, (_, hex: string | undefined, ch: string | undefined) =>
    hex === undefined ? (ch ?? '') : String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
  );
}

/**
 * Takes out of a style sheet or a style attribute what could fetch or run something: `@import`
 * rules (a mail client would fetch a remote sheet; juice would not inline it anyway) and
 * `url(…)` values outside the image URL policy (`url(javascript:…)` becomes `none`). Comments go
 * too, since they can split a keyword past a naive check. Each removal is counted in `tally`.
 */
export function cleanCss(css: string, tally: RemovalTally): string {
  return css
    .replace(COMMENT, '')
    .replace(IMPORT, () => {
      tally.add('css', '@import');
      return '';
    })
    .replace(URL_TOKEN, (token, dq: string | undefined, sq: string | undefined, bare: string | undefined) => {
      const refused = refusedUrl('image', unescapeCss(dq ?? sq ?? bare ?? ''));
      if (refused === null) return token;
      tally.add('url', refused);
      return 'none';
    });
}
