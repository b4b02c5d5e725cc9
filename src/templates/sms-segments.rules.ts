/**
 * SMS length rules: GSM-7 vs UCS-2 encoding, character counts and concatenated-message segments,
 * as carriers bill them. Pure.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsFigures {
  encoding: SmsEncoding;
  /** GSM-7: septets (extension characters count 2). UCS-2: UTF-16 code units (an emoji counts 2). */
  characters: number;
  /** Messages the text is sent as; 0 for an empty text. */
  segments: number;
}

/** The provider's cap on one text (Twilio and most aggregators refuse longer bodies). */
export const SMS_MAX_CHARACTERS = 1600;

/** GSM 03.38 default alphabet (one septet each). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: an escape septet plus the character, so two septets each. */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;

/** Whether every character of `text` is in the GSM-7 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

/**
 * Encoding, characters and segments of `text`. One message holds 160 GSM-7 septets or 70 UCS-2
 * code units; a longer text is split into parts of 153 septets or 67 code units (the rest is the
 * concatenation header). A two-septet extension character, and a surrogate pair, is never split
 * across parts: it moves whole to the next one, which can add a segment.
 */
export function smsSegments(text: string): SmsFigures {
  if (text === '') return { encoding: isGsm7(text) ? 'GSM-7' : 'UCS-2', characters: 0, segments: 0 };
  const gsm = isGsm7(text);
  // Iterating by code point yields each emoji as one unit of size 2, so pairs stay together.
  const sizes: number[] = [];
  for (const ch of text) sizes.push(gsm ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length);
  const characters = sizes.reduce((a, b) => a + b, 0);
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const part = gsm ? GSM_PART : UCS2_PART;
  if (characters <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', characters, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', characters, segments };
}

export type SmsLengthCheck = { ok: true; figures: SmsFigures } | { ok: false; reason: string; figures: SmsFigures };

/** Refuses a text over SMS_MAX_CHARACTERS (counted as in smsSegments). */
export function checkSmsLength(text: string): SmsLengthCheck {
  const figures = smsSegments(text);
  if (figures.characters > SMS_MAX_CHARACTERS)
    return {
      ok: false,
      reason: `the text is ${figures.characters} characters (${figures.encoding}); the limit is ${SMS_MAX_CHARACTERS}`,
      figures,
    };
  return { ok: true, figures };
}

const REPLACEMENTS: readonly [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  // French guillemets with their inner (non-breaking) spaces: « Bonjour » -> "Bonjour".
  [/\u00AB[\u00A0\u202F ]?/g, '"'],
  [/[\u00A0\u202F ]?\u00BB/g, '"'],
  [/[\u2013\u2014]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u202F]/g, ' '],
];

/**
 * Replaces typographic quotes, apostrophes, guillemets, dashes, ellipses and non-breaking spaces
 * with their GSM-7 equivalents, so a pasted text is not forced into UCS-2 (70 characters a message).
 */
export function replaceSmartQuotes(text: string): string {
  let s = text;
  for (const [re, to] of REPLACEMENTS) s = s.replace(re, to);
  return s;
}
