import { describe, expect, it } from 'vitest';
import { renderPostcardPdf } from './postcard.pdf.ts';
import { buildPostcard, pdfMediaBoxes, pdfPageCount, pdfPagePlacements, pdfPageTexts } from './pdf.testing.ts';

const createdAt = new Date('2025-03-01T12:00:00Z');
const CLEAR_ZONE_TOP = 45; // 0.625 in above the bottom edge, in PDF space (y up)

describe('renderPostcardPdf', () => {
  it('prints a 6 × 4 in card: message on the front, addresses on the back', async () => {
    const pdf = await renderPostcardPdf(buildPostcard(), { compress: false, createdAt });
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdfMediaBoxes(pdf)).toEqual([
      [0, 0, 432, 288],
      [0, 0, 432, 288],
    ]);
    const [front, back] = pdfPageTexts(pdf);
    expect(front).toContain('We missed you!');
    expect(front).toContain('Civic');
    expect(front).not.toContain('Jane Doe');
    expect(back).toContain('Jane Doe');
    expect(back).toContain('100 King St W');
  });

  it('puts the recipient on the right half, above the barcode clear zone', async () => {
    const pdf = await renderPostcardPdf(buildPostcard(), { compress: false, createdAt });
    const back = pdfPagePlacements(pdf)[1] ?? [];
    const recipient = back.filter((p) => ['Jane Doe', '12 Main St', 'Toronto ON  M5V 2T6'].includes(p.text));
    expect(recipient).toHaveLength(3);
    for (const line of recipient) {
      expect(line.x).toBeGreaterThanOrEqual(216);
      expect(line.y - 0.25 * line.size).toBeGreaterThan(CLEAR_ZONE_TOP);
    }
    // The return address sits top-left.
    const sender = back.find((p) => p.text === 'Maple Motors');
    expect(sender?.x).toBeLessThan(216);
    expect(sender?.y).toBeGreaterThan(240);
    for (const p of back) expect(p.y - 0.25 * p.size).toBeGreaterThan(CLEAR_ZONE_TOP);
  });

  it('shrinks a long message, then cuts it with an ellipsis, and never adds a page', async () => {
    const medium = Array.from({ length: 6 }, (_, i) => `<p>Point ${i}: ${'good service '.repeat(10)}</p>`).join('');
    const huge = Array.from({ length: 80 }, (_, i) => `<p>Point ${i}: ${'good service '.repeat(10)}</p>`).join('');
    const short = pdfPagePlacements(await renderPostcardPdf(buildPostcard(), { compress: false, createdAt }))[0] ?? [];
    const shrunk = pdfPagePlacements(
      await renderPostcardPdf(buildPostcard({ bodyHtml: medium }), { compress: false, createdAt }),
    );
    const cut = pdfPagePlacements(
      await renderPostcardPdf(buildPostcard({ bodyHtml: huge }), { compress: false, createdAt }),
    );
    const bodySize = (page: typeof short) => Math.min(...page.map((p) => p.size));
    expect(shrunk).toHaveLength(2);
    expect(cut).toHaveLength(2);
    expect(bodySize(shrunk[0] ?? [])).toBeLessThan(bodySize(short));
    expect(bodySize(cut[0] ?? [])).toBe(7);
    const frontText = (cut[0] ?? []).map((p) => p.text).join('\n');
    expect(frontText).toMatch(/…$/);
    expect(frontText).not.toContain('Point 79');
    for (const p of cut[0] ?? []) expect(p.y).toBeGreaterThan(18);
  });

  it('prints a permit imprint in the postage box', async () => {
    const pdf = await renderPostcardPdf(buildPostcard({ indicia: ['PRSRT STD', 'U.S. POSTAGE', 'PAID'] }), {
      compress: false,
      createdAt,
    });
    expect(pdfPageTexts(pdf)[1]).toContain('U.S. POSTAGE');
  });
});
