/**
 * Shields Liquid tags from the HTML sanitiser. A template is sanitised when it is saved, before
 * rendering: the sanitiser would otherwise escape `<` in `{% if year < 2015 %}` or `&` in a
 * filter argument, and judge `{{ unsubscribe_url }}` in an href as a URL. Each `{{ … }}` and
 * `{% … %}` becomes an inert placeholder of private-use characters (no HTML, CSS or URL meaning,
 * never escaped, not a scheme) and is put back afterwards as written (in an attribute, its double
 * quotes may become single ones: see `back`).
 */

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const OPEN_TEXT = '\uE000';
const OPEN_ATTRIBUTE = '\uE002';
const CLOSE = '\uE001';
const SENTINELS = /[\uE000-\uE002]/g;
const PLACEHOLDER = /([\uE000\uE002])(\d+)\uE001/g;

export interface LiquidGuard {
  /** The input with every Liquid tag replaced by a placeholder. */
  readonly html: string;
  /** Marks the placeholders in an attribute value, so `restore` keeps the attribute's quoting valid. */
  inAttribute(value: string): string;
  /** The Liquid source behind any placeholders in `text` (for naming a removed attribute). */
  reveal(text: string): string;
  /** The Liquid tags whose placeholders occur in `text`, in order. */
  spansIn(text: string): string[];
  /** Puts the Liquid tags back into the sanitised output. */
  restore(html: string): string;
  /**
   * The placeholder of `span` (a Liquid tag written by the caller, such as `{{ unsubscribe_url }}`),
   * for text added around the guarded input before `restore`.
   */
  placeholder(span: string): string;
}

export function guardLiquid(source: string): LiquidGuard {
  const spans: string[] = [];
  const indexes = new Map<string, number>();
  // One placeholder per distinct tag: a converter that compares text (html-to-text hides a link's
  // URL when it equals the link text) then sees `{{ url }}` in an href and in the text as equal.
  const placeholder = (span: string): string => {
    let index = indexes.get(span);
    if (index === undefined) {
      index = spans.push(span) - 1;
      indexes.set(span, index);
    }
    return `${OPEN_TEXT}${index}${CLOSE}`;
  };
  // Stray sentinels in the input would otherwise be read as placeholders on the way back.
  const html = source.replace(SENTINELS, '').replace(LIQUID, placeholder);
  const back = (_: string, open: string, index: string): string => {
    const span = spans[Number(index)];
    if (span === undefined) return '';
    if (open !== OPEN_ATTRIBUTE || !span.includes('"')) return span;
    // The sanitiser writes every attribute double-quoted; a tag that was fine inside single
    // quotes (title='{{ x | default: "y" }}') would end the attribute early. Liquid reads either
    // quote alike, so swap them when no string holds the other quote.
    return span.includes("'") ? span.replace(/"/g, '&quot;') : span.replace(/"/g, "'");
  };
  return {
    html,
    inAttribute: (value) =>
      value.replace(PLACEHOLDER, (_, _open: string, index: string) => `${OPEN_ATTRIBUTE}${index}${CLOSE}`),
    reveal: (text) => text.replace(PLACEHOLDER, (_, _open: string, index: string) => spans[Number(index)] ?? ''),
    restore: (out) => out.replace(PLACEHOLDER, back),
    spansIn: (text) => [...text.matchAll(PLACEHOLDER)].map((m) => spans[Number(m[2])] ?? ''),
    placeholder,
  };
}
