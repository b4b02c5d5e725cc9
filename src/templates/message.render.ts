import type { TemplateChannel } from '../db/schema.ts';
import { composeEmail } from './compose/email-compose.ts';
import { sanitiseEmailHtml } from './compose/html-sanitise.ts';
import { composeSms } from './compose/sms-compose.ts';
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

/**
 * Renders one message for one customer: merge tags, then what the channel needs (e-mail document
 * with footer, inlined CSS and a text part; a text with its opt-out line and segment figures).
 * Pure apart from the renderer's caches.
 */
export function renderMessage(
  renderer: Renderer,
  source: MessageSource,
  input: MergeInput,
  sender: Sender,
): RenderedMessage {
  const context = buildMergeContext(input);
  const locale = renderLocaleFor(input.customer, input.store);
  const language = templateLanguage(input.customer.language);
  const body = renderer.renderSource(source.body, bodyMode(source.channel), context, locale);
  const subject = source.subject === null ? null : renderer.renderSource(source.subject, 'text', context, locale);
  switch (source.channel) {
    case 'email': {
      const email = composeEmail({
        subject: subject ?? '',
        bodyHtml: sanitiseEmailHtml(body).html,
        purpose: source.purpose,
        footer: {
          storeName: sender.storeName,
          postalAddress: sender.postalAddress,
          unsubscribeUrl: context.unsubscribe_url,
          language,
        },
      });
      return { channel: 'email', subject: email.subject, html: email.html, text: email.text, sms: null };
    }
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
}
