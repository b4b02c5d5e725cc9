import type { Language } from '../templates/merge-tags.catalogue.ts';

// The customer-facing unsubscribe pages, in the customer's language. Plain HTML, no script:
// they must work in any mail client's browser.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const WORDS = {
  en: {
    title: 'Unsubscribe',
    ask: (store: string, who: string) =>
      `Stop marketing e-mails from <strong>${store}</strong> to <strong>${who}</strong>?`,
    note: 'You will still receive messages about your appointments and service.',
    button: 'Unsubscribe',
    done: (store: string) => `You are unsubscribed. ${store} will not send you marketing e-mails any more.`,
    invalid:
      'This unsubscribe link is not valid or has expired. Reply to the e-mail or call the store and we will take you off the list.',
  },
  fr: {
    title: 'Désabonnement',
    ask: (store: string, who: string) =>
      `Ne plus recevoir de courriels promotionnels de <strong>${store}</strong> à <strong>${who}</strong>?`,
    note: 'Vous recevrez toujours les messages concernant vos rendez-vous et l’entretien de votre véhicule.',
    button: 'Me désabonner',
    done: (store: string) =>
      `Votre désabonnement est confirmé. ${store} ne vous enverra plus de courriels promotionnels.`,
    invalid:
      'Ce lien de désabonnement n’est pas valide ou a expiré. Répondez au courriel ou appelez le concessionnaire et nous vous retirerons de la liste.',
  },
} as const;

function page(lang: Language, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${WORDS[lang].title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#1c7ed6;color:#fff;cursor:pointer}
.note{color:#666;font-size:.9rem}</style></head>
<body>${body}</body></html>`;
}

export function confirmPage(lang: Language, storeName: string, who: string, action: string): string {
  const w = WORDS[lang];
  return page(
    lang,
    `<h1>${w.title}</h1><p>${w.ask(escape(storeName), escape(who))}</p>
<form method="post" action="${escape(action)}"><button type="submit">${w.button}</button></form>
<p class="note">${w.note}</p>`,
  );
}

export function donePage(lang: Language, storeName: string): string {
  return page(lang, `<h1>${WORDS[lang].title}</h1><p>${WORDS[lang].done(escape(storeName))}</p>`);
}

export function invalidPage(lang: Language): string {
  return page(lang, `<h1>${WORDS[lang].title}</h1><p>${WORDS[lang].invalid}</p>`);
}
