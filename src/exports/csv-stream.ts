import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { neutraliseCell, neutraliseText, type CellValue } from './csv-cells.rules.ts';

/** One column of an export: the row property it reads and the header a person sees. */
export interface CsvColumn<R> {
  key: keyof R & string;
  label: string;
}

/** Rows one at a time, or in batches (a keyset page from the database), sync or async. */
export type CsvRowSource<R> = Iterable<R | readonly R[]> | AsyncIterable<R | readonly R[]>;

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads accents correctly (default false). */
  bom?: boolean;
  /** Stop writing; the returned promise rejects with an AbortError. */
  signal?: AbortSignal;
}

/** What was written: data rows (the header not counted) and bytes (BOM and header included). */
export interface CsvWriteResult {
  rows: number;
  bytes: number;
}

/**
 * Streams rows into `out` as CSV: a header line of the column labels, then one line per row with
 * the columns' values in order, CRLF line endings (RFC 4180, what Excel and mail-merge tools
 * expect), every cell neutralised against formula injection (`neutraliseCell`). Rows are pulled
 * from `source` only as fast as `out` drains, so memory stays flat however many rows there are.
 * Ends `out` when done; on error or abort `out` is destroyed and the promise rejects.
 */
export async function writeCsv<R extends { [K in keyof R]: CellValue }>(
  columns: readonly CsvColumn<R>[],
  source: CsvRowSource<R>,
  out: Writable,
  options: CsvWriteOptions = {},
): Promise<CsvWriteResult> {
  const counted = { rows: 0, bytes: 0 };
  const records = Readable.from(toRecords(columns, source, counted));
  const csv = stringify({
    bom: options.bom ?? false,
    record_delimiter: '\r\n',
    // csv-stringify stops quoting lone \n and \r once `record_delimiter` is given; a cell holding
    // one would otherwise split the row in two when the partner reads the file.
    quote_record_delimiter: true,
  });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      counted.bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(records, csv, counter, out, options.signal ? { signal: options.signal } : {});
  return { rows: counted.rows, bytes: counted.bytes };
}

/**
 * `writeCsv` into a file, created or replaced. On failure the partial file is left for the caller
 * to delete or keep; it is never mistaken for a finished one because the caller only records the
 * export as ready when this resolves.
 */
export async function writeCsvFile<R extends { [K in keyof R]: CellValue }>(
  path: string,
  columns: readonly CsvColumn<R>[],
  source: CsvRowSource<R>,
  options: CsvWriteOptions = {},
): Promise<CsvWriteResult> {
  return writeCsv(columns, source, createWriteStream(path), options);
}

async function* toRecords<R extends { [K in keyof R]: CellValue }>(
  columns: readonly CsvColumn<R>[],
  source: CsvRowSource<R>,
  counted: { rows: number },
): AsyncGenerator<string[]> {
  yield columns.map((c) => neutraliseText(c.label));
  for await (const item of source) {
    if (isBatch(item)) {
      for (const row of item) {
        counted.rows += 1;
        yield record(columns, row);
      }
    } else {
      counted.rows += 1;
      yield record(columns, item);
    }
  }
}

function record<R extends { [K in keyof R]: CellValue }>(columns: readonly CsvColumn<R>[], row: R): string[] {
  return columns.map((c) => neutraliseCell(row[c.key]));
}

function isBatch<R>(item: R | readonly R[]): item is readonly R[] {
  return Array.isArray(item);
}
