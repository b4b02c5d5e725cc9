import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createPdfDocument } from './pdf.document.ts';
import type { BatchSummary, PdfRenderOptions, WriteBatchOptions } from './pdf.types.ts';

/** Items from memory or from a cursor (an async generator over database batches). */
export type ItemSource<T> = Iterable<T> | AsyncIterable<T>;

/** Draws one item into the document, adding the pages it needs (the first one included). */
export type DrawItem<T> = (doc: PDFKit.PDFDocument, item: T) => void;

export type WritePdfOptions = PdfRenderOptions & Pick<WriteBatchOptions, 'end'>;

/**
 * Draws every item into one document written to `out` as it is produced. pdfkit writes each page
 * out when the next one starts, so memory holds about one item, not the batch: after each item this
 * waits until `out` has room (its 'drain') and yields to the event loop, which lets the written
 * bytes leave and keeps a long batch from starving the rest of the process.
 * Rejects, without ending `out`, if an item, the source or `out` fails.
 */
export async function writePdf<T>(
  items: ItemSource<T>,
  out: NodeJS.WritableStream,
  draw: DrawItem<T>,
  options: WritePdfOptions = {},
): Promise<BatchSummary> {
  const doc = createPdfDocument(options);
  let pages = 0;
  let count = 0;
  let full = false;
  // A holder, not a `let`: the error is set in a callback, which control-flow narrowing cannot see.
  const outFailure: { error?: Error } = {};
  const onOutError = (err: unknown) => {
    outFailure.error ??= toError(err);
  };
  out.on('error', onOutError);
  doc.on('pageAdded', () => pages++);
  doc.on('data', (chunk: Buffer) => {
    if (outFailure.error === undefined && !out.write(chunk)) full = true;
  });
  const docEnded = once(doc, 'end');
  // Observed here so that a failure before the final await is not an unhandled rejection.
  docEnded.catch(() => undefined);
  try {
    for await (const item of items) {
      if (outFailure.error) throw outFailure.error;
      draw(doc, item);
      count++;
      if (full) {
        full = false;
        await roomIn(out);
      } else {
        await nextTurn();
      }
    }
    doc.end();
    await docEnded;
    if (outFailure.error) throw outFailure.error;
    if (options.end ?? true) {
      out.end();
    }
    return { items: count, pages };
  } finally {
    out.off('error', onOutError);
  }
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(typeof err === 'string' ? err : 'PDF output failed');
}

function roomIn(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: unknown) => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (err === undefined) resolve();
      else reject(toError(err));
    };
    const onDrain = () => done();
    const onError = (err: unknown) => done(err);
    const onClose = () => done(new Error('the PDF output closed before the document was complete'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

/** The same document as a Readable; a failure destroys the stream with the error. */
export function pdfStream<T>(items: ItemSource<T>, draw: DrawItem<T>, options: PdfRenderOptions = {}): Readable {
  const out = new PassThrough();
  writePdf(items, out, draw, options).catch((err: unknown) => {
    out.destroy(toError(err));
  });
  return out;
}

/** The whole document in memory: for single items, previews and tests, not for large batches. */
export async function renderPdf<T>(
  items: ItemSource<T>,
  draw: DrawItem<T>,
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of pdfStream(items, draw, options)) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
}
