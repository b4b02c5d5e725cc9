import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './defaults/index.ts';
import { compileEmail, type EmailShell } from './email.compile.ts';
import { buildMergeContext, renderLocaleFor, sampleMergeInput, type MergeInput } from './merge-context.ts';
import { createMessageRenderer } from './message.render.ts';
import { createRenderer, type RenderMode } from './render.ts';

// The fast render loop (liquid-fast.ts) against liquidjs's renderSync, the reference.
const fast = createRenderer();
const reference = createRenderer({ liquidjsOnly: true });

const base = sampleMergeInput('en');
const INPUTS: { name: string; input: MergeInput }[] = [
  { name: 'sample', input: base },
  { name: 'French', input: { ...sampleMergeInput('fr'), customer: { firstName: 'Émilie', language: 'fr' } } },
  {
    name: 'empty',
    input: { customer: {}, store: { name: 'Maple', country: 'CA', timeZone: 'America/Toronto' }, unsubscribeUrl: null },
  },
  {
    name: 'hostile values',
    input: {
      ...base,
      customer: { firstName: `<script>alert("x")</script> & O'Brien`, mailingName: 'Tom  &\n Jerry', language: 'en' },
      vehicle: { year: 2019, make: 'Ford & <Sons>', model: 'F-150 "Lariat"', plate: '  ' },
      store: { ...base.store, feedbackUrl: 'javascript:alert(1)', phone: '555' },
      visit: { visitDate: '2025-01-02', deferredItems: ['Brakes & rotors', '<b>wipers</b>', '{{ x }}'] },
      salesperson: { name: '' },
    },
  },
  {
    name: 'no visit, an appointment',
    input: { ...base, visit: null, appointment: { scheduledAt: new Date('2026-02-28T23:30:00Z') } },
  },
  { name: 'invalid date', input: { ...base, appointment: { scheduledAt: new Date(Number.NaN) } } },
];

const SNIPPETS = [
  'Hi {{ customer.first_name }} {{ customer.last_name | upcase }}!',
  '{{ customer.first_name | default: "there" | capitalize }}, {{ vehicle.model | default: "vehicle" | downcase }}',
  '{% if vehicle.plate %}Plate {{ vehicle.plate }}{% elsif vehicle.make %}Make {{ vehicle.make }}{% else %}none{% endif %}',
  '{% unless visit.date %}never{% elsif vehicle.make %}x{% else %}seen {{ visit.date | date_long }}{% endunless %}',
  '{% if vehicle.make == "Ford & <Sons>" and customer.first_name != blank %}match{% endif %}',
  '{% if deferred_items.size > 1 %}{{ deferred_items.size }} items: {{ deferred_items | join: ", " }}{% endif %}',
  '{{ deferred_items.first }} / {{ deferred_items.last }} / {{ deferred_items[1] }} / {{ customer["first_name"] }}',
  '{% for i in deferred_items %}{{ forloop.index }}. {{ i | escape }}{% if forloop.last %}.{% endif %}{% else %}nothing{% endfor %}',
  '{% for i in deferred_items limit: 1 %}{% if i contains "B" %}{{ i }}{% break %}{% endif %}{% endfor %}',
  '{% case vehicle.make %}{% when "Honda" %}H{% when "Ford & <Sons>" %}F{% else %}?{% endcase %}',
  '{% assign n = customer.first_name | default: "you" %}{% capture c %}[{{ n }}]{% endcapture %}{{ c }}{{ n | size }}',
  '{{ appointment.date | date_short }} {{ appointment.time | time }} {{ store.phone | phone }} {{ "now" | date: "%Y" }}',
  '{{ appointment.time | date: "%B %-d" }} {{ customer.name | truncate: 5 }} {{ customer.name | strip }}',
  '{{ unsubscribe_url }} {{ salesperson.name | default: store.owner_name }} {{ nothing.here.at.all }}',
  '{% comment %}x{% endcomment %}{%# note %}{{ 3 }}{{ "a" }}{{ true }}{{ nil }}{{ store }}',
];

const render = (r: typeof fast, source: string, mode: RenderMode, input: MergeInput) =>
  r.render(r.compile(source, mode), buildMergeContext(input), renderLocaleFor(input.customer, input.store));

describe('the fast render loop', () => {
  const sources = [
    ...SNIPPETS,
    ...DEFAULT_TEMPLATES.flatMap((t) => [t.subject, t.body]),
    ...DEFAULT_TEMPLATES.map((t) => t.body.replace(/<[^>]+>/g, '')),
  ];
  for (const mode of ['html', 'text'] as const)
    it(`renders what liquidjs renders (${mode})`, () => {
      let n = 0;
      for (const source of sources)
        for (const { input } of INPUTS) {
          let expected: string;
          try {
            expected = render(reference, source, mode, input);
          } catch (e) {
            expect(() => render(fast, source, mode, input)).toThrow((e as Error).message);
            continue;
          }
          expect(render(fast, source, mode, input)).toBe(expected);
          n++;
        }
      expect(n).toBeGreaterThan(sources.length * 4);
    });

  it('renders the same e-mails for the default templates', () => {
    const shell: EmailShell = {
      storeName: 'Maple & Sons',
      postalAddress: ['1 Main St', 'Toronto ON  M5V 2T6'],
      language: 'en',
    };
    for (const t of DEFAULT_TEMPLATES) {
      const source = { purpose: 'marketing' as const, subject: t.subject, body: t.body };
      const a = compileEmail(fast, source, { ...shell, language: t.language });
      const b = compileEmail(reference, source, { ...shell, language: t.language });
      for (const { input } of INPUTS) {
        const context = buildMergeContext({ ...input, unsubscribeUrl: 'https://u.test/x?a=1&b=2' });
        const locale = renderLocaleFor(input.customer, input.store);
        expect(a.render(context, locale)).toEqual(b.render(context, locale));
      }
    }
  });

  it('renders the same texts and letters', () => {
    const a = createMessageRenderer(fast);
    const b = createMessageRenderer(reference);
    const sender = { storeName: 'Maple', postalAddress: ['1 Main St'] };
    for (const channel of ['sms', 'voice', 'letter'] as const)
      for (const source of [...SNIPPETS, ...DEFAULT_TEMPLATES.map((t) => t.body)])
        for (const { input } of INPUTS) {
          const m = { channel, purpose: 'service' as const, subject: null, body: source };
          let expected;
          try {
            expected = b.render(m, input, sender);
          } catch (e) {
            expect(() => a.render(m, input, sender)).toThrow((e as Error).message);
            continue;
          }
          expect(a.render(m, input, sender)).toEqual(expected);
        }
  });

  it('fails as liquidjs does', () => {
    // A literal "{{" in the output, and a filter that throws.
    for (const source of ['{{ "{{" }}', '{{ "x" | date: 5 | truncate: "a" }}', '{{ customer.first_name | join }}'])
      for (const { input } of INPUTS.slice(0, 3)) {
        let message: string | null = null;
        let expected: string | null = null;
        try {
          expected = render(reference, source, 'text', input);
        } catch (e) {
          message = (e as Error).message;
        }
        if (message === null) expect(render(fast, source, 'text', input)).toBe(expected);
        else expect(() => render(fast, source, 'text', input)).toThrow(message);
      }
  });
});
