import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from './letter.pdf.ts';
import { buildLetter, pdfMediaBoxes, pdfPagePlacements, pdfPageCount, pdfPageTexts, pdfText } from './pdf.testing.ts';

const createdAt = new Date('2025-03-01T12:00:00Z');

const longBody = Array.from(
  { length: 40 },
  (_, i) => `<p>Paragraph ${i + 1}: ${'lorem ipsum dolor sit amet '.repeat(8)}</p>`,
).join('');

describe('renderLetterPdf', () => {
  it('prints a short letter on one US Letter page', async () => {
    const pdf = await renderLetterPdf(buildLetter(), { compress: false, createdAt });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfMediaBoxes(pdf)).toEqual([[0, 0, 612, 792]]);
    const text = pdfText(pdf);
    for (const expected of [
      'Maple Motors',
      '100 King St W',
      '416-555-0100',
      'Jane Doe',
      'Toronto ON  M5V 2T6',
      'March 1, 2025',
      'March 14, 2025',
      'Dear Jane,',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/<\/?(p|br|strong)\b/);
  });

  it('sets the recipient where a #10 window envelope shows it', async () => {
    const pdf = await renderLetterPdf(buildLetter(), { compress: false, createdAt });
    const jane = pdfPagePlacements(pdf)[0]?.find((p) => p.text === 'Jane Doe');
    const postal = pdfPagePlacements(pdf)[0]?.find((p) => p.text === 'Toronto ON  M5V 2T6');
    // The window spans 2.0–3.125 in from the top: PDF y (from the bottom) 648 down to 567.
    expect(jane?.x).toBeCloseTo(63, 0);
    expect(jane?.y).toBeLessThan(648);
    expect(postal?.y).toBeGreaterThan(567);
  });

  it('continues a long body on more pages, with the letterhead on the first only', async () => {
    const pdf = await renderLetterPdf(buildLetter({ bodyHtml: longBody }), { compress: false, createdAt });
    const pages = pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pdfPageCount(pdf)).toBe(pages.length);
    expect(pages[0]).toContain('Maple Motors');
    expect(pages[1]).not.toContain('Maple Motors');
    expect(pages.join('\n')).toContain('Paragraph 40:');
  });

  it('prints on A4 when asked', async () => {
    const pdf = await renderLetterPdf(buildLetter({ paper: 'a4' }), { compress: false, createdAt });
    expect(pdfMediaBoxes(pdf)).toEqual([[0, 0, 595.28, 841.89]]);
  });

  it('gives identical bytes for identical input and createdAt', async () => {
    const a = await renderLetterPdf(buildLetter(), { createdAt });
    const b = await renderLetterPdf(buildLetter(), { createdAt });
    expect(a.equals(b)).toBe(true);
  });

  it('decodes entities, prints French text and drops scripts', async () => {
    const bodyHtml =
      '<p>Bonjour Fran&ccedil;ois,</p><script>document.write("pwned")</script><p>L&rsquo;&eacute;quipe &amp; moi : &laquo;&nbsp;merci&nbsp;&raquo; 😀</p>';
    const text = pdfText(await renderLetterPdf(buildLetter({ bodyHtml }), { compress: false, createdAt }));
    expect(text).toContain('Bonjour François,');
    expect(text).toContain('L’équipe & moi : «\u00a0merci\u00a0» ?');
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('&amp;');
  });

  it('compresses by default', async () => {
    const pdf = await renderLetterPdf(buildLetter(), { createdAt });
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdfText(pdf)).not.toContain('Jane Doe');
  });
});
