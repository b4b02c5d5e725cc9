import type { Kysely } from 'kysely';
import type { Database, Store } from '../../db/schema.ts';
import type { CellValue } from '../csv-cells.rules.ts';
import type { CsvColumn } from '../csv-stream.ts';
import type { TargetSettings } from '../export-targets.rules.ts';

export type ExtractRow = Record<string, CellValue>;

export interface ExtractContext {
  store: Store;
  settings: TargetSettings;
  /** The run's time. */
  at: Date;
  /** Where an incremental extract starts: the last uploaded run's start, else null (a default window). */
  since: Date | null;
}

/** One partner's file: its columns, and its rows in pages read from the database as the file is written. */
export interface Extract {
  columns: readonly CsvColumn<ExtractRow>[];
  rows(db: Kysely<Database>, ctx: ExtractContext): AsyncIterable<ExtractRow[]>;
}

/** Rows read a page at a time by ascending id, so memory holds one page however big the extract. */
export async function* keysetPages<T extends { page_id: number }>(
  read: (afterId: number, limit: number) => Promise<T[]>,
  pageSize = 5000,
): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const page = await read(after, pageSize);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.page_id;
    if (page.length < pageSize) return;
  }
}

/** The first day of an incremental extract without an earlier upload: 30 days back. */
export const FIRST_WINDOW_DAYS = 30;
export const windowStart = (ctx: ExtractContext): Date =>
  ctx.since ?? new Date(ctx.at.getTime() - FIRST_WINDOW_DAYS * 86_400_000);
