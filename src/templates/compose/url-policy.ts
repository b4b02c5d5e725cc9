/**
 * Which URLs an e-mail may carry. Links: http, https, mailto, tel. Images (and CSS `url()`):
 * http, https, cid (attached images) and raster `data:image/…` only, since an SVG data URL can
 * carry script. A URL without a scheme is allowed: it is what a Liquid tag such as
 * `{{ unsubscribe_url }}` looks like before rendering, and the rendered output is checked again.
 */

export type UrlUse = 'link' | 'image';

const SCHEMES: Record<UrlUse, ReadonlySet<string>> = {
  link: new Set(['http', 'https', 'mailto', 'tel']),
  image: new Set(['http', 'https', 'cid', 'data']),
};

const RASTER_DATA = /^data:image\/(?:png|gif|jpe?g|webp|bmp)[;,]/i;

/**
 * Why `url` is refused, as the label the user sees (`javascript:`, `data:`, `//` for a
 * protocol-relative URL), or null when it is allowed.
 */
export function refusedUrl(use: UrlUse, url: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so a check
  // that kept them could be walked around.
  const compact = url.replace(/[\x00-\x20\x7f]+/g, '');
  // "//host/x" takes the scheme of the page it is opened from, which in a mail client is anyone's guess.
  if (/^[/\\]{2}/.test(compact)) return '//';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return null;
  if (!SCHEMES[use].has(scheme)) return `${scheme}:`;
  if (scheme === 'data' && !RASTER_DATA.test(compact)) return 'data:';
  return null;
}
