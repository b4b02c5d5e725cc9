import PDFDocument from 'pdfkit';
import type { PdfRenderOptions } from './pdf.types.ts';

/** Points per inch and per millimetre (PDF user space is 1/72 in). */
export const INCH = 72;
export const MM = 72 / 25.4;

/** The PDF standard fonts: nothing to embed, and WinAnsi covers French and Spanish (see winansi.ts). */
export const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
} as const;

export function fontFor(style: { bold: boolean; italic: boolean }): string {
  if (style.bold) return style.italic ? FONT.boldItalic : FONT.bold;
  return style.italic ? FONT.italic : FONT.regular;
}

/**
 * An empty document (no page yet: every item adds its own, sized for it). The CreationDate feeds the
 * file identifier too, so a fixed `createdAt` makes identical input give identical bytes.
 */
export function createPdfDocument(options: PdfRenderOptions = {}): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: {
      Producer: 'Forecourt',
      Creator: 'Forecourt',
      CreationDate: options.createdAt ?? new Date(),
      ...(options.title === undefined ? {} : { Title: options.title }),
    },
  });
}
