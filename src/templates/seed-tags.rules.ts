import { liquidForSeedTag } from './merge-tags.catalogue.ts';
import { lineColumn } from './template.validate.ts';

export interface SeedTagConversion {
  /** The text with every known seed tag replaced by its Liquid. */
  text: string;
  /** Tags converted, with their position in the original text. */
  converted: { seed: string; liquid: string; line: number; column: number }[];
  /** `<…>` that look like merge fields but are not in the catalogue: left in place, for the user to fix. */
  unknown: { seed: string; line: number; column: number }[];
}

/** HTML elements an e-mail body may contain: `<p>`, `<a href>` and the like are never merge fields. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside b bdi bdo big blockquote body br button caption center cite code col ' +
    'colgroup dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header ' +
    'hr html i img input ins kbd label legend li link main mark meta nav ol optgroup option p picture pre q s ' +
    'samp section select small source span strike strong style sub summary sup table tbody td template ' +
    'textarea tfoot th thead time title tr tt u ul var video wbr script iframe object embed svg path o:p'
  ).split(' '),
);
/** Attributes written bare (`<a href>`, `<input disabled>`), so a bare word after an element is not a merge field. */
const BARE_ATTRIBUTES = new Set(
  'href src alt title class id style name target rel checked disabled hidden selected readonly required nowrap'.split(
    ' ',
  ),
);

/**
 * `<…>` (or `&lt;…&gt;` when pasted into an HTML editor): up to 60 characters without angle
 * brackets or line breaks inside.
 */
const CANDIDATE = /<([^<>\r\n]{1,60})>|&lt;((?:(?!&gt;|&lt;)[^<>\r\n]){1,60})&gt;/g;

/** Whether the inside of `<…>` is HTML: a comment, doctype, known element (open or close) with attributes. */
function isHtml(inner: string): boolean {
  if (/^[!?]/.test(inner)) return true;
  const m = /^\/?\s*([a-zA-Z][\w:-]*)(\s[^]*)?$/.exec(inner.trim().replace(/\/$/, ''));
  if (!m) return false;
  const element = (m[1] ?? '').toLowerCase();
  if (!HTML_ELEMENTS.has(element)) return false;
  const rest = (m[2] ?? '').trim();
  if (rest === '' || /[="']/.test(rest)) return true;
  return rest.split(/\s+/).every((w) => BARE_ATTRIBUTES.has(w.toLowerCase()));
}

/**
 * Converts seed-style merge fields (`<Mailing Name>`, `<year>`, `<deferred item 2>`; any case,
 * any inner spacing) to their Liquid form. Real HTML tags are left alone; any other `<…>` that
 * looks like a merge field (a word or words that are not HTML) is left as it is and reported in
 * `unknown`, never dropped. Pure.
 */
export function convertSeedTags(text: string): SeedTagConversion {
  const converted: SeedTagConversion['converted'] = [];
  const unknown: SeedTagConversion['unknown'] = [];
  const result = text.replace(
    CANDIDATE,
    (match: string, plain: string | undefined, escaped: string | undefined, offset: number) => {
      const inner = plain ?? escaped ?? '';
      if (isHtml(inner)) return match;
      const liquid = liquidForSeedTag(inner);
      const seed = `<${inner}>`;
      if (liquid) {
        converted.push({ seed, liquid, ...lineColumn(text, offset) });
        return liquid;
      }
      // Merge-field-like: letters, digits, spaces and a few separators ('URL / Email Feedback').
      if (/^\p{L}(?:[\p{L}\p{N} ./#&'’_-]*[\p{L}\p{N}])?$/u.test(inner))
        unknown.push({ seed, ...lineColumn(text, offset) });
      return match;
    },
  );
  return { text: result, converted, unknown };
}
