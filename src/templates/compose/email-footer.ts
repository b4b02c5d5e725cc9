import type { Language } from '../merge-tags.catalogue.ts';
import { escapeHtml } from './html-escape.ts';

export interface EmailFooter {
  storeName: string;
  /** The store's postal address, one line each: CAN-SPAM and CASL require it in commercial e-mail. */
  postalAddress: string[];
  unsubscribeUrl: string | null;
  language: Language;
}

const WORDING: Record<Language, { why: (store: string) => string; unsubscribe: string; stop: string }> = {
  en: {
    why: (store) => `You are receiving this e-mail because you have done business with ${store}.`,
    stop: 'To stop receiving these e-mails:',
    unsubscribe: 'Unsubscribe',
  },
  fr: {
    why: (store) => `Vous recevez ce courriel parce que vous avez fait affaire avec ${store}.`,
    // French typography: a (non-breaking) space before the colon.
    stop: 'Pour ne plus recevoir ces courriels\u00A0:',
    unsubscribe: 'Se désabonner',
  },
};

/**
 * The footer's HTML. Marketing: why the person is receiving it, the unsubscribe link and the
 * store's postal address. Service: the postal address, and the unsubscribe link only when one is
 * given. The caller has already refused a marketing e-mail without an unsubscribe URL.
 */
export function footerHtml(footer: EmailFooter, marketing: boolean): string {
  const w = WORDING[footer.language];
  const store = escapeHtml(footer.storeName);
  const parts: string[] = [];
  if (marketing) parts.push(`<p class="fc-footer-p">${escapeHtml(w.why(footer.storeName))}</p>`);
  if (footer.unsubscribeUrl !== null)
    parts.push(
      `<p class="fc-footer-p">${escapeHtml(w.stop)} <a href="${escapeHtml(footer.unsubscribeUrl)}" class="fc-unsubscribe">${escapeHtml(w.unsubscribe)}</a></p>`,
    );
  const address = [store, ...footer.postalAddress.map(escapeHtml)].filter((line) => line.trim() !== '');
  parts.push(`<p class="fc-footer-p">${address.join('<br>')}</p>`);
  return parts.join('\n');
}
