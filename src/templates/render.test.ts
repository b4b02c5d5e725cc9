import { describe, expect, it } from 'vitest';
import { createRenderer, TemplateInvalidError, TemplateOutputError } from './render.ts';
import { buildMergeContext, renderLocaleFor, sampleMergeInput, type MergeInput } from './merge-context.ts';
import { FormatterCache, formatPhone, messageLocale, templateLanguage } from './locale-format.ts';

const renderer = createRenderer();
const input: MergeInput = {
  customer: { firstName: 'Marie', lastName: 'Tremblay', mailingName: null, language: 'fr' },
  store: {
    name: 'Garage <Maple> & Fils',
    phone: '416-555-0123',
    country: 'CA',
    timeZone: 'America/Toronto',
  },
  vehicle: { year: 2021, make: 'Toyota', model: 'RAV4', plate: '' },
  // 01:30 UTC on the 4th is 20:30 on the 3rd in Toronto.
  appointment: { scheduledAt: new Date('2026-12-04T01:30:00Z') },
  visit: { visitDate: '2026-06-15', deferredItems: ['Brakes', ' ', 'Tires'] },
};
const ctx = buildMergeContext(input);
const en = { language: 'en', country: 'CA', timeZone: 'America/Toronto' } as const;
const fr = { language: 'fr', country: 'CA', timeZone: 'America/Toronto' } as const;
const us = { language: 'en', country: 'US', timeZone: 'America/New_York' } as const;

describe('buildMergeContext', () => {
  it('falls back name -> first + last, mailing name -> name; blanks become null', () => {
    expect(ctx.customer).toEqual({
      first_name: 'Marie',
      last_name: 'Tremblay',
      name: 'Marie Tremblay',
      mailing_name: 'Marie Tremblay',
    });
    expect(ctx.vehicle).toEqual({ year: '2021', make: 'Toyota', model: 'RAV4', plate: null });
    expect(ctx.deferred_items).toEqual(['Brakes', 'Tires']);
    expect(ctx.salesperson.name).toBeNull();
    expect(ctx.unsubscribe_url).toBeNull();
  });

  it('takes the appointment’s calendar date in the store’s zone', () => {
    expect(ctx.appointment).toEqual({ date: '2026-12-03', time: '2026-12-04T01:30:00.000Z' });
  });

  it('breaks a literal {{ in data', () => {
    const c = buildMergeContext({ ...input, customer: { name: 'Bob {{x}} {%y' } });
    expect(c.customer.name).toBe('Bob { {x}} { %y');
  });

  it('reads the customer’s language', () => {
    expect(renderLocaleFor(input.customer, input.store)).toEqual(fr);
    expect(templateLanguage('FR-ca')).toBe('fr');
    expect(templateLanguage(null)).toBe('en');
    expect(messageLocale('en', 'us')).toBe('en-US');
  });
});

describe('render', () => {
  it('renders text without escaping and HTML with escaping', () => {
    expect(renderer.renderSource('{{ store.name }}', 'text', ctx, en)).toBe('Garage <Maple> & Fils');
    expect(renderer.renderSource('<p>{{ store.name }}</p>', 'html', ctx, en)).toBe(
      '<p>Garage &lt;Maple&gt; &amp; Fils</p>',
    );
  });

  it('renders missing values as empty, never "undefined", and default covers empty strings', () => {
    const out = renderer.renderSource(
      '[{{ salesperson.name }}][{{ vehicle.plate }}][{{ vehicle.plate | default: "none" }}][{{ salesperson.name | default: "us" }}][{{ deferred_items[5] }}]',
      'text',
      ctx,
      en,
    );
    expect(out).toBe('[][][none][us][]');
    const bare = renderer.renderSource(
      '{{ customer.first_name | default: "there" }}',
      'text',
      buildMergeContext({ customer: {}, store: input.store }),
      en,
    );
    expect(bare).toBe('there');
  });

  it('formats dates, times and phones per locale and zone', () => {
    const t =
      '{{ appointment.date | date_long }}|{{ appointment.date | date_short }}|{{ appointment.time | time }}|{{ store.phone | phone }}|{{ visit.date | date_long }}';
    expect(renderer.renderSource(t, 'text', ctx, en)).toBe(
      'December 3, 2026|Dec 3, 2026|8:30 p.m.|(416) 555-0123|June 15, 2026',
    );
    expect(renderer.renderSource(t, 'text', ctx, fr)).toBe(
      '3 décembre 2026|3 déc. 2026|20 h 30|416 555-0123|15 juin 2026',
    );
    expect(renderer.renderSource(t, 'text', ctx, us)).toBe(
      'December 3, 2026|Dec 3, 2026|8:30 PM|(416) 555-0123|June 15, 2026',
    );
  });

  it('reuses Intl formatters across renders', () => {
    const cache = new FormatterCache();
    const f = cache.get('en-CA', 'America/Toronto', 'CA');
    for (let i = 0; i < 100; i++) {
      f.date('2026-01-02', 'long');
      f.date('2026-01-02T10:00:00Z', 'long');
      f.time('2026-01-02T10:00:00Z');
    }
    expect(cache.intlFormatterCount).toBe(3);
    expect(cache.get('en-CA', 'America/Toronto', 'CA')).toBe(f);
  });

  it('leaves unreadable dates and phones as they are', () => {
    const f = new FormatterCache().get('en-CA', 'UTC', 'CA');
    expect(f.date('soon', 'long')).toBe('soon');
    expect(f.date(null, 'long')).toBe('');
    expect(f.phone('call the desk')).toBe('call the desk');
    expect(formatPhone('+33 1 42 68 53 00', 'fr-CA', 'CA')).toBe('+33 1 42 68 53 00');
  });

  it('refuses an invalid template with its problems', () => {
    let err: unknown;
    try {
      renderer.compile('{{ customer.nmae }}', 'text');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateInvalidError);
    if (err instanceof TemplateInvalidError) {
      expect(err.code).toBe('template_unknown_tag');
      expect(err.problems[0]).toMatchObject({ tag: 'customer.nmae', line: 1, column: 4 });
    }
  });

  it('never returns a raw {{ (typed error)', () => {
    // An assign can build "{{" at render time from two harmless halves, for data the sample lacks.
    const t = renderer.compile(
      '{% assign b = "{" %}{% if customer.first_name == "Zed" %}{{ b }}{{ b }}{% endif %}',
      'text',
    );
    expect(renderer.render(t, ctx, en)).toBe('');
    const zed = buildMergeContext({ ...input, customer: { firstName: 'Zed' } });
    expect(() => renderer.render(t, zed, en)).toThrow(TemplateOutputError);
  });

  it('memoises compiled templates', () => {
    expect(renderer.compile('{{ customer.name }}', 'html')).toBe(renderer.compile('{{ customer.name }}', 'html'));
  });

  it('renders the sample context for previews', () => {
    const sample = buildMergeContext(sampleMergeInput('fr'));
    expect(
      renderer.renderSource('{{ customer.mailing_name }} — {{ appointment.time | time }}', 'text', sample, fr),
    ).toBe('Mrs. Marie Tremblay — 9 h 30');
  });
});
