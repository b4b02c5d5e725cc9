import type { Readable } from 'node:stream';
import { addLetter, letterPageOptions } from './letter.pdf.ts';
import { pdfStream, renderPdf, writePdf, type DrawItem, type ItemSource } from './pdf.stream.ts';
import type { BatchPdfOptions, BatchSummary, LetterInput, PostcardInput, WriteBatchOptions } from './pdf.types.ts';
import { addPostcard } from './postcard.pdf.ts';

export type { ItemSource } from './pdf.stream.ts';

/**
 * Each letter on new pages; for duplex printing a letter with an odd page count gets a blank page,
 * so the next one starts on the front of a sheet.
 */
function letterDrawer(options: BatchPdfOptions): DrawItem<LetterInput> {
  return (doc, letter) => {
    let pages = 0;
    const count = () => pages++;
    doc.on('pageAdded', count);
    try {
      addLetter(doc, letter);
    } finally {
      doc.off('pageAdded', count);
    }
    if (options.duplex && pages % 2 === 1) doc.addPage(letterPageOptions(letter.paper));
  };
}

/**
 * Writes one PDF of all the letters to `out` as they are drawn (see writePdf: memory holds about one
 * letter, and `out`'s backpressure is respected). Ends `out` unless `end: false`.
 */
export function writeLetterBatchPdf(
  letters: ItemSource<LetterInput>,
  out: NodeJS.WritableStream,
  options: WriteBatchOptions = {},
): Promise<BatchSummary> {
  return writePdf(letters, out, letterDrawer(options), options);
}

/** The letters' PDF as a stream, produced as the reader consumes it. */
export function letterBatchPdfStream(letters: ItemSource<LetterInput>, options: BatchPdfOptions = {}): Readable {
  return pdfStream(letters, letterDrawer(options), options);
}

/** The letters' PDF in memory; for large batches use writeLetterBatchPdf or letterBatchPdfStream. */
export function renderLetterBatchPdf(letters: ItemSource<LetterInput>, options: BatchPdfOptions = {}): Promise<Buffer> {
  return renderPdf(letters, letterDrawer(options), options);
}

// A postcard is always two pages (message, address), so `duplex` needs no padding.

/** Writes one PDF of all the postcards (two pages each) to `out`; see writeLetterBatchPdf. */
export function writePostcardBatchPdf(
  cards: ItemSource<PostcardInput>,
  out: NodeJS.WritableStream,
  options: WriteBatchOptions = {},
): Promise<BatchSummary> {
  return writePdf(cards, out, addPostcard, options);
}

/** The postcards' PDF as a stream. */
export function postcardBatchPdfStream(cards: ItemSource<PostcardInput>, options: BatchPdfOptions = {}): Readable {
  return pdfStream(cards, addPostcard, options);
}

/** The postcards' PDF in memory. */
export function renderPostcardBatchPdf(
  cards: ItemSource<PostcardInput>,
  options: BatchPdfOptions = {},
): Promise<Buffer> {
  return renderPdf(cards, addPostcard, options);
}
