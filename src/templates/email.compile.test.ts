import { describe, expect, it } from 'vitest';
import { sanitiseEmailHtml } from './compose/html-sanitise.ts';
import { DEFAULT_TEMPLATES } from './defaults/index.ts';
import { compileEmail, renderEmailUncompiled, type EmailShell, type EmailSource } from './email.compile.ts';
import { buildMergeContext, renderLocaleFor, sampleMergeInput, type MergeInput } from './merge-context.ts';
import type { Language } from './merge-tags.catalogue.ts';
import { createRenderer } from './render.ts';

const renderer = createRenderer();

interface Case {
  name: string;
  source: EmailSource;
  /** What compileEmail should still do per message for this shape. */
  perMessage?: { document?: boolean; text?: boolean };
}

const email = (name: string, body: string, over: Partial<EmailSource> = {}, perMessage?: Case['perMessage']): Case => ({
  name,
  // Stored bodies are sanitised when saved; the render path sanitises again either way.
  source: {
    purpose: 'service',
    subject: 'Hello {{ customer.first_name }}',
    body: sanitiseEmailHtml(body).html,
    ...over,
  },
  perMessage,
});

const CASES: Case[] = [
  ...DEFAULT_TEMPLATES.map((t) => email(`default ${t.contactType} ${t.language}`, t.body, { subject: t.subject })),
  email(
    'Liquid in href, quotes in attributes',
    `<p>Book at <a href="https://book.test/?n={{ customer.first_name | default: 'there' }}&amp;s=1" title='{{ vehicle.model | default: "car" }}'>our site</a>.</p>
<p><a href="{{ store.feedback_url }}">{{ store.feedback_url }}</a></p>`,
  ),
  email(
    'conditional block across paragraphs',
    `<p>Hello {{ customer.first_name }},</p>
{% if vehicle.plate %}
<p>Your plate: {{ vehicle.plate }}</p>
<p>Second paragraph about the {{ vehicle.model | default: "vehicle" }}.</p>
{% else %}
<p>We have no plate on file.</p>
{% endif %}
<p>{{ salesperson.name }}</p>
<p>Bye.</p>`,
  ),
  email(
    'for loop over deferred items, with else',
    `<p>Items:</p><ul>{% for item in deferred_items %}<li>{{ item }}</li>{% else %}<li>nothing deferred</li>{% endfor %}</ul><p>Call {{ store.phone | phone }}.</p>`,
  ),
  email(
    "an author's <style> block",
    `<style>p { color: #333333; } .note { font-size: 12px; } @media (max-width: 600px) { p { font-size: 18px !important; } }</style>
<h2>Hi {{ customer.first_name | default: "there" }}</h2><p class="note">Your {{ vehicle.make }} {{ vehicle.model }} is due on {{ appointment.date | date_long }} at {{ appointment.time | time }}.</p>`,
  ),
  email(
    'marketing with footer',
    `<p>Winter tires are in, {{ customer.first_name | default: "friend" }}! <strong>{{ store.name }}</strong> has 20% off &amp; free storage.</p>`,
    { purpose: 'marketing', subject: 'Winter tires at {{ store.name }} & more' },
  ),
  email(
    'Liquid in a style attribute',
    `<p style="{% if vehicle.plate %}font-weight:bold{% endif %}">{{ vehicle.plate }}</p>`,
    {},
    {
      document: true,
    },
  ),
  email(
    'a block closing in another element',
    `<p>{% if vehicle.plate %}A</p><p>B{% endif %} end</p>`,
    {},
    { document: true },
  ),
  email(
    'numbered list',
    `<ol>{% for item in deferred_items %}<li>{{ item }}</li>{% endfor %}</ol>`,
    {},
    { text: true },
  ),
  email('a data table', `<table><tr><td>Plate</td><td>{{ vehicle.plate }}</td></tr></table>`, {}, { text: true }),
];

const SHELL: Record<Language, EmailShell> = {
  en: { storeName: 'Maple & Sons Motors', postalAddress: ['1 Main St', 'Toronto ON  M5V 2T6'], language: 'en' },
  fr: { storeName: 'Lévis Toyota', postalAddress: ['5800 rue Saint-Georges', 'Lévis QC G6V 4M7'], language: 'fr' },
};

const INPUTS: { name: string; input: MergeInput }[] = [
  { name: 'sample', input: sampleMergeInput('en') },
  { name: 'French customer', input: { ...sampleMergeInput('fr'), customer: { firstName: 'Émilie', language: 'fr' } } },
  {
    name: 'empty',
    input: { customer: {}, store: { name: 'Maple', country: 'CA', timeZone: 'America/Toronto' }, unsubscribeUrl: null },
  },
  {
    name: 'hostile values',
    input: {
      ...sampleMergeInput('en'),
      customer: { firstName: `<script>alert("x")</script> & O'Brien`, mailingName: 'Tom  &\n Jerry', language: 'en' },
      vehicle: { make: 'Ford & <Sons>', model: 'F-150 "Lariat"', plate: null },
      store: { ...sampleMergeInput('en').store, feedbackUrl: 'javascript:alert(1)' },
      visit: { visitDate: '2025-01-02', deferredItems: ['Brakes & rotors', '<b>wipers</b>'] },
    },
  },
  {
    name: 'mailto feedback, no items',
    input: {
      ...sampleMergeInput('en'),
      store: { ...sampleMergeInput('en').store, feedbackUrl: 'mailto:feedback@maple.test' },
      visit: { visitDate: '2025-01-02', deferredItems: [] },
    },
  },
];

/**
 * What may differ between compileEmail and today's per-message composition, and why:
 *
 * - HTML: a `'` or `"` in a merged value is written `&#39;` / `&#34;` by liquidjs's escape; the old
 *   path re-serialises the rendered body through sanitize-html, which writes them bare in text and
 *   as `&quot;` in attributes. The same characters for any HTML parser. Nothing else differs.
 * - Text: the old path wraps and collapses white space in html-to-text after rendering; the compiled
 *   text part is converted before rendering and tidied after it (email-text.ts). That gives the same
 *   bytes for every default letter with ordinary values (asserted below), and differs only in blank
 *   lines and line breaks: a value holding a line break keeps it (html-to-text folds it into a
 *   space, so the wrapping differs too); runs of blank lines left by tags that rendered empty are
 *   folded into one, where html-to-text keeps the empty line after a `<br>` whose line rendered
 *   empty (e.g. "…date as:<br><strong></strong>" with no appointment) but drops an empty paragraph;
 *   in a template with headings (three line breaks, so no folding) an empty paragraph or list
 *   leaves extra blank lines. Equal once white space is collapsed.
 */
const sameHtml = (html: string) => html.replace(/&#39;/g, "'").replace(/&#34;|&quot;/g, '"');
const sameText = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('compileEmail', () => {
  for (const c of CASES)
    describe(c.name, () => {
      const language = c.name.endsWith(' fr') ? 'fr' : 'en';
      const shell = SHELL[language];
      const compiled = compileEmail(renderer, c.source, shell);

      it('composes per message only what its shape needs', () => {
        expect(compiled.perMessage.document !== null).toBe(c.perMessage?.document ?? false);
        expect(compiled.perMessage.text !== null).toBe(c.perMessage?.document ?? c.perMessage?.text ?? false);
      });

      for (const { name, input } of INPUTS)
        it(`renders like the per-message path: ${name}`, () => {
          const context = buildMergeContext(input);
          const locale = renderLocaleFor(input.customer, input.store);
          let expected;
          try {
            expected = renderEmailUncompiled(renderer, c.source, shell, context, locale);
          } catch (e) {
            expect(() => compiled.render(context, locale)).toThrow((e as Error).message);
            return;
          }
          const actual = compiled.render(context, locale);
          expect(actual.subject).toBe(expected.subject);
          expect(sameHtml(actual.html)).toBe(sameHtml(expected.html));
          expect(sameText(actual.text)).toBe(sameText(expected.text));
          expect(actual.html).not.toMatch(/\{\{|\{%/);
          expect(actual.text).not.toMatch(/\{\{|\{%/);
        });
    });

  it('is byte-identical for the default letters and plain values', () => {
    const input = sampleMergeInput('en');
    const context = buildMergeContext(input);
    const locale = renderLocaleFor(input.customer, input.store);
    for (const c of CASES.slice(0, DEFAULT_TEMPLATES.length)) {
      const expected = renderEmailUncompiled(renderer, c.source, SHELL.en, context, locale);
      expect(compileEmail(renderer, c.source, SHELL.en).render(context, locale)).toEqual(expected);
    }
  });

  it('escapes merged values in the HTML and leaves them as written in the text', () => {
    const c = CASES.find((x) => x.name === 'marketing with footer');
    if (!c) throw new Error('missing case');
    const input = { ...sampleMergeInput('en'), customer: { firstName: '<script>alert(1)</script> & Co' } };
    const out = compileEmail(renderer, c.source, SHELL.en).render(
      buildMergeContext(input),
      renderLocaleFor(input.customer, input.store),
    );
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(out.html).not.toContain('<script>');
    expect(out.text).toContain('<script>alert(1)</script> & Co');
    expect(out.subject).toBe('Winter tires at Maple Motors & more');
    expect(out.html).toContain('<title>Winter tires at Maple Motors &amp; more</title>');
  });

  it('puts each customer’s unsubscribe link in the footer, and refuses marketing without one', () => {
    const c = CASES.find((x) => x.name === 'marketing with footer');
    if (!c) throw new Error('missing case');
    const compiled = compileEmail(renderer, c.source, SHELL.en);
    const input = sampleMergeInput('en');
    const locale = renderLocaleFor(input.customer, input.store);
    for (const url of ['https://u.test/a?x=1&y=2', 'https://u.test/b']) {
      const out = compiled.render(buildMergeContext({ ...input, unsubscribeUrl: url }), locale);
      expect(out.html).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
      expect(out.text).toContain(`[${url}]`);
    }
    expect(() => compiled.render(buildMergeContext({ ...input, unsubscribeUrl: null }), locale)).toThrow(
      /unsubscribe URL/,
    );
  });
});
