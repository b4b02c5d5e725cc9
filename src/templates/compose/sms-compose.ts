import { DomainError } from '../../shared/errors.ts';
import type { Language } from '../merge-tags.catalogue.ts';
import { SMS_MAX_CHARACTERS, replaceSmartQuotes, smsSegments, type SmsFigures } from '../sms-segments.rules.ts';

export interface SmsComposeInput {
  /** The rendered text. */
  body: string;
  purpose: 'marketing' | 'service';
  language: Language;
  storeName: string;
  /** Replaces the default opt-out line; null or empty uses the default. */
  optOutLine?: string | null;
}

export interface ComposedSms {
  text: string;
  figures: SmsFigures;
}

const OPT_OUT: Record<Language, string> = {
  en: 'Reply STOP to unsubscribe',
  fr: 'Répondez STOP pour vous désabonner',
};

// A body that already tells the reader how to opt out needs no second line. Only the capitalised
// keyword counts: instructions write it that way, while "Stop by this week" or "l'arrêt du
// moteur" are prose, and taking them for an instruction would send a marketing text with no
// opt-out. \b does not work around "Ê", so the word boundaries are spelled out.
const STOP_INSTRUCTION = /(?:^|[^\p{L}\p{N}])(?:STOP|ARR[EÊ]T)(?![\p{L}\p{N}])/u;

/**
 * What is sent for a text. The sender is identified: without the store's name in the body it is
 * prefixed with `Store: `. A marketing text gets an opt-out line (CASL, CTIA), unless the body
 * already has a STOP (or ARRET, ARRÊT) instruction, in capitals. The figures are the segments the carrier will bill.
 * Length is not checked here: see assertSmsLength.
 */
export function composeSms(input: SmsComposeInput): ComposedSms {
  let text = input.body.trim();
  const store = input.storeName.trim();
  if (store !== '' && !text.toLocaleLowerCase().includes(store.toLocaleLowerCase())) text = `${store}: ${text}`;
  if (input.purpose === 'marketing' && !STOP_INSTRUCTION.test(text)) {
    const line = input.optOutLine?.trim() || OPT_OUT[input.language];
    text = `${text}\n${line}`;
  }
  return { text, figures: smsSegments(text) };
}

/** A text longer than the provider's cap: it would be refused at sending. */
export class SmsTooLongError extends DomainError {
  constructor(readonly figures: SmsFigures) {
    super(
      'template_sms_too_long',
      `The text is ${figures.characters} characters (${figures.encoding}); the limit is ${SMS_MAX_CHARACTERS}.`,
      { figures },
    );
    this.name = 'SmsTooLongError';
  }
}

/** Throws SmsTooLongError (code template_sms_too_long) when `text` is over SMS_MAX_CHARACTERS; returns its figures. */
export function assertSmsLength(text: string): SmsFigures {
  const figures = smsSegments(text);
  if (figures.characters > SMS_MAX_CHARACTERS) throw new SmsTooLongError(figures);
  return figures;
}

/**
 * Typographic quotes, dashes, ellipses, guillemets and non-breaking spaces swapped for their GSM-7
 * equivalents (replaceSmartQuotes), with how many characters changed, so the editor can offer
 * "replace 3 characters to send as GSM-7 (160 a message instead of 70)".
 */
export function smartQuoteReplacements(text: string): { text: string; replaced: number } {
  let replaced = 0;
  // Counted one character at a time with the same rule, so the count cannot drift from what it replaces.
  for (const ch of text) if (replaceSmartQuotes(ch) !== ch) replaced++;
  return { text: replaceSmartQuotes(text), replaced };
}
