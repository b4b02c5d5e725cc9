import { toWinAnsi } from './winansi.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `text` cut with an ellipsis to fit `width` in the current font and size. */
export function fitLine(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Draws one line at (x, y), never wider than `width` and never wrapping. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'right' = 'left',
): void {
  const fitted = fitLine(doc, toWinAnsi(text), width);
  const dx = align === 'right' ? width - doc.widthOfString(fitted) : 0;
  doc.text(fitted, x + dx, y, { lineBreak: false });
}

/**
 * Address lines as printed: WinAnsi-safe, trimmed, empty lines dropped. Inner spacing is kept:
 * Canada Post wants two spaces between the province and the postal code.
 */
export function printableLines(lines: readonly string[]): string[] {
  return lines
    .map((l) =>
      toWinAnsi(l)
        .replace(/[\t\n]/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '');
}

export interface AddressStyle {
  font: string;
  /** The first line (the addressee) may be set in another font, e.g. bold for a return address. */
  firstLineFont?: string;
  maxSize: number;
  minSize: number;
  /** Where the lines sit in the box when they take less than its height. Default 'top'. */
  valign?: 'top' | 'middle';
}

/**
 * Draws address lines inside `box` at the largest size from maxSize down to minSize at which they
 * fit. If they still do not fit, the middle lines go: the addressee (first) and the city/postal code
 * and country lines (last) are what gets a piece delivered.
 */
export function drawAddress(doc: PDFKit.PDFDocument, lines: readonly string[], box: Box, style: AddressStyle): void {
  let printable = printableLines(lines);
  let size = style.maxSize;
  const lineHeight = (s: number) => doc.font(style.font).fontSize(s).currentLineHeight(true);
  while (size > style.minSize && printable.length * lineHeight(size) > box.height) size -= 0.5;
  const fits = Math.max(1, Math.floor(box.height / lineHeight(size)));
  if (printable.length > fits) printable = [...printable.slice(0, 1), ...printable.slice(printable.length - fits + 1)];
  const step = lineHeight(size);
  const top = style.valign === 'middle' ? box.y + (box.height - printable.length * step) / 2 : box.y;
  printable.forEach((line, i) => {
    doc.font(i === 0 && style.firstLineFont ? style.firstLineFont : style.font).fontSize(size);
    drawLine(doc, line, box.x, top + i * step, box.width);
  });
}
