import cliProgress from 'cli-progress';
import type { Db } from '../db/connect.ts';
import type { ExportKind } from '../db/schema.ts';
import type { ExportRunsService } from '../exports/export-runs.service.ts';
import { EXPORT_KINDS, EXPORT_LABELS } from '../exports/export-targets.rules.ts';
import { DomainError } from '../shared/errors.ts';

export interface ExportCliOptions {
  db: Db;
  runs: Pick<ExportRunsService, 'run'>;
  target: string;
  storeCode: string;
  out?: string | undefined;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/**
 * `forecourt export <target> --store CODE [--out FILE]`: writes a partner's extract now and
 * uploads it, or with --out writes it to FILE and uploads nothing. Exit 0 when the file was
 * uploaded or written, 1 when the run failed (the reason is printed and on the run).
 */
export async function runExport(o: ExportCliOptions): Promise<number> {
  const out = o.stdout ?? process.stdout;
  const err = o.stderr ?? process.stderr;
  const kind = o.target.toLowerCase();
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
    err.write(`Unknown export target "${o.target}": use ${EXPORT_KINDS.join(', ')}.\n`);
    return 2;
  }
  const store = await o.db.kysely
    .selectFrom('stores')
    .select(['id', 'code'])
    .where('code', '=', o.storeCode)
    .executeTakeFirst();
  if (!store) {
    err.write(`No store with code ${o.storeCode}.\n`);
    return 2;
  }
  const label = EXPORT_LABELS[kind as ExportKind];
  const bar =
    err === process.stderr && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} ${store.code} {value} rows written` },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(0, 0);
  try {
    const run = await o.runs.run(store.id, kind as ExportKind, {
      trigger: 'cli',
      out: o.out,
      onProgress: (rows) => bar?.update(rows),
    });
    bar?.stop();
    const what = `${run.row_count ?? 0} rows, ${run.bytes ?? 0} bytes`;
    if (run.status === 'written') out.write(`${label}: wrote ${run.file_name} (${what}) to ${o.out}\n`);
    else if (run.status === 'uploaded')
      out.write(`${label}: uploaded ${run.file_name} (${what}) to ${run.destination}\n`);
    else {
      err.write(`${label}: run #${run.id} ${run.status}: ${run.error ?? 'no reason recorded'}\n`);
      if (run.status === 'retrying') err.write('The worker will retry the upload with the same file.\n');
      return 1;
    }
    return 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof DomainError) {
      err.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
