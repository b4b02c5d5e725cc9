/** The "Send" form from the profile: its values, checks, and the request it becomes. Pure functions. */
import { isApiError } from '../api/client.ts';
import type { EligibilityReason, Purpose } from '../api/consent.types.ts';
import type { SendChannel, SendOptions, SendRequest } from '../api/delivery.types.ts';
import type { TemplateLanguage, TemplateSummary } from '../api/templates.types.ts';

/** A saved template, or a message written here. */
export type MessageSource = 'template' | 'write';

export interface SendFormValues {
  purpose: Purpose;
  channel: SendChannel;
  source: MessageSource;
  templateId: number | null;
  subject: string;
  /** Plain text (or HTML) as typed; e-mails get paragraphs on the way out. */
  body: string;
  /** One of the customer's own addresses or numbers. */
  target: string;
  /** Addresses separated by commas, as typed. */
  cc: string;
  bcc: string;
  bccSelf: boolean;
  /** '' for the store's default From. */
  sender: string;
}

export const SEND_CHANNELS: readonly SendChannel[] = ['email', 'sms'];

/** The customer's addresses (e-mail) or numbers (text) a message may go to. */
export function targetsFor(options: SendOptions | undefined, channel: SendChannel): string[] {
  return options ? options.targets[channel] : [];
}

/** Service by e-mail, to the customer's first address, from the store, with no template chosen yet. */
export function initialSendValues(options: SendOptions | undefined): SendFormValues {
  return {
    purpose: 'service',
    channel: 'email',
    source: 'template',
    templateId: null,
    subject: '',
    body: '',
    target: targetsFor(options, 'email')[0] ?? '',
    cc: '',
    bcc: '',
    bccSelf: false,
    sender: '',
  };
}

/** The values after a change of channel: the target, sender and template belong to the old one. */
export function withChannel(values: SendFormValues, channel: SendChannel, options: SendOptions | undefined) {
  if (channel === values.channel) return values;
  return { ...values, channel, templateId: null, sender: '', target: targetsFor(options, channel)[0] ?? '' };
}

/** "a@x.test, b@x.test; c@x.test" → the three addresses (blanks dropped). */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The addresses that are not e-mail addresses. */
export const invalidAddresses = (list: readonly string[]): string[] => list.filter((a) => !EMAIL.test(a));

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
const LIQUID = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/;

/** Whether typed text is HTML already (it starts with a tag and closes one). */
export const looksLikeHtml = (text: string): boolean => /^\s*<[a-z!]/i.test(text) && /<\/[a-z]+\s*>|\/>/i.test(text);

/**
 * An e-mail body typed as plain text made into HTML: a paragraph per blank-line-separated block,
 * line breaks kept, `& < >` escaped outside merge tags (so `{% if a > 1 %}` still works). HTML as
 * typed is left alone.
 */
export function textToEmailHtml(text: string): string {
  if (looksLikeHtml(text)) return text;
  const escape = (block: string) =>
    block
      .split(LIQUID)
      .map((part, i) => (i % 2 === 1 ? part : escapeText(part)))
      .join('');
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escape(p.trim()).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/** The body as sent and previewed: e-mails as HTML, texts as typed. */
export const bodyToSend = (values: Pick<SendFormValues, 'channel' | 'body'>): string =>
  values.channel === 'email' ? textToEmailHtml(values.body) : values.body;

export type SendFormErrors = Partial<Record<'templateId' | 'subject' | 'body' | 'target' | 'cc' | 'bcc', string>>;

/** What must be fixed before sending; {} when the form can be sent. */
export function validateSend(values: SendFormValues): SendFormErrors {
  const errors: SendFormErrors = {};
  if (values.target === '')
    errors.target = values.channel === 'email' ? 'Choose an e-mail address.' : 'Choose a cell number.';
  if (values.source === 'template') {
    if (values.templateId === null) errors.templateId = 'Choose a template, or write a message.';
  } else {
    if (values.channel === 'email' && values.subject.trim() === '') errors.subject = 'Write a subject.';
    if (values.body.trim() === '') errors.body = 'Write the message.';
  }
  if (values.channel === 'email') {
    for (const field of ['cc', 'bcc'] as const) {
      const list = splitAddresses(values[field]);
      const bad = invalidAddresses(list);
      if (bad.length > 0) errors[field] = `Not an e-mail address: ${bad.join(', ')}`;
      else if (list.length > 10) errors[field] = 'At most 10 addresses.';
    }
  }
  return errors;
}

/** The request for the form's values (without its key): only what applies to the channel and source. */
export function toSendRequest(values: SendFormValues): Omit<SendRequest, 'requestKey'> {
  const email = values.channel === 'email';
  const cc = email ? splitAddresses(values.cc) : [];
  const bcc = email ? splitAddresses(values.bcc) : [];
  return {
    purpose: values.purpose,
    channel: values.channel,
    ...(values.source === 'template' && values.templateId !== null
      ? { templateId: values.templateId }
      : { ...(email ? { subject: values.subject.trim() } : {}), body: bodyToSend(values) }),
    ...(values.target !== '' ? { target: values.target } : {}),
    ...(cc.length > 0 ? { cc } : {}),
    ...(bcc.length > 0 ? { bcc } : {}),
    ...(email && values.bccSelf ? { bccSelf: true } : {}),
    ...(values.sender !== '' ? { sender: values.sender } : {}),
  };
}

export interface TemplateGroup {
  language: TemplateLanguage;
  templates: TemplateSummary[];
}

/**
 * Templates for the chosen purpose and channel grouped by language, the customer's language
 * first, by name within each. Marketing sends list marketing templates; service sends service ones.
 */
export function groupTemplates(
  templates: readonly TemplateSummary[],
  purpose: Purpose,
  language: TemplateLanguage,
): TemplateGroup[] {
  const order: TemplateLanguage[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  return order
    .map((lang) => ({
      language: lang,
      templates: templates
        .filter((t) => t.language === lang && t.purpose === purpose && t.active)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((g) => g.templates.length > 0);
}

/** The reasons of a 422 not_eligible refusal, or null for any other error. */
export function notEligibleReasons(error: unknown): EligibilityReason[] | null {
  if (!isApiError(error) || error.code !== 'not_eligible') return null;
  const details: unknown = error.details;
  const raw: unknown = typeof details === 'object' && details !== null ? Reflect.get(details, 'reasons') : null;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const code: unknown = Reflect.get(r, 'code');
    const detail: unknown = Reflect.get(r, 'detail');
    return typeof code === 'string' && typeof detail === 'string' ? [{ code, detail }] : [];
  });
}
