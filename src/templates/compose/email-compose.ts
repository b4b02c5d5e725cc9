import { compile, type HtmlToTextOptions } from 'html-to-text';
import juice from 'juice';
import { footerHtml, type EmailFooter } from './email-footer.ts';
import { escapeHtml } from './html-escape.ts';
import { refusedUrl } from './url-policy.ts';

export type { EmailFooter } from './email-footer.ts';

export interface EmailComposeInput {
  subject: string;
  /** The rendered body, already sanitised (sanitiseEmailHtml on the render output). */
  bodyHtml: string;
  purpose: 'marketing' | 'service';
  footer: EmailFooter;
}

export interface ComposedEmail {
  subject: string;
  /** A whole document with CSS inlined; media queries stay in one <style> block. */
  html: string;
  /** The plain-text alternative, unsubscribe URL included when there is one. */
  text: string;
}

// Outlook for Windows ignores max-width, hence the fixed-width table in its conditional comments.
// Classes rather than inline styles, so juice applies them the same way as the author's own CSS
// (which comes later in the document, and so wins at equal specificity).
const DEFAULT_CSS = `
body { margin: 0; padding: 0; background-color: #f4f4f4; }
.fc-outer { background-color: #f4f4f4; }
.fc-container { width: 100%; max-width: 600px; background-color: #ffffff; }
.fc-body { padding: 24px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #222222; }
.fc-footer { padding: 16px 24px 24px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; line-height: 1.5; color: #666666; }
.fc-unsubscribe { color: #666666; text-decoration: underline; }
img { border: 0; max-width: 100%; }
@media only screen and (max-width: 620px) {
  .fc-body { padding: 16px !important; }
  .fc-footer { padding: 12px 16px 16px !important; }
}
`;

const JUICE_OPTIONS: juice.Options = {
  removeStyleTags: true,
  preserveMediaQueries: true,
  preserveFontFaces: true,
  preservePseudos: true,
  preserveImportant: true,
  applyWidthAttributes: true,
  applyHeightAttributes: true,
  applyAttributesTableElements: true,
  resolveCSSVariables: true,
  insertPreservedExtraCss: true,
};

const TEXT_OPTIONS = {
  wordwrap: 78,
  // Only the body and footer cells: the wrapper tables around them are layout, not content.
  baseElements: { selectors: ['td.fc-body', 'td.fc-footer'] },
  selectors: [
    { selector: 'a', options: { linkBrackets: ['[', ']'], hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
    // An author's table is most likely data (a list of deferred items and prices): keep its columns.
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
  ],
} satisfies HtmlToTextOptions;

// Compiled once: html-to-text builds a selector decision tree per options object.
const toText = compile(TEXT_OPTIONS);

/** The plain-text part of a composed document, as composeEmail makes it. */
export const emailText = (html: string): string => toText(html);

/**
 * The same conversion without word wrapping (a rule keeps its wrapped width), for a document
 * whose merge tags are still placeholders: their width is unknown until each customer's render,
 * so lines are wrapped after it (email-text.ts).
 */
export const emailTextUnwrapped = compile({
  ...TEXT_OPTIONS,
  wordwrap: false,
  selectors: [...TEXT_OPTIONS.selectors, { selector: 'hr', options: { length: TEXT_OPTIONS.wordwrap } }],
});

/** The width composeEmail wraps its text part to. */
export const TEXT_WIDTH = TEXT_OPTIONS.wordwrap;

const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style>/gi;

/**
 * Inlines the author's CSS into the body alone, so a rule such as `p { color: white }` or
 * `td { display: none }` cannot reach the footer, which must stay readable. What juice keeps in
 * <style> (media queries, :hover, @font-face) is returned for the <head>, where Gmail reads it.
 */
function inlineAuthorCss(bodyHtml: string): { body: string; headStyles: string } {
  if (!/<style\b/i.test(bodyHtml)) return { body: bodyHtml, headStyles: '' };
  const inlined = juice(bodyHtml, JUICE_OPTIONS);
  const kept: string[] = [];
  const body = inlined.replace(STYLE_BLOCK, (block) => {
    kept.push(block);
    return '';
  });
  return { body, headStyles: kept.join('\n') };
}

function documentHtml(input: Omit<EmailComposeInput, 'subject'>, subject: string): string {
  const marketing = input.purpose === 'marketing';
  const { body, headStyles } = inlineAuthorCss(input.bodyHtml);
  return `<!DOCTYPE html>
<html lang="${input.footer.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
<style>${DEFAULT_CSS}</style>
${headStyles}
</head>
<body>
<table role="presentation" class="fc-outer" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td align="center">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="fc-container" cellpadding="0" cellspacing="0" border="0">
<tr><td class="fc-body">
${body}
</td></tr>
<tr><td class="fc-footer">
${footerHtml(input.footer, marketing)}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

/**
 * Turns a rendered, sanitised body into the e-mail that is sent: a responsive document (600px
 * container), the legal footer, CSS inlined by juice (never fetching anything; the author's CSS
 * applies to the body only), and a plain-text part. A marketing e-mail always carries the store's postal address and an unsubscribe link;
 * without an unsubscribe URL it throws, since sending one would break CAN-SPAM and CASL. A service
 * e-mail carries the address, and the link only if a URL is given. The subject's line breaks are
 * folded into spaces, since a header cannot hold them.
 */
export function composeEmail(input: EmailComposeInput): ComposedEmail {
  const url = input.footer.unsubscribeUrl?.trim() || null;
  if (input.purpose === 'marketing' && url === null)
    throw new Error('a marketing e-mail needs an unsubscribe URL; refusing to compose it without one');
  if (url !== null && refusedUrl('link', url) !== null)
    throw new Error(`the unsubscribe URL is not an http(s) or mailto link: ${url}`);
  const subject = foldSubject(input.subject);
  const html = composeDocument({ ...input, footer: { ...input.footer, unsubscribeUrl: url } }, subject);
  return { subject, html, text: toText(html) };
}

/** A subject as a header can hold it: line breaks and runs of white space folded into one space. */
export const foldSubject = (subject: string): string => subject.replace(/\s+/g, ' ').trim();

/**
 * The document of composeEmail, CSS inlined, without its checks: the unsubscribe URL is written
 * as given (compileEmail passes a placeholder for `{{ unsubscribe_url }}`).
 */
export function composeDocument(input: Omit<EmailComposeInput, 'subject'>, subject: string): string {
  // Second pass: the default CSS onto the wrapper and footer (the body's own styles are inline
  // by now, and inline styles win over these).
  return juice(documentHtml(input, subject), JUICE_OPTIONS);
}

/**
 * The RFC 2369 / RFC 8058 headers that let a mail client offer its own unsubscribe button.
 * One-click (the Post header) is only declared for an https URL, as RFC 8058 requires; Gmail and
 * Yahoo expect it from bulk senders. `mailto` may be an address or a mailto: URI.
 */
export interface ListUnsubscribeHeaders {
  'List-Unsubscribe': string;
  'List-Unsubscribe-Post'?: 'List-Unsubscribe=One-Click';
}

export function listUnsubscribeHeaders(url: string, mailto?: string): ListUnsubscribeHeaders {
  const targets = [url];
  if (mailto !== undefined) targets.push(mailto.toLowerCase().startsWith('mailto:') ? mailto : `mailto:${mailto}`);
  // Inside <…> a space, CR/LF or ">" would end the URI or the header: header injection.
  for (const t of targets) if (/[\s<>]/.test(t)) throw new Error(`not a valid List-Unsubscribe target: ${t}`);
  if (refusedUrl('link', url) !== null || !/^https?:/i.test(url))
    throw new Error(`the List-Unsubscribe URL must be http(s): ${url}`);
  const headers: ListUnsubscribeHeaders = { 'List-Unsubscribe': targets.map((t) => `<${t}>`).join(', ') };
  if (/^https:/i.test(url)) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}
