import type { Store } from '../../db/schema.ts';
import { FormatterCache, messageLocale, templateLanguage } from '../../templates/locale-format.ts';
import { storeAddressLines } from '../../templates/merge-input.rows.ts';
import type { Letterhead, LetterInput, Paper, PostcardInput } from '../../templates/pdf/index.ts';

// An outbox row → what the PDF renderer draws. Shared by the local print file and the print API.

/** What a letter needs from its store and customer beyond the message itself. */
export interface PrintContext {
  letterhead: Letterhead;
  paper: Paper;
  country: string;
  timeZone: string;
  /** The customer's language column (dates are written in it); null → English. */
  language: string | null;
}

/** The store as printed at the top of a letter and as a postcard's return address. */
export function letterheadOf(store: Store): Letterhead {
  return { name: store.name, addressLines: storeAddressLines(store), phone: store.phone, email: store.email };
}

/** North America uses US Letter and #10 envelopes; elsewhere A4 and DL. */
export function paperFor(country: string): Paper {
  const c = country.toUpperCase();
  return c === 'US' || c === 'CA' ? 'letter' : 'a4';
}

export function printContextOf(store: Store, language: string | null): PrintContext {
  return {
    letterhead: letterheadOf(store),
    paper: paperFor(store.country),
    country: store.country,
    timeZone: store.time_zone,
    language,
  };
}

/** An outbox target for mail: the address lines joined with newlines, name first. */
export function addressLinesOf(target: string): string[] {
  return target
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The printable parts of an outbox message. */
export interface PrintableMessage {
  target: string;
  html: string | null;
  subject: string | null;
}

/** Builds letters; one per printing job, so its Intl formatters are reused across a file. */
export function createLetterBuilder() {
  const formatters = new FormatterCache();
  return (ctx: PrintContext, m: PrintableMessage, at: Date): LetterInput => {
    const locale = messageLocale(templateLanguage(ctx.language), ctx.country);
    return {
      letterhead: ctx.letterhead,
      recipient: { lines: addressLinesOf(m.target) },
      date: formatters.get(locale, ctx.timeZone, ctx.country).date(at, 'long'),
      bodyHtml: m.html ?? '',
      paper: ctx.paper,
    };
  };
}

/** A postcard: the message's subject, when it has one, is the headline. */
export function postcardInputOf(ctx: PrintContext, m: PrintableMessage): PostcardInput {
  return {
    sender: ctx.letterhead,
    recipient: { lines: addressLinesOf(m.target) },
    bodyHtml: m.html ?? '',
    headline: m.subject,
  };
}
