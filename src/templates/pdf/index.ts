export type {
  BatchPdfOptions,
  BatchSummary,
  Letterhead,
  LetterInput,
  Paper,
  PdfRenderOptions,
  PostalAddress,
  PostcardInput,
  WriteBatchOptions,
} from './pdf.types.ts';
export { drawLetter, letterPageOptions, renderLetterPdf } from './letter.pdf.ts';
export { drawPostcard, POSTCARD_PAGE, renderPostcardPdf } from './postcard.pdf.ts';
export {
  letterBatchPdfStream,
  postcardBatchPdfStream,
  renderLetterBatchPdf,
  renderPostcardBatchPdf,
  writeLetterBatchPdf,
  writePostcardBatchPdf,
  type ItemSource,
} from './batch.pdf.ts';
export { toWinAnsi } from './winansi.ts';
