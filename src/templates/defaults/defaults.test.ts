import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './index.ts';
import { createTemplateValidator } from '../template.validate.ts';
import { createRenderer } from '../render.ts';
import { buildMergeContext, sampleMergeInput } from '../merge-context.ts';

const validator = createTemplateValidator();
const renderer = createRenderer();
const STEPS = ['reminder_1', 'reminder_2', 'no_show', 'thank_you', 'deferred', 'inactive'];

describe('default templates', () => {
  it('ship the six 360° letters and postcards in English and French, as service messages', () => {
    for (const channel of ['email', 'postcard'] as const)
      for (const language of ['en', 'fr'] as const) {
        const mine = DEFAULT_TEMPLATES.filter((t) => t.language === language && t.channel === channel);
        expect(mine.map((t) => t.contactType)).toEqual(STEPS);
        for (const t of mine) expect(t).toMatchObject({ purpose: 'service' });
      }
  });

  for (const t of DEFAULT_TEMPLATES) {
    describe(`${t.channel} ${t.language} ${t.name}`, () => {
      it('validates against the catalogue', () => {
        expect(validator.validate(t.subject)).toEqual({ ok: true });
        expect(validator.validate(t.body)).toEqual({ ok: true });
      });

      it('renders the sample context with no raw tag and no "undefined"', () => {
        const input = sampleMergeInput(t.language);
        const locale = { language: t.language, country: input.store.country, timeZone: input.store.timeZone };
        const ctx = buildMergeContext(input);
        const subject = renderer.renderSource(t.subject, 'text', ctx, locale);
        const body = renderer.renderSource(t.body, 'html', ctx, locale);
        for (const out of [subject, body]) {
          expect(out).not.toMatch(/\{\{|\{%|undefined|null|NaN|\[object/);
        }
        expect(body).toContain('Mrs. Marie Tremblay');
        expect(body).toContain('Maple Motors');
        // And with nothing but a store: fallbacks, not holes that read "undefined".
        const bare = buildMergeContext({ customer: {}, store: input.store });
        expect(renderer.renderSource(t.body, 'html', bare, locale)).not.toMatch(/undefined|null|\{\{/);
      });
    });
  }

  it('reads naturally: dates and phones in the letter’s language', () => {
    const input = sampleMergeInput('fr');
    const locale = { language: 'fr', country: 'CA', timeZone: 'America/Toronto' } as const;
    const r1 = DEFAULT_TEMPLATES.find((t) => t.language === 'fr' && t.contactType === 'reminder_1');
    const body = renderer.renderSource(r1?.body ?? '', 'html', buildMergeContext(input), locale);
    expect(body).toContain('<strong>3 décembre 2026 à 9 h 30</strong>');
    expect(body).toContain('416 555-0123');
    const deferred = DEFAULT_TEMPLATES.find((t) => t.language === 'en' && t.contactType === 'deferred');
    const en = renderer.renderSource(deferred?.body ?? '', 'html', buildMergeContext(sampleMergeInput('en')), {
      ...locale,
      language: 'en',
    });
    expect(en).toContain(
      '<ul><li>Replace front brake pads</li><li>Replace cabin air filter</li><li>Rotate tires</li></ul>',
    );
  });
});
