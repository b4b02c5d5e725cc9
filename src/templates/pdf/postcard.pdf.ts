import { htmlToBlocks, truncateBlocks, blockPlainText, type TextBlock } from './html-blocks.ts';
import { drawAddress, drawLine, type Box } from './lines.ts';
import { FONT, INCH } from './pdf.document.ts';
import { renderPdf } from './pdf.stream.ts';
import type { PdfRenderOptions, PostcardInput } from './pdf.types.ts';
import { toWinAnsi } from './winansi.ts';
import { drawBlocks, measureBlocks, type FlowStyle } from './rich-text.ts';

const WIDTH = 6 * INCH;
const HEIGHT = 4 * INCH;
// Printers trim postcards from larger sheets; keeping everything 1/4 in from the edge survives the cut.
const SAFE = 0.25 * INCH;

/** A 6 × 4 in landscape page with the safe area as margins. */
export const POSTCARD_PAGE: PDFKit.PDFDocumentOptions = {
  size: [WIDTH, HEIGHT],
  margins: { top: SAFE, bottom: SAFE, left: SAFE, right: SAFE },
};

// USPS letter-size mail: the bottom 5/8 in of the address side is the barcode clear zone, and the
// address must lie in the OCR read area, at least 1/2 in from the left and right edges and no more
// than 2 3/4 in above the bottom edge.
const CLEAR_ZONE = 0.625 * INCH;
const READ_AREA_TOP = HEIGHT - 2.75 * INCH;
const RECIPIENT: Box = {
  x: WIDTH / 2,
  y: READ_AREA_TOP,
  width: WIDTH / 2 - 0.5 * INCH,
  height: HEIGHT - CLEAR_ZONE - READ_AREA_TOP,
};
const RETURN_ADDRESS: Box = { x: SAFE, y: SAFE, width: WIDTH / 2 - 2 * SAFE, height: 1 * INCH };
const POSTAGE: Box = { x: WIDTH - SAFE - 0.9 * INCH, y: SAFE, width: 0.9 * INCH, height: 0.9 * INCH };

const MAX_SIZE = 13;
const MIN_SIZE = 7;
const styleAt = (fontSize: number): FlowStyle => ({
  fontSize,
  lineGap: fontSize * 0.15,
  blockGap: 0.6,
  listIndent: 1.6,
  headingScale: 1.3,
});

/**
 * Draws a postcard: the message side on the current page (which the caller adds with
 * POSTCARD_PAGE), then the address side on a page it adds. Leaves doc on the address side.
 */
export function drawPostcard(doc: PDFKit.PDFDocument, card: PostcardInput): void {
  drawFront(doc, card);
  doc.addPage(POSTCARD_PAGE);
  drawBack(doc, card);
}

function drawFront(doc: PDFKit.PDFDocument, card: PostcardInput): void {
  const width = WIDTH - 2 * SAFE;
  doc.fillColor('black').font(FONT.bold).fontSize(14);
  drawLine(doc, card.sender.name, SAFE, SAFE, width);
  const ruleY = SAFE + doc.currentLineHeight(true) + 3;
  doc
    .moveTo(SAFE, ruleY)
    .lineTo(SAFE + width, ruleY)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.strokeColor('black');

  const top = ruleY + 8;
  const box = { x: SAFE, width, bottom: HEIGHT - SAFE };
  const headline = card.headline?.trim() ? toWinAnsi(card.headline.trim()) : '';
  const blocks: TextBlock[] = [
    ...(headline
      ? [{ runs: [{ text: headline, bold: true, italic: false }], bullet: null, depth: 0, heading: true }]
      : []),
    ...htmlToBlocks(card.bodyHtml),
  ];
  const { fitted, style } = fitMessage(doc, blocks, width, box.bottom - top);
  doc.y = top;
  drawBlocks(doc, fitted, box, style);
}

/**
 * The largest font size (MAX_SIZE down to MIN_SIZE) at which the message fits; failing that, the
 * longest ellipsis-ended beginning of it that fits at MIN_SIZE. A card cannot grow a second page.
 */
function fitMessage(
  doc: PDFKit.PDFDocument,
  blocks: TextBlock[],
  width: number,
  height: number,
): { fitted: TextBlock[]; style: FlowStyle } {
  const fits = (b: TextBlock[], style: FlowStyle) => measureBlocks(doc, b, width, style) <= height;
  for (let size = MAX_SIZE; size >= MIN_SIZE; size -= 0.5) {
    if (fits(blocks, styleAt(size))) return { fitted: blocks, style: styleAt(size) };
  }
  const style = styleAt(MIN_SIZE);
  let lo = 0;
  let hi = blocks.reduce((n, b) => n + blockPlainText(b).length, 0);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(truncateBlocks(blocks, mid), style)) lo = mid;
    else hi = mid - 1;
  }
  return { fitted: truncateBlocks(blocks, lo), style };
}

function drawBack(doc: PDFKit.PDFDocument, card: PostcardInput): void {
  const { sender } = card;
  drawAddress(doc, [sender.name, ...sender.addressLines], RETURN_ADDRESS, {
    font: FONT.regular,
    firstLineFont: FONT.bold,
    maxSize: 8,
    minSize: 6.5,
  });
  drawPostageBox(doc, card.indicia ?? []);
  drawAddress(doc, card.recipient.lines, RECIPIENT, {
    font: FONT.regular,
    maxSize: 11,
    minSize: 8,
    valign: 'middle',
  });
}

/** A permit imprint when given; otherwise a dashed outline where the stamp goes. */
function drawPostageBox(doc: PDFKit.PDFDocument, indicia: readonly string[]): void {
  const { x, y, width, height } = POSTAGE;
  doc.lineWidth(0.75).strokeColor('black');
  if (indicia.length === 0) {
    doc.rect(x, y, width, height).dash(3, { space: 2 }).stroke().undash();
    return;
  }
  doc.rect(x, y, width, height).stroke();
  const inset = 4;
  drawAddress(
    doc,
    indicia,
    { x: x + inset, y: y + inset, width: width - 2 * inset, height: height - 2 * inset },
    {
      font: FONT.bold,
      maxSize: 7,
      minSize: 5,
      valign: 'middle',
    },
  );
}

/** One postcard as a two-page PDF (message side, then address side). */
export function renderPostcardPdf(card: PostcardInput, options: PdfRenderOptions = {}): Promise<Buffer> {
  return renderPdf([card], addPostcard, options);
}

/** Adds the postcard's first page and draws both sides. */
export function addPostcard(doc: PDFKit.PDFDocument, card: PostcardInput): void {
  doc.addPage(POSTCARD_PAGE);
  drawPostcard(doc, card);
}
