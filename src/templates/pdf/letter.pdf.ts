import { htmlToBlocks } from './html-blocks.ts';
import { drawAddress, drawLine, type Box } from './lines.ts';
import { FONT, INCH, MM } from './pdf.document.ts';
import { renderPdf } from './pdf.stream.ts';
import type { LetterInput, Paper, PdfRenderOptions } from './pdf.types.ts';
import { BODY_STYLE, drawBlocks } from './rich-text.ts';

interface PaperLayout {
  /** pdfkit's named size, so the MediaBox is the conventional one (A4: 595.28 × 841.89). */
  size: 'LETTER' | 'A4';
  margins: { top: number; bottom: number; left: number; right: number };
  /** Where the recipient's address must sit to show through the envelope's window. */
  window: Box;
}

const LAYOUTS: Record<Paper, PaperLayout> = {
  // A #10 window envelope (9.5 × 4.125 in) has its 4.5 × 1.125 in window 7/8 in from the left and
  // 1/2 in from the bottom. A letter tri-folded into it settles to the bottom with the top panel
  // (11/3 in) facing the window, which puts the window 2.04–3.17 in from the paper's top edge. The
  // block starts at 2.0 in and is 4 in wide rather than 4.5, leaving room for the letter to slide
  // sideways in the envelope (it is 1 in narrower than the envelope).
  letter: {
    size: 'LETTER',
    margins: { top: 0.75 * INCH, bottom: 0.75 * INCH, left: 0.875 * INCH, right: 0.875 * INCH },
    window: { x: 0.875 * INCH, y: 2.0 * INCH, width: 4.0 * INCH, height: 1.125 * INCH },
  },
  // DIN 5008 form B, for DL and C5/6 window envelopes: the address field is 45 mm from the top and
  // 20 mm from the left; its first 17.7 mm are the endorsement zone, leaving 27.3 mm for the
  // address, which is set 5 mm in from the field's edge (so 25 mm, the form's left margin).
  a4: {
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM },
    window: { x: 25 * MM, y: 62.7 * MM, width: 80 * MM, height: 27.3 * MM },
  },
};

/** Page options for `doc.addPage()` before drawLetter (or for a blank page in a duplex batch). */
export function letterPageOptions(paper: Paper = 'letter'): PDFKit.PDFDocumentOptions {
  const layout = LAYOUTS[paper];
  return { size: layout.size, margins: layout.margins };
}

/**
 * Draws one letter from the top of the current page, which the caller adds with
 * letterPageOptions(letter.paper). The letterhead is on the first page only; a long body continues
 * on pages pdfkit adds with the same size and margins. Leaves doc on the letter's last page.
 */
export function drawLetter(doc: PDFKit.PDFDocument, letter: LetterInput): void {
  const layout = LAYOUTS[letter.paper ?? 'letter'];
  const { margins, window } = layout;
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;

  drawLetterhead(doc, letter, left, margins.top, width, window.y);
  drawAddress(doc, letter.recipient.lines, window, { font: FONT.regular, maxSize: 11, minSize: 8 });

  doc.font(FONT.regular).fontSize(BODY_STYLE.fontSize);
  const dateY = window.y + window.height + 0.3 * INCH;
  drawLine(doc, letter.date, left, dateY, width);
  doc.y = dateY + doc.currentLineHeight(true) + 0.3 * INCH;
  drawBlocks(doc, htmlToBlocks(letter.bodyHtml), { x: left, width }, BODY_STYLE);
}

/** Store name, address and contact details, kept above the address window and ruled off. */
function drawLetterhead(
  doc: PDFKit.PDFDocument,
  letter: LetterInput,
  x: number,
  top: number,
  width: number,
  limit: number,
): void {
  const { letterhead } = letter;
  doc.fillColor('black').font(FONT.bold).fontSize(16);
  drawLine(doc, letterhead.name, x, top, width);
  let y = top + doc.currentLineHeight(true) + 2;
  const contact = [letterhead.phone, letterhead.email].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const details = [...letterhead.addressLines, ...(contact.length > 0 ? [contact.join('  ·  ')] : [])];
  doc.font(FONT.regular).fontSize(9).fillColor('#333333');
  const step = doc.currentLineHeight(true);
  // Whatever does not fit above the window would be hidden in the envelope or collide with the address.
  const ruleGap = 6;
  for (const line of details) {
    if (y + step + ruleGap > limit) break;
    drawLine(doc, line, x, y, width);
    y += step;
  }
  doc
    .moveTo(x, y + ruleGap / 2)
    .lineTo(x + width, y + ruleGap / 2)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.fillColor('black').strokeColor('black');
}

/** One letter as a PDF. */
export function renderLetterPdf(letter: LetterInput, options: PdfRenderOptions = {}): Promise<Buffer> {
  return renderPdf([letter], addLetter, options);
}

/** Adds the letter's first page and draws it. */
export function addLetter(doc: PDFKit.PDFDocument, letter: LetterInput): void {
  doc.addPage(letterPageOptions(letter.paper));
  drawLetter(doc, letter);
}
