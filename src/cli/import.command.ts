import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../shared/errors.ts';
import { findStoreByCode } from '../stores/stores.store.ts';
import { importCsv } from '../customers/import/import.service.ts';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
} from '../customers/import/import.types.ts';

export interface RunImportOptions {
  db: Db;
  storeCode: string;
  kind: string;
  file: string;
  json: boolean;
  /** 'auto' (default), 'utf-8' or 'windows-1252' (aliases: utf8, cp1252, ansi). */
  encoding?: string;
  /** Where the report goes (stdout by default); errors and progress go to stderr. */
  out?: NodeJS.WritableStream;
}

/** Rejected rows listed in the human summary; --json lists them all. */
const SHOWN_REJECTIONS = 20;

const ENCODINGS: Record<string, NonNullable<ImportOptions['encoding']>> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
};

const isKind = (k: string): k is ImportKind => IMPORT_KINDS.some((x) => x === k);

/**
 * `forecourt import <kind> <file> --store CODE [--json] [--encoding E]`: imports a DMS export
 * and prints the report. Exit codes: 0 imported (rejected rows are listed, not fatal), 1 the
 * file was refused or the import failed, 2 bad arguments (unknown kind, store, encoding or file).
 */
export async function runImport(opts: RunImportOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const fail = (code: number, message: string) => {
    process.stderr.write(`error: ${message}\n`);
    return code;
  };
  if (!isKind(opts.kind)) return fail(2, `unknown import kind "${opts.kind}"; valid kinds: ${IMPORT_KINDS.join(', ')}`);
  const encoding = ENCODINGS[(opts.encoding ?? 'auto').toLowerCase()];
  if (!encoding) return fail(2, `unknown encoding "${opts.encoding}"; use auto, utf-8 or windows-1252`);
  const store = await findStoreByCode(opts.db.kysely, opts.storeCode);
  if (!store) {
    const codes = await opts.db.kysely.selectFrom('stores').select('code').orderBy('code').execute();
    return fail(2, `unknown store "${opts.storeCode}"; stores: ${codes.map((c) => c.code).join(', ') || '(none yet)'}`);
  }
  let size: number;
  try {
    const stat = fs.statSync(opts.file);
    if (!stat.isFile()) return fail(2, `${opts.file} is not a file`);
    size = stat.size;
  } catch {
    return fail(2, `cannot read ${opts.file}: no such file`);
  }

  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${opts.kind} [{bar}] {percentage}% | {mb}/{totalMb} MB | {rows} rows | {rate} rows/s | {eta_formatted}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const started = Date.now();
  const mb = (n: number) => (n / 1e6).toFixed(1);
  bar?.start(size, 0, { mb: mb(0), totalMb: mb(size), rows: 0, rate: 0 });

  let report: ImportReport;
  try {
    report = await importCsv({
      db: opts.db,
      storeId: store.id,
      kind: opts.kind,
      input: fs.createReadStream(opts.file, { highWaterMark: 1 << 20 }),
      size,
      encoding,
      onProgress: (p) => {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        bar?.update(Math.min(p.bytesRead, size), {
          mb: mb(p.bytesRead),
          totalMb: mb(size),
          rows: p.rows,
          rate: Math.round(p.rows / seconds),
        });
      },
    });
  } catch (err) {
    bar?.stop();
    if (err instanceof DomainError) return fail(1, err.message);
    return fail(1, err instanceof Error ? err.message : String(err));
  }
  bar?.update(size);
  bar?.stop();

  if (opts.json) {
    out.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  out.write(humanSummary(opts.kind, store.code, report, (Date.now() - started) / 1000));
  return 0;
}

/** Counts, then the first rejected rows and warnings with their line numbers. */
export function humanSummary(kind: string, storeCode: string, r: ImportReport, seconds: number): string {
  const lines = [
    `Imported ${kind} into store ${storeCode} in ${seconds.toFixed(1)} s:`,
    `  ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected, ${r.warnings.length} warnings`,
  ];
  if (r.rejected.length > 0) {
    lines.push('Rejected rows:');
    for (const x of r.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`  line ${x.line}: ${x.reason}`);
    if (r.rejected.length > SHOWN_REJECTIONS)
      lines.push(`  ... and ${r.rejected.length - SHOWN_REJECTIONS} more (--json lists them all)`);
  }
  if (r.warnings.length > 0) {
    lines.push('Warnings (values dropped, rows kept):');
    for (const x of r.warnings.slice(0, SHOWN_REJECTIONS)) lines.push(`  line ${x.line}, ${x.field}: ${x.reason}`);
    if (r.warnings.length > SHOWN_REJECTIONS)
      lines.push(`  ... and ${r.warnings.length - SHOWN_REJECTIONS} more (--json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}
