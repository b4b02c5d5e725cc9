/** A postal address, already formatted into lines for the destination country (name first). */
export interface PostalAddress {
  lines: string[];
}

/** The sending store as printed at the top of a letter or as a postcard's return address. */
export interface Letterhead {
  name: string;
  addressLines: string[];
  phone?: string | null;
  email?: string | null;
}

/** US Letter (8.5 × 11 in, #10 window envelope) or A4 (DIN 5008 form B, DL window envelope). */
export type Paper = 'letter' | 'a4';

export interface LetterInput {
  letterhead: Letterhead;
  recipient: PostalAddress;
  /** Already formatted for the recipient's locale. */
  date: string;
  /** The rendered letter body: the HTML subset described in html-blocks.ts. */
  bodyHtml: string;
  /** Default 'letter'. */
  paper?: Paper;
}

export interface PostcardInput {
  sender: Letterhead;
  recipient: PostalAddress;
  /** The message printed on the front: the HTML subset described in html-blocks.ts. */
  bodyHtml: string;
  headline?: string | null;
  /**
   * Lines printed inside the postage box, e.g. a permit imprint
   * (['PRSRT STD', 'U.S. POSTAGE', 'PAID', 'PERMIT NO. 123']). Without them the box is left empty for a stamp.
   */
  indicia?: string[] | null;
}

export interface PdfRenderOptions {
  /** Deflate content streams. Default true; tests turn it off to read the text operators. */
  compress?: boolean;
  /** The document's CreationDate (default: now). A fixed date makes the output byte-for-byte repeatable. */
  createdAt?: Date;
  /** The document's Title metadata. */
  title?: string;
}

export interface BatchPdfOptions extends PdfRenderOptions {
  /**
   * Printing on both sides: pad every item to an even page count, so each one starts on a front side
   * (and the whole file has an even page count).
   */
  duplex?: boolean;
}

export interface WriteBatchOptions extends BatchPdfOptions {
  /** End `out` once the document is complete (default true), as stream.pipeline does. */
  end?: boolean;
}

/** What a batch wrote. */
export interface BatchSummary {
  items: number;
  pages: number;
}
