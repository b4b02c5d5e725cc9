import type { Language } from '../merge-tags.catalogue.ts';

/** The 360° lifecycle steps that ship with a default letter. */
export type LifecycleStepKey = 'reminder_1' | 'reminder_2' | 'no_show' | 'thank_you' | 'deferred' | 'inactive';

/** A template shipped with Forecourt, copied into a store's templates where it can be edited. */
export interface DefaultTemplate {
  channel: 'email' | 'postcard';
  purpose: 'service';
  /** The contact type (lifecycle step) the template is for. */
  contactType: LifecycleStepKey;
  language: Language;
  name: string;
  /** Liquid, rendered as text ('' for a postcard, which has none). */
  subject: string;
  /** Liquid, rendered as HTML (outputs escaped). */
  body: string;
}

/** Paragraphs of HTML (a `<ul>` block kept as is), one per line, so the default stays readable when a user opens it. */
/**
 * The template's key among a store's defaults: e-mails keep the key the first release gave them
 * (step:language), so stores that have them are not given a second copy.
 */
export const defaultKey = (d: Pick<DefaultTemplate, 'channel' | 'contactType' | 'language'>): string =>
  d.channel === 'email' ? `${d.contactType}:${d.language}` : `${d.channel}:${d.contactType}:${d.language}`;

export const paragraphs = (...ps: string[]): string =>
  ps.map((p) => (p.startsWith('<ul') ? p : `<p>${p}</p>`)).join('\n') + '\n';
