import { describe, expect, it } from 'vitest';
import { composeEmail, listUnsubscribeHeaders, type EmailComposeInput } from './email-compose.ts';
import { sanitiseEmailHtml } from './html-sanitise.ts';

const UNSUBSCRIBE =
  'https://forecourt.test/u/3f9c2a7e1b5d4c8a9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d?s=12&c=345';

const input = (over: Partial<EmailComposeInput> = {}, footer: Partial<EmailComposeInput['footer']> = {}) => ({
  subject: 'Your Corolla is due for service',
  bodyHtml: '<p>Hi Émilie,</p><p>Your <b>oil change</b> is due. <a href="https://store.test/book">Book now</a></p>',
  purpose: 'marketing' as const,
  ...over,
  footer: {
    storeName: 'Lévis Toyota',
    postalAddress: ['5800 rue Saint-Georges', 'Lévis QC G6V 4M7'],
    unsubscribeUrl: UNSUBSCRIBE,
    language: 'en' as const,
    ...footer,
  },
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "label [url]" in the text part; wrapping may put the URL on the next line, but never breaks it. */
const textLink = (label: string, url: string) => new RegExp(`${escapeRe(label)}\\s\\[${escapeRe(url)}\\]`);

/** The href as it appears in HTML (& escaped). */
const hrefOf = (url: string) => `href="${url.replace(/&/g, '&amp;')}"`;

describe('composeEmail', () => {
  it('wraps the body in a responsive document', () => {
    const { html } = composeEmail(input());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/class="fc-container"[^>]*style="[^"]*max-width: 600px/);
    expect(html).toContain('<html lang="en">');
  });

  it('marketing, English: why, the unsubscribe link and the postal address, in html and text', () => {
    const { html, text } = composeEmail(input());
    expect(html).toContain('You are receiving this e-mail because you have done business with Lévis Toyota.');
    expect(html).toMatch(new RegExp(`<a ${escapeRe(hrefOf(UNSUBSCRIBE))}[^>]*>Unsubscribe</a>`));
    expect(html).toContain('Lévis Toyota<br>5800 rue Saint-Georges<br>Lévis QC G6V 4M7');
    expect(text).toContain('You are receiving this e-mail because you have done business with');
    expect(text).toMatch(textLink('Unsubscribe', UNSUBSCRIBE));
    expect(text).toContain('5800 rue Saint-Georges\nLévis QC G6V 4M7');
  });

  it('marketing, French wording', () => {
    const { html, text } = composeEmail(input({}, { language: 'fr' }));
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Vous recevez ce courriel parce que vous avez fait affaire avec Lévis Toyota.');
    expect(html).toContain('>Se désabonner</a>');
    expect(text).toMatch(textLink('Se désabonner', UNSUBSCRIBE));
    expect(text).not.toContain('Unsubscribe');
  });

  it('refuses a marketing e-mail without an unsubscribe URL', () => {
    expect(() => composeEmail(input({}, { unsubscribeUrl: null }))).toThrow(/unsubscribe URL/);
    expect(() => composeEmail(input({}, { unsubscribeUrl: '  ' }))).toThrow(/unsubscribe URL/);
  });

  it('refuses an unsubscribe URL that is not a link', () => {
    expect(() => composeEmail(input({}, { unsubscribeUrl: 'javascript:alert(1)' }))).toThrow(/not an http/);
  });

  it('service: the postal address, no unsubscribe link needed', () => {
    const { html, text } = composeEmail(input({ purpose: 'service' }, { unsubscribeUrl: null }));
    expect(html).toContain('5800 rue Saint-Georges');
    expect(text).toContain('5800 rue Saint-Georges');
    expect(html).not.toMatch(/unsubscribe/i);
    expect(html).not.toContain('You are receiving this');
  });

  it('service with a URL: the link is included', () => {
    const { text } = composeEmail(input({ purpose: 'service' }));
    expect(text).toMatch(textLink('Unsubscribe', UNSUBSCRIBE));
  });

  it('inlines the author CSS into style attributes and drops the <style> block', () => {
    const { html } = composeEmail(input({ bodyHtml: '<style>p{color:red}</style><p>Hello</p>' }));
    expect(html).toContain('<p style="color: red;">Hello</p>');
    expect(html).not.toContain('p{color:red}');
  });

  it("keeps the author's media queries, in the head", () => {
    const { html } = composeEmail(
      input({ bodyHtml: '<style>@media (max-width: 400px) { p { font-size: 20px } }</style><p>Hello</p>' }),
    );
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/@media \(max-width: 400px\)/);
    expect(head).toMatch(/@media only screen and \(max-width: 620px\)/);
  });

  it("the author's CSS does not reach the footer", () => {
    const { html } = composeEmail(
      input({ bodyHtml: '<style>p { color: #ffffff } a { display: none } td { display: none }</style><p>Hi</p>' }),
    );
    const footer = html.slice(html.indexOf('class="fc-footer"'));
    expect(footer).not.toContain('#ffffff');
    expect(footer).not.toContain('display: none');
    expect(footer).toContain('>Unsubscribe</a>');
  });

  it('no <script> survives the pipeline (sanitise, then compose)', () => {
    const body = sanitiseEmailHtml('<p>Hi</p><script>alert(1)</script><img src="x" onerror="alert(1)">').html;
    const { html, text } = composeEmail(input({ bodyHtml: body }));
    expect(html).not.toMatch(/<script|onerror|alert/i);
    expect(text).not.toMatch(/alert/);
  });

  it('the text part has no HTML, shows links as text [url], skips images and keeps tables readable', () => {
    const { text } = composeEmail(
      input({
        bodyHtml:
          '<h2>Deferred work</h2><img src="https://x.test/logo.png" alt="Logo"><table><tr><th>Item</th><th>Price</th></tr><tr><td>Wipers</td><td>$30</td></tr></table><p>Call <a href="tel:+14185550100">us</a> &amp; save</p>',
      }),
    );
    expect(text).not.toMatch(/<[a-z!/]/i);
    expect(text).not.toContain('&amp;');
    expect(text).not.toContain('Logo');
    expect(text).toContain('Deferred work');
    expect(text).toMatch(/Item\s+Price\nWipers\s+\$30/);
    expect(text).toContain('Call us [tel:+14185550100] & save');
    for (const line of text.split('\n')) if (!line.includes('http')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('folds line breaks out of the subject and escapes it in <title>', () => {
    const r = composeEmail(input({ subject: 'Oil\r\nBcc: x@evil.test <b>' }));
    expect(r.subject).toBe('Oil Bcc: x@evil.test <b>');
    expect(r.html).toContain('<title>Oil Bcc: x@evil.test &lt;b&gt;</title>');
  });

  it('escapes the store name and address', () => {
    const { html } = composeEmail(input({}, { storeName: 'A & B <Motors>', postalAddress: ['1 "Main" St'] }));
    expect(html).toContain('A &amp; B &lt;Motors&gt;<br>1 &quot;Main&quot; St');
  });
});

describe('listUnsubscribeHeaders', () => {
  it('RFC 8058 one-click with an https URL and a mailto', () => {
    expect(listUnsubscribeHeaders('https://x.test/u/abc', 'unsubscribe@x.test')).toEqual({
      'List-Unsubscribe': '<https://x.test/u/abc>, <mailto:unsubscribe@x.test>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(listUnsubscribeHeaders('https://x.test/u/abc', 'mailto:u@x.test?subject=unsubscribe')).toEqual({
      'List-Unsubscribe': '<https://x.test/u/abc>, <mailto:u@x.test?subject=unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('URL only', () => {
    expect(listUnsubscribeHeaders('https://x.test/u/abc')).toEqual({
      'List-Unsubscribe': '<https://x.test/u/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('no one-click for plain http (RFC 8058 requires https)', () => {
    expect(listUnsubscribeHeaders('http://localhost:3000/u/abc')).toEqual({
      'List-Unsubscribe': '<http://localhost:3000/u/abc>',
    });
  });

  it('refuses what would break the header', () => {
    expect(() => listUnsubscribeHeaders('https://x.test/u>\r\nBcc: a@b.test')).toThrow();
    expect(() => listUnsubscribeHeaders('javascript:alert(1)')).toThrow();
    expect(() => listUnsubscribeHeaders('https://x.test/u', 'a@b.test> ,<x')).toThrow();
  });
});
