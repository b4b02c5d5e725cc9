import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, PrintFile } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { writeLetterBatchPdf, writePostcardBatchPdf, type PdfRenderOptions } from '../../templates/pdf/index.ts';
import { createLetterBuilder, postcardInputOf, printContextOf } from './print-input.ts';
import {
  claimForClose,
  deleteIfEmpty,
  dueForClose,
  itemsPage,
  markReady,
  reclaimStalled,
  storeOf,
} from './print-files.store.ts';

export interface PrintFileCloserOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** The data folder; files go to print/<store>/<file>.pdf under it. */
  dataDir: string;
  logger?: Logger | undefined;
  /** A batch run's file closes once nothing was added for this long (default 10 minutes). */
  idleMs?: number;
  /** A closing that has not finished after this long is taken over (default 15 minutes). */
  stalledMs?: number;
  /** PDF options (tests turn compression off to count pages). */
  pdf?: PdfRenderOptions;
}

/** Where a file's PDF lives, relative to the data folder. */
export const printFilePath = (file: Pick<PrintFile, 'id' | 'store_id'>) =>
  path.posix.join('print', String(file.store_id), `${file.id}.pdf`);

/**
 * Closes print files: renders the merged PDF of everything filed in one, streaming the items
 * from the database a page at a time into the file (memory holds about one letter), then marks it
 * ready with its page and byte counts. Letters are padded for duplex printing so each starts on
 * the front of a sheet.
 */
export function createPrintFileCloser(opts: PrintFileCloserOptions) {
  const { db, clock } = opts;
  const idleMs = opts.idleMs ?? 10 * 60_000;
  const stalledMs = opts.stalledMs ?? 15 * 60_000;

  async function render(file: PrintFile): Promise<PrintFile> {
    const store = await storeOf(db, file.store_id);
    const letter = createLetterBuilder();
    const rel = printFilePath(file);
    const abs = path.join(opts.dataDir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = await itemsPage(db, file.id, after, 200);
        for (const r of page) yield r;
        const last = page.at(-1);
        if (!last || page.length < 200) return;
        after = last.id;
      }
    }
    const pdfOptions = { ...opts.pdf, title: `${store.name} ${file.channel}s, print file ${file.id}` };
    // Written beside and renamed: a download never sees half a file, and a retry starts clean.
    const tmp = `${abs}.${process.pid}.tmp`;
    try {
      const out = createWriteStream(tmp);
      const finished = new Promise<void>((resolve, reject) => {
        out.on('close', resolve);
        out.on('error', reject);
      });
      const summary =
        file.channel === 'letter'
          ? await writeLetterBatchPdf(
              (async function* () {
                for await (const r of rows())
                  yield letter(
                    printContextOf(store, r.language),
                    { target: r.target ?? '', html: r.body_html, subject: r.subject },
                    r.added_at,
                  );
              })(),
              out,
              { ...pdfOptions, duplex: true },
            )
          : await writePostcardBatchPdf(
              (async function* () {
                for await (const r of rows())
                  yield postcardInputOf(printContextOf(store, r.language), {
                    target: r.target ?? '',
                    html: r.body_html,
                    subject: r.subject,
                  });
              })(),
              out,
              pdfOptions,
            );
      await finished;
      await rename(tmp, abs);
      const { size } = await stat(abs);
      const ready = await markReady(db, file.id, {
        pages: summary.pages,
        bytes: size,
        filePath: rel,
        items: summary.items,
      });
      if (!ready) throw new DomainError('conflict', `Print file ${file.id} was closed by someone else.`);
      return ready;
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  return {
    /**
     * Closes one open file now (on demand). An empty file cannot be closed; a file that is not
     * open is a conflict.
     */
    async close(file: PrintFile): Promise<PrintFile> {
      if (file.status !== 'open') throw new DomainError('conflict', 'This print file is already closed.');
      if (file.item_count === 0) throw new DomainError('conflict', 'This print file has nothing in it yet.');
      const claimed = await claimForClose(db, file.id, clock.now());
      if (!claimed) throw new DomainError('conflict', 'This print file is already closed.');
      return render(claimed);
    },

    /**
     * The worker's task: closes every file that is due (see dueForClose) and retries stalled
     * closings. One failing file is logged and left for the next round. Returns how many it closed.
     */
    async closeDue(limit = 20): Promise<number> {
      const now = clock.now();
      const due = await dueForClose(db, now, { idleMs, stalledMs, limit });
      let closed = 0;
      for (const f of due) {
        try {
          if (f.status === 'open' && f.item_count === 0) {
            await deleteIfEmpty(db, f.id);
            continue;
          }
          const claimed =
            f.status === 'open'
              ? await claimForClose(db, f.id, clock.now())
              : await reclaimStalled(db, f.id, new Date(now.getTime() - stalledMs), clock.now());
          if (!claimed) continue;
          await render(claimed);
          closed++;
        } catch (err) {
          opts.logger?.error({ err, printFileId: f.id }, 'could not close print file');
        }
      }
      return closed;
    },
  };
}

export type PrintFileCloser = ReturnType<typeof createPrintFileCloser>;

/** The absolute path of a ready file's PDF; a conflict before it is rendered. */
export function printFilePdf(dataDir: string, file: PrintFile): string {
  if (!file.file_path || (file.status !== 'ready' && file.status !== 'printed'))
    throw new DomainError('conflict', 'This print file is still open; close it to get its PDF.');
  return path.join(dataDir, file.file_path);
}
