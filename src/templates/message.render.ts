import type { TemplateChannel } from '../db/schema.ts';
import { sanitiseEmailHtml } from './compose/html-sanitise.ts';
import { composeSms } from './compose/sms-compose.ts';
import { compileEmail, renderEmailUncompiled, type CompiledEmail, type EmailShell } from './email.compile.ts';
import { buildMergeContext, renderLocaleFor, type MergeInput } from './merge-context.ts';
import { templateLanguage } from './locale-format.ts';
import type { Renderer } from './render.ts';
import type { SmsFigures } from './sms-segments.rules.ts';
import { bodyMode, type Purpose } from './template-draft.rules.ts';

/** The parts of a template version a message is made from. */
export interface MessageSource {
  channel: TemplateChannel;
  purpose: Purpose;
  subject: string | null;
  body: string;
}

/** Where the message comes from, for the e-mail footer and the text's sender line. */
export interface Sender {
  storeName: string;
  /** The store's postal address, one line each (CAN-SPAM / CASL footers). */
  postalAddress: string[];
}

export interface RenderedMessage {
  channel: TemplateChannel;
  subject: string | null;
  /** E-mail: the full, CSS-inlined document. Letters and postcards: the body HTML for the PDF. */
  html: string | null;
  /** E-mail: the plain-text part. Texts and voice scripts: what is sent or read. */
  text: string | null;
  sms: SmsFigures | null;
}

export interface MessageRenderer {
  /**
   * Renders one message for one customer: merge tags, then what the channel needs (e-mail document
   * with footer, inlined CSS and a text part; a text with its opt-out line and segment figures).
   * An e-mail is compiled once per (template, store, language) and rendered per customer by
   * Liquid alone (email.compile.ts).
   */
  render(source: MessageSource, input: MergeInput, sender: Sender): RenderedMessage;
}

export interface MessageRendererOptions {
  /** How many e-mail bodies to keep compiled (least recently used dropped first). Default 100. */
  cacheSize?: number;
  /** Compose every e-mail per message, as before compileEmail (the reference in tests and benches). */
  uncompiled?: boolean;
}

// Per body, a few shells (the store and the customer's language): a batch alternates between them.
const SHELLS_PER_BODY = 16;

/**
 * A message renderer over `renderer`, with a small LRU of compiled e-mails. The cache is keyed by
 * the body first, so a send reusing one body string does not hash its kilobytes for every customer.
 */
export function createMessageRenderer(renderer: Renderer, options: MessageRendererOptions = {}): MessageRenderer {
  const cacheSize = options.cacheSize ?? 100;
  const bodies = new Map<string, Map<string, CompiledEmail>>();

  const compiled = (source: MessageSource, shell: EmailShell): CompiledEmail => {
    const key = [source.purpose, source.subject ?? '', shell.language, shell.storeName, ...shell.postalAddress].join(
      '\u0000',
    );
    let shells = bodies.get(source.body);
    if (shells) {
      // Re-inserted: Map order is the LRU order.
      bodies.delete(source.body);
      bodies.set(source.body, shells);
    } else {
      shells = new Map();
      bodies.set(source.body, shells);
      if (bodies.size > cacheSize) {
        const oldest = bodies.keys().next();
        if (!oldest.done) bodies.delete(oldest.value);
      }
    }
    let email = shells.get(key);
    if (!email) {
      email = compileEmail(renderer, emailSource(source), shell);
      if (shells.size >= SHELLS_PER_BODY) {
        const oldest = shells.keys().next();
        if (!oldest.done) shells.delete(oldest.value);
      }
      shells.set(key, email);
    }
    return email;
  };

  return {
    render(source, input, sender) {
      const context = buildMergeContext(input);
      const locale = renderLocaleFor(input.customer, input.store);
      const language = templateLanguage(input.customer.language);
      if (source.channel === 'email') {
        const shell: EmailShell = { storeName: sender.storeName, postalAddress: sender.postalAddress, language };
        const email = options.uncompiled
          ? renderEmailUncompiled(renderer, emailSource(source), shell, context, locale)
          : compiled(source, shell).render(context, locale);
        return { channel: 'email', subject: email.subject, html: email.html, text: email.text, sms: null };
      }
      const body = renderer.renderSource(source.body, bodyMode(source.channel), context, locale);
      switch (source.channel) {
        case 'sms': {
          const sms = composeSms({ body, purpose: source.purpose, language, storeName: sender.storeName });
          return { channel: 'sms', subject: null, html: null, text: sms.text, sms: sms.figures };
        }
        case 'voice':
          return { channel: 'voice', subject: null, html: null, text: body, sms: null };
        case 'letter':
        case 'postcard':
          return { channel: source.channel, subject: null, html: sanitiseEmailHtml(body).html, text: null, sms: null };
      }
    },
  };
}

const emailSource = (source: MessageSource) => ({
  purpose: source.purpose,
  subject: source.subject ?? '',
  body: source.body,
});

// One message renderer per Renderer, so existing callers of renderMessage share its compiled
// e-mails; it lives and goes with the renderer (no process-wide state).
const perRenderer = new WeakMap<Renderer, MessageRenderer>();

/**
 * Renders one message for one customer (see MessageRenderer.render), through a message renderer
 * kept for `renderer`. Pure apart from the caches.
 */
export function renderMessage(
  renderer: Renderer,
  source: MessageSource,
  input: MergeInput,
  sender: Sender,
): RenderedMessage {
  let messages = perRenderer.get(renderer);
  if (!messages) {
    messages = createMessageRenderer(renderer);
    perRenderer.set(renderer, messages);
  }
  return messages.render(source, input, sender);
}
