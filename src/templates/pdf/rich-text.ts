import { FONT, fontFor } from './pdf.document.ts';
import { blockPlainText, type TextBlock, type TextRun } from './html-blocks.ts';

export interface FlowStyle {
  fontSize: number;
  /** Extra space between lines, in points. */
  lineGap: number;
  /** Space after each block, as a fraction of the font size. */
  blockGap: number;
  /** Indent per list level, as a fraction of the font size. */
  listIndent: number;
  /** Heading size relative to the body size. */
  headingScale: number;
}

export const BODY_STYLE: FlowStyle = { fontSize: 11, lineGap: 1.5, blockGap: 0.8, listIndent: 1.6, headingScale: 1.2 };

export interface FlowBox {
  x: number;
  width: number;
  /**
   * Without it, text runs past the page's bottom margin onto new pages (pdfkit adds them with the
   * current page's size and margins). With it, nothing is drawn below this y and no page is added.
   */
  bottom?: number;
}

const sizeOf = (block: TextBlock, style: FlowStyle) =>
  block.heading ? style.fontSize * style.headingScale : style.fontSize;
const indentOf = (block: TextBlock, style: FlowStyle) => block.depth * style.listIndent * style.fontSize;

/** Draws the blocks from doc.y down, leaving doc.y below the last one. */
export function drawBlocks(
  doc: PDFKit.PDFDocument,
  blocks: readonly TextBlock[],
  box: FlowBox,
  style: FlowStyle,
): void {
  blocks.forEach((block, index) => {
    const size = sizeOf(block, style);
    const indent = indentOf(block, style);
    const x = box.x + indent;
    const width = box.width - indent;
    doc.fontSize(size);
    const lineHeight = doc.currentLineHeight(true) + style.lineGap;
    const bottom = box.bottom ?? doc.page.maxY();
    if (doc.y + lineHeight > bottom) {
      if (box.bottom !== undefined) return;
      // Start the block on the next page rather than strand a bullet, or let pdfkit split a first line.
      doc.continueOnNewPage();
    }
    const y = doc.y;
    if (block.bullet !== null) {
      doc.font(FONT.regular).fontSize(size);
      const bulletWidth = doc.widthOfString(block.bullet);
      doc.text(block.bullet, x - bulletWidth - size * 0.5, y, { lineBreak: false });
    }
    // pdfkit loses a line break that ends a `continued` run, so each hard line is its own sequence.
    splitLines(block.runs).forEach((line, lineIndex) => {
      const lineY = lineIndex === 0 ? y : doc.y;
      if (line.length === 0) {
        doc.y = lineY + lineHeight;
        return;
      }
      const height = box.bottom === undefined ? undefined : box.bottom - lineY;
      if (height !== undefined && height < lineHeight) return;
      line.forEach((run, i) => {
        doc.font(fontFor(run)).fontSize(size);
        const options: PDFKit.Mixins.TextOptions = {
          width,
          lineGap: style.lineGap,
          continued: i < line.length - 1,
          ...(height === undefined ? {} : { height, ellipsis: true }),
        };
        if (i === 0) doc.text(run.text, x, lineY, options);
        else doc.text(run.text, options);
      });
    });
    if (index < blocks.length - 1) doc.y += style.blockGap * style.fontSize;
  });
}

/** The block's runs cut at each `\n`: one list of runs per hard line (empty for a blank line). */
function splitLines(runs: readonly TextRun[]): TextRun[][] {
  const lines: TextRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]?.push({ ...run, text: part });
    });
  }
  return lines;
}

/**
 * The height drawBlocks would take, never less. Each block is measured in the widest font it uses
 * (bold, when it has any bold run), so mixed runs can only take less room than measured.
 */
export function measureBlocks(
  doc: PDFKit.PDFDocument,
  blocks: readonly TextBlock[],
  width: number,
  style: FlowStyle,
): number {
  let height = 0;
  blocks.forEach((block, index) => {
    const size = sizeOf(block, style);
    doc.font(block.runs.some((r) => r.bold) ? FONT.bold : FONT.regular).fontSize(size);
    height += doc.heightOfString(blockPlainText(block), {
      width: width - indentOf(block, style),
      lineGap: style.lineGap,
    });
    if (index < blocks.length - 1) height += style.blockGap * style.fontSize;
  });
  return height;
}
