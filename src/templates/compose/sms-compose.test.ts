import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.ts';
import { smsSegments } from '../sms-segments.rules.ts';
import { SmsTooLongError, assertSmsLength, composeSms, smartQuoteReplacements } from './sms-compose.ts';

const base = { purpose: 'marketing' as const, language: 'en' as const, storeName: 'Lévis Toyota' };

describe('composeSms', () => {
  it('marketing: identifies the sender and appends the opt-out line once', () => {
    const r = composeSms({ ...base, body: 'Hi Émilie, your Corolla is due for service.' });
    expect(r.text).toBe('Lévis Toyota: Hi Émilie, your Corolla is due for service.\nReply STOP to unsubscribe');
    expect(r.text.match(/STOP/g)).toHaveLength(1);
    expect(r.figures).toEqual(smsSegments(r.text));
  });

  it('does not double the line when the body already has a STOP instruction', () => {
    const body = 'Lévis Toyota: 20% off tires this week. Reply STOP to opt out.';
    expect(composeSms({ ...base, body }).text).toBe(body);
    expect(composeSms({ ...base, body: 'Lévis Toyota: tires on sale. Text STOP to end.' }).text).not.toContain(
      'unsubscribe',
    );
  });

  it('French: the French line, and ARRET / ARRÊT count as an instruction', () => {
    const fr = { ...base, language: 'fr' as const };
    expect(composeSms({ ...fr, body: 'Lévis Toyota : votre entretien approche.' }).text).toBe(
      'Lévis Toyota : votre entretien approche.\nRépondez STOP pour vous désabonner',
    );
    expect(
      composeSms({ ...fr, body: 'Lévis Toyota : promo. Répondez ARRÊT pour vous désabonner.' }).text,
    ).not.toContain('\n');
    expect(composeSms({ ...fr, body: 'Lévis Toyota : promo. Répondez ARRET.' }).text).not.toContain('\n');
  });

  it('the French opt-out line stays in GSM-7', () => {
    const r = composeSms({ ...base, language: 'fr', body: 'Lévis Toyota : promo.' });
    expect(r.figures.encoding).toBe('GSM-7');
  });

  it('"stop" in prose is not an opt-out instruction', () => {
    expect(composeSms({ ...base, body: 'Stop by Lévis Toyota this week!' }).text).toContain(
      'Reply STOP to unsubscribe',
    );
    expect(composeSms({ ...base, body: 'Lévis Toyota: STOPWATCH sale' }).text).toContain('Reply STOP to unsubscribe');
    expect(
      composeSms({ ...base, language: 'fr', body: "Lévis Toyota : l'arrêt du moteur est réparé." }).text,
    ).toContain('Répondez STOP');
  });

  it('a custom opt-out line replaces the default', () => {
    const r = composeSms({ ...base, body: 'Lévis Toyota: sale', optOutLine: 'Txt STOP to end' });
    expect(r.text).toBe('Lévis Toyota: sale\nTxt STOP to end');
    expect(composeSms({ ...base, body: 'Lévis Toyota: sale', optOutLine: null }).text).toContain('Reply STOP');
  });

  it('service texts get no opt-out line, but still name the sender', () => {
    expect(composeSms({ ...base, purpose: 'service', body: 'Your car is ready.' }).text).toBe(
      'Lévis Toyota: Your car is ready.',
    );
  });

  it('a body that names the store (any case) is not prefixed', () => {
    expect(composeSms({ ...base, purpose: 'service', body: 'LÉVIS TOYOTA: ready.' }).text).toBe('LÉVIS TOYOTA: ready.');
  });
});

describe('assertSmsLength', () => {
  it('accepts 1,600 characters and refuses 1,601 with template_sms_too_long', () => {
    expect(assertSmsLength('a'.repeat(1600)).characters).toBe(1600);
    const error = (() => {
      try {
        assertSmsLength('a'.repeat(1601));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SmsTooLongError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'template_sms_too_long', details: { figures: { characters: 1601 } } });
  });

  it('counts as carriers do: extension characters are two', () => {
    expect(() => assertSmsLength('€'.repeat(801))).toThrow(/1602 characters/);
  });
});

describe('smartQuoteReplacements', () => {
  it('turns a UCS-2 text into GSM-7', () => {
    const text = 'Lévis Toyota: we’re open “late” Friday – bring the car… see you\u00A0soon — Reply STOP';
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    const r = smartQuoteReplacements(text);
    expect(r.text).toBe('Lévis Toyota: we\'re open "late" Friday - bring the car... see you soon - Reply STOP');
    expect(r.replaced).toBe(7);
    expect(smsSegments(r.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('leaves a GSM-7 text alone', () => {
    expect(smartQuoteReplacements('Plain "text" - ok...')).toEqual({ text: 'Plain "text" - ok...', replaced: 0 });
  });

  it('‘single’ quotes', () => {
    expect(smartQuoteReplacements('‘a’')).toEqual({ text: "'a'", replaced: 2 });
  });
});
