import {
  composeDocument,
  composeEmail,
  emailText,
  emailTextUnwrapped,
  foldSubject,
  type ComposedEmail,
} from './compose/email-compose.ts';
import { joinTagLines, tidyLine, tidyText } from './compose/email-text.ts';
import { escapeHtml } from './compose/html-escape.ts';
import { sanitiseEmailHtml } from './compose/html-sanitise.ts';
import { guardLiquid, type LiquidGuard } from './compose/liquid-guard.ts';
import { analyseLiquid, type LiquidShape } from './compose/liquid-shape.ts';
import { refusedUrl } from './compose/url-policy.ts';
import type { MergeContext, RenderLocale } from './merge-context.ts';
import type { Language } from './merge-tags.catalogue.ts';
import type { CompiledTemplate, Renderer } from './render.ts';

export type RenderedEmail = ComposedEmail;

/** The parts of an e-mail template version that are the same for every customer. */
export interface EmailSource {
  purpose: 'marketing' | 'service';
  subject: string;
  /** Liquid, rendered as HTML (as stored: sanitised when saved). */
  body: string;
}

/** What surrounds the body: the footer's store, address and wording (the customer's language). */
export interface EmailShell {
  storeName: string;
  postalAddress: string[];
  language: Language;
}

export interface CompiledEmail {
  /**
   * What is still done per message, and why: `document` when the body's Liquid cannot be composed
   * unrendered (every message goes through renderEmailUncompiled); `text` when only the text part
   * is converted per message (html-to-text on each rendered document). Null: neither.
   */
  readonly perMessage: { document: string | null; text: string | null };
  /**
   * One customer's e-mail, the same as renderEmailUncompiled's (see email.compile.test.ts for
   * the exact differences). Throws as composeEmail does for a marketing e-mail without an
   * unsubscribe URL, and as the renderer does for a raw `{{` in the output.
   */
  render(context: MergeContext, locale: RenderLocale): RenderedEmail;
}

/**
 * Today's per-message path: render the body, sanitise the result, compose the document (juice
 * twice, html-to-text). The reference compileEmail is tested against, and its fallback.
 */
export function renderEmailUncompiled(
  renderer: Renderer,
  source: EmailSource,
  shell: EmailShell,
  context: MergeContext,
  locale: RenderLocale,
): RenderedEmail {
  const body = renderer.renderSource(source.body, 'html', context, locale);
  const subject = renderer.renderSource(source.subject, 'text', context, locale);
  return composeEmail({
    subject,
    bodyHtml: sanitiseEmailHtml(body).html,
    purpose: source.purpose,
    footer: { ...shell, unsubscribeUrl: context.unsubscribe_url },
  });
}

/** One footer variant (with or without the unsubscribe link), compiled. */
interface Variant {
  /** The document up to and including `<title>`: no Liquid, the same for everyone. */
  head: string;
  /** From `</title>` to the end, in HTML mode. */
  html: CompiledTemplate;
  text: { template: CompiledTemplate; foldBlankLines: boolean } | null;
}

interface CompiledLink {
  href: CompiledTemplate;
  sameAsText: boolean;
  textWords: string;
}

const UNSUBSCRIBE_TAG = '{{ unsubscribe_url }}';
const RAW_LIQUID = /\{\{|\{%/;
const ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/g;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#34': '"', '#39': "'" };
const decode = (v: string) => v.replace(/&(amp|lt|gt|quot|#34|#39);/g, (_, e: string) => ENTITY[e] ?? '');

/**
 * Compiles an e-mail template version for one shell: the body's Liquid is shielded by
 * placeholders (liquid-guard.ts) while it is sanitised, wrapped in the document with its footer
 * (the unsubscribe link as `{{ unsubscribe_url }}`), CSS-inlined by juice and converted to text;
 * the Liquid is then put back and the HTML document, its text part and the subject are compiled
 * by `renderer`. Rendering for a customer is then three Liquid renders (plus a line-wrapping
 * pass on the text). Throws TemplateInvalidError for an invalid body or subject, as rendering would.
 *
 * Bodies whose Liquid the composition would change (Liquid in CSS or class names, a block that
 * opens in one element and closes in another) are composed per message; bodies whose text layout
 * depends on the rendered values (numbered lists, tables, quotes, nested lists, captures) have
 * their text part converted per message. `perMessage` says which, and why. A message whose
 * rendered links would be sanitised or converted differently is also rendered the old way.
 */
export function compileEmail(renderer: Renderer, source: EmailSource, shell: EmailShell): CompiledEmail {
  // Validation first, so an invalid template fails exactly as rendering it would.
  renderer.compile(source.body, 'html');
  const subject = renderer.compile(source.subject, 'text');
  const uncompiled = (context: MergeContext, locale: RenderLocale) =>
    renderEmailUncompiled(renderer, source, shell, context, locale);

  const guard = guardLiquid(sanitiseEmailHtml(source.body).html);
  const shape = analyseLiquid(guard.html, guard);
  // A document composed per message has its text converted per message too.
  const perMessage = { document: shape.uncompiled, text: shape.uncompiled ?? shape.textPerMessage };
  const links = shape.uncompiled === null ? compileLinks(renderer, shape, perMessage) : [];
  const build = (withLink: boolean): Variant | null => {
    if (perMessage.document !== null) return null;
    const built = buildVariant(renderer, source, shell, guard, withLink, perMessage.text === null);
    if (typeof built === 'string') perMessage.document = perMessage.text = built;
    else if (built.text === null && perMessage.text === null) perMessage.text = 'the text part has a literal "{{"';
    return typeof built === 'string' ? null : built;
  };
  const withLink = build(true);
  const withoutLink = source.purpose === 'service' ? build(false) : null;

  const textFaithful = (url: string | null, context: MergeContext, locale: RenderLocale): boolean => {
    // html-to-text drops "mailto:" from a link's URL and ignores "#…" ones.
    if (url !== null && /^(?:mailto:|#)/.test(url)) return false;
    return links.every((l) => {
      const href = renderer.render(l.href, context, locale);
      if (/^(?:mailto:|#)/.test(href) || /[ \t\r\n\f\u200b]/.test(href)) return false;
      return l.sameAsText || (href !== '' && href !== l.textWords);
    });
  };

  return {
    perMessage,
    render(context, locale) {
      const url = context.unsubscribe_url?.trim() || null;
      if (source.purpose === 'marketing' && url === null)
        throw new Error('a marketing e-mail needs an unsubscribe URL; refusing to compose it without one');
      if (url !== null && refusedUrl('link', url) !== null)
        throw new Error(`the unsubscribe URL is not an http(s) or mailto link: ${url}`);
      const variant = url === null ? withoutLink : withLink;
      if (variant === null) return uncompiled(context, locale);
      const body = renderer.render(variant.html, context, locale);
      // The sanitiser judged these attributes as placeholders; what they rendered to is judged
      // here, and a message that sanitising would change is composed the old way.
      if (shape.dynamicAttributes && wouldSanitise(body)) return uncompiled(context, locale);
      const subjectText = foldSubject(renderer.render(subject, context, locale));
      const html = variant.head + escapeHtml(subjectText) + body;
      const text =
        variant.text !== null && textFaithful(url, context, locale)
          ? tidyText(renderer.render(variant.text.template, context, locale), variant.text.foldBlankLines)
          : emailText(html);
      return { subject: subjectText, html, text };
    },
  };
}

function compileLinks(renderer: Renderer, shape: LiquidShape, perMessage: { text: string | null }): CompiledLink[] {
  if (perMessage.text !== null) return [];
  try {
    return shape.links.map((l) => ({
      href: renderer.compile(l.href, 'text'),
      sameAsText: l.sameAsText,
      textWords: l.textWords,
    }));
  } catch {
    // A URL that means nothing on its own (a loop variable): convert each message's text instead.
    perMessage.text = 'a link URL that cannot be rendered on its own';
    return [];
  }
}

/**
 * Whether sanitising the rendered body would take an attribute out: sanitize-html drops empty
 * ones (but alt), html-sanitise.ts refused URLs. Static attributes were judged at compile time.
 */
function wouldSanitise(html: string): boolean {
  for (const [, name, value = ''] of html.matchAll(ATTRIBUTE)) {
    if (value === '') {
      if (name !== 'alt') return true;
    } else if (
      (name === 'href' || name === 'src') &&
      refusedUrl(name === 'src' ? 'image' : 'link', decode(value)) !== null
    )
      return true;
  }
  return false;
}

/** The document for one footer variant, or why it cannot be compiled. */
function buildVariant(
  renderer: Renderer,
  source: EmailSource,
  shell: EmailShell,
  guard: LiquidGuard,
  withLink: boolean,
  wantText: boolean,
): Variant | string {
  const unsubscribe = withLink ? guard.placeholder(UNSUBSCRIBE_TAG) : null;
  const doc = composeDocument(
    { bodyHtml: guard.html, purpose: source.purpose, footer: { ...shell, unsubscribeUrl: unsubscribe } },
    '',
  );
  const expected = [...guard.spansIn(guard.html), ...(withLink ? [UNSUBSCRIBE_TAG] : [])].sort().join('\n');
  if (guard.spansIn(doc).sort().join('\n') !== expected) return 'composing moved or dropped a merge tag';
  // A "{{" in the store's name or address is text in the old path; here it would be Liquid.
  if (RAW_LIQUID.test(doc)) return 'the document has a literal "{{" or "{%"';
  const at = doc.indexOf('<title></title>');
  if (at < 0 || doc.indexOf('<title></title>', at + 1) >= 0) return 'the document has no single <title>';
  const head = doc.slice(0, at + '<title>'.length);
  let html: CompiledTemplate;
  try {
    html = renderer.compile(guard.restore(doc.slice(head.length)), 'html');
  } catch (e) {
    return `the composed document does not compile: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { head, html, text: wantText ? compileText(renderer, guard, doc) : null };
}

function compileText(renderer: Renderer, guard: LiquidGuard, doc: string): Variant['text'] {
  const converted = emailTextUnwrapped(doc);
  if (RAW_LIQUID.test(converted)) return null;
  const tagOnly = (line: string) => {
    const liquid = guard.reveal(line).trim();
    return liquid !== '' && liquid.replace(/\{%[\s\S]*?%\}/g, '').trim() === '';
  };
  // Lines without Liquid are wrapped now, so each message only checks them.
  const lines = joinTagLines(converted, tagOnly)
    .split('\n')
    .map((l) => (guard.spansIn(l).length > 0 ? l : tidyLine(l)));
  const text = lines.join('\n');
  try {
    return { template: renderer.compile(guard.restore(text), 'text'), foldBlankLines: !/\n{3,}/.test(text) };
  } catch {
    return null;
  }
}
