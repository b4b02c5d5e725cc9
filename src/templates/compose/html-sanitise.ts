import sanitizeHtml from 'sanitize-html';
import { cleanCss } from './css-clean.ts';
import { guardLiquid, type LiquidGuard } from './liquid-guard.ts';
import { createRemovalTally, type RemovalTally, type RemovedItem } from './removed.ts';
import { refusedUrl } from './url-policy.ts';

export type { RemovedItem } from './removed.ts';

export interface SanitisedHtml {
  html: string;
  /** What was taken out, aggregated; empty when nothing was. */
  removed: RemovedItem[];
}

const ALLOWED_TAGS = [
  'p', 'br', 'div', 'span', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'a', 'img',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u',
  'blockquote', 'hr', 'center', 'font', 'style',
]; // prettier-ignore

const GLOBAL_ATTRIBUTES = [
  'style', 'class', 'align', 'width', 'height', 'bgcolor', 'border', 'cellpadding', 'cellspacing',
  'colspan', 'rowspan', 'valign', 'alt', 'title', 'target',
]; // prettier-ignore

const TAG_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src'],
  // <font> is still how some e-mail editors colour text; without these it is an empty wrapper.
  font: ['color', 'face', 'size'],
};

/** Which attributes hold URLs, and which URL policy applies to each. */
const URL_ATTRIBUTES = { href: 'link', src: 'image' } as const;

/**
 * A pasted document's shell: composeEmail supplies its own, so unwrapping these is not worth
 * telling the user about (the <style> inside <head> is kept).
 */
const SHELL_TAGS = new Set(['html', 'head', 'body', 'title', 'meta']);

/**
 * Disallowed tags whose content goes with them (the rest keep their text: a <form>'s labels, a
 * <section>'s paragraphs). <title> would otherwise leak the page title into the body.
 */
const NON_TEXT_TAGS = [
  'script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'title', 'iframe', 'object', 'svg', 'math',
]; // prettier-ignore

const isAllowedAttribute = (tag: string, attribute: string) =>
  GLOBAL_ATTRIBUTES.includes(attribute) || (TAG_ATTRIBUTES[tag]?.includes(attribute) ?? false);

const isUrlAttribute = (attribute: string): attribute is keyof typeof URL_ATTRIBUTES =>
  Object.hasOwn(URL_ATTRIBUTES, attribute);

/**
 * Applies the allow-list to one tag's attributes, counting what goes. Deciding here rather than
 * leaving it to sanitize-html is what lets every removal be reported; sanitize-html is then given
 * the same lists and stays the backstop.
 */
function filterAttributes(
  tag: string,
  attribs: sanitizeHtml.Attributes,
  tally: RemovalTally,
  guard: LiquidGuard,
): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, raw] of Object.entries(attribs)) {
    if (!isAllowedAttribute(tag, name)) {
      tally.add('attribute', guard.reveal(name));
      continue;
    }
    let value = guard.inAttribute(raw);
    if (isUrlAttribute(name)) {
      const refused = refusedUrl(URL_ATTRIBUTES[name], value);
      if (refused !== null) {
        tally.add('url', refused);
        continue;
      }
    }
    if (name === 'style') {
      value = cleanCss(value, tally).trim();
      if (value === '') continue;
    }
    kept[name] = value;
  }
  return kept;
}

const STYLE_BLOCK = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi;

/**
 * Sanitises an e-mail body against an allow-list suited to e-mail: layout tables, text
 * formatting, links (http, https, mailto, tel), images (http, https, cid, raster data URLs) and
 * <style> blocks (kept for juice to inline; `@import` and unsafe `url()` taken out). Scripts,
 * event handlers, forms and their controls, frames, objects and embeds, and `javascript:` URLs
 * are removed, and every removal is reported in `removed`. HTML comments (including Outlook's
 * conditional comments) are dropped without a report.
 *
 * Liquid tags pass through unchanged, in text and in attribute values, so this runs on a template
 * when it is saved. That pass cannot vouch for what the tags will render to (`{{ x | raw }}`, a
 * URL assembled from tags), so the rendered output must be sanitised again before it is sent.
 */
export function sanitiseEmailHtml(html: string): SanitisedHtml {
  const tally = createRemovalTally();
  const guard = guardLiquid(html);
  const out = sanitizeHtml(guard.html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { '*': GLOBAL_ATTRIBUTES, ...TAG_ATTRIBUTES },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    // <style> is allowed on purpose: its CSS is cleaned below and juice inlines it, then removes it.
    allowVulnerableTags: true,
    // sanitize-html would re-parse style attributes with postcss and drop any it cannot parse,
    // which includes perfectly good ones holding Liquid (`{% if vip %}font-weight:bold{% endif %}`).
    parseStyleAttributes: false,
    transformTags: {
      '*': (tagName, attribs) => {
        if (!ALLOWED_TAGS.includes(tagName)) {
          if (!SHELL_TAGS.has(tagName)) tally.add('element', tagName);
          return { tagName, attribs };
        }
        return { tagName, attribs: filterAttributes(tagName, attribs, tally, guard) };
      },
    },
  });
  // sanitize-html writes <style> content through untouched (no textFilter for raw text), so its CSS
  // is cleaned on the output, where every remaining <style> is one the allow-list kept.
  const cleaned = out.replace(
    STYLE_BLOCK,
    (_, open: string, css: string, close: string) => `${open}${cleanCss(css, tally)}${close}`,
  );
  return { html: guard.restore(cleaned), removed: tally.items() };
}
