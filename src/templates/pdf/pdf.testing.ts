import type { LetterInput, PostcardInput } from './pdf.types.ts';

// Reading back what pdfkit wrote, for tests: only uncompressed documents (compress: false) with
// the standard fonts, whose text operators hold WinAnsi bytes as hex strings: [<4a616e65> 15 <...>] TJ.

const CP1252_EXTRAS: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = Number.parseInt(hex.slice(i, i + 2), 16);
    out += CP1252_EXTRAS[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

/** A text operator as drawn: its text, the baseline's start in PDF space (y up) and the font size. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size: number;
}

const TEXT_OP = /1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm\n\/F\d+ ([\d.]+) Tf\n\[([^\]]*)\] TJ/g;

/** Each page's text operators, in drawing order (every stream is a page's content with standard fonts). */
export function pdfPagePlacements(pdf: Buffer): PlacedText[][] {
  const source = pdf.toString('latin1');
  const streams = [...source.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1] ?? '');
  return streams.map((content) =>
    [...content.matchAll(TEXT_OP)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      size: Number(m[3]),
      text: [...(m[4] ?? '').matchAll(/<([0-9a-f]*)>/gi)].map((h) => decodeHex(h[1] ?? '')).join(''),
    })),
  );
}

/** The text of each page, one line per text operator. */
export function pdfPageTexts(pdf: Buffer): string[] {
  return pdfPagePlacements(pdf).map((page) => page.map((p) => p.text).join('\n'));
}

/** All the document's text. */
export function pdfText(pdf: Buffer): string {
  return pdfPageTexts(pdf).join('\n');
}

/** The number of page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

/** Each page's MediaBox, e.g. [0, 0, 612, 792]. */
export function pdfMediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) =>
    (m[1] ?? '').trim().split(/\s+/).map(Number),
  );
}

/** A short reminder letter; override any field. */
export function buildLetter(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    letterhead: {
      name: 'Maple Motors',
      addressLines: ['100 King St W', 'Toronto ON  M5X 1A9'],
      phone: '416-555-0100',
      email: 'service@maple.example',
    },
    recipient: { lines: ['Jane Doe', '12 Main St', 'Toronto ON  M5V 2T6'] },
    date: 'March 1, 2025',
    bodyHtml:
      '<p>Dear Jane,</p><p>Your next service appointment has been set for:<br><strong>March 14, 2025</strong></p><p>Yours truly,<br>Bob<br>Maple Motors</p>',
    ...overrides,
  };
}

/** A postcard from the same store; override any field. */
export function buildPostcard(overrides: Partial<PostcardInput> = {}): PostcardInput {
  return {
    sender: { name: 'Maple Motors', addressLines: ['100 King St W', 'Toronto ON  M5X 1A9'], phone: '416-555-0100' },
    recipient: { lines: ['Jane Doe', '12 Main St', 'Toronto ON  M5V 2T6'] },
    headline: 'We missed you!',
    bodyHtml:
      '<p>Your <strong>Civic</strong> was booked for service on March 14.</p><p>Call us at 416-555-0100 to book again.</p>',
    ...overrides,
  };
}
