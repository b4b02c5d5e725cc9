import cliProgress from 'cli-progress';
import type { Db } from '../db/connect.ts';
import { DEMO_TABLES, loadDemo, type DemoSummary } from '../customers/demo/demo.service.ts';
import { IMPORT_KINDS } from '../customers/import/import.types.ts';

export interface RunDemoOptions {
  db: Db;
  stores: number;
  customers: number;
  seed?: number;
  /** Where progress and the summary go; stderr and stdout by default. */
  err?: NodeJS.WritableStream & { isTTY?: boolean };
  out?: NodeJS.WritableStream;
}

const n = (v: number) => v.toLocaleString('en-CA');

/**
 * `forecourt demo`: loads a demo dealership group, showing progress (a bar on a terminal, a line
 * per phase otherwise) on stderr and a summary on stdout. Returns the exit code: 0, or 1 when
 * the load failed. Running it again adds the next stores of the demo list; stores whose codes
 * exist are skipped, never changed.
 */
export async function runDemo(opts: RunDemoOptions): Promise<number> {
  const err = opts.err ?? process.stderr;
  const out = opts.out ?? process.stdout;
  const bar = err.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: err,
          format: ' {bar} {percentage}% | {value}/{total} customers | {phase}',
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let lastPhase = '';
  let lastLine = 0;
  bar?.start(opts.customers, 0, { phase: 'starting' });
  try {
    const summary = await loadDemo({
      db: opts.db,
      stores: opts.stores,
      customers: opts.customers,
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      onProgress(done, total, phase) {
        if (bar) bar.update(done, { phase });
        else if (phase !== lastPhase && (done === total || Date.now() - lastLine >= 1000)) {
          // A line per phase, at most one a second: a million customers make thousands of phases.
          lastPhase = phase;
          lastLine = Date.now();
          err.write(`demo: ${phase} (${n(done)}/${n(total)} customers)\n`);
        }
      },
    });
    bar?.stop();
    out.write(formatSummary(summary));
    return 0;
  } catch (e) {
    bar?.stop();
    err.write(`forecourt demo: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** The summary as printed: stores, rows per table, what the import kept, refused and warned about. */
export function formatSummary(s: DemoSummary): string {
  const lines = [
    `Demo data loaded in ${(s.elapsedMs / 1000).toFixed(1)} s (seed ${s.seed}: an empty database loaded with --seed ${s.seed} on the same day gets the same data).`,
    '',
    'Stores:',
    ...s.stores.map((st) => `  ${st.code.padEnd(6)} ${st.name} (${n(st.customers)} customers)`),
  ];
  if (s.skippedStoreCodes.length > 0) lines.push(`  (already present, skipped: ${s.skippedStoreCodes.join(', ')})`);
  lines.push('', 'Rows:');
  for (const t of DEMO_TABLES) lines.push(`  ${t.padEnd(24)} ${n(s.counts[t]).padStart(10)}`);
  lines.push('', 'Import (kind: inserted / refused / warnings):');
  for (const k of IMPORT_KINDS) {
    const i = s.imports[k];
    lines.push(`  ${k.padEnd(13)} ${n(i.inserted).padStart(10)} / ${n(i.rejected)} / ${n(i.warnings)}`);
  }
  if (s.samples.length > 0) {
    lines.push('', 'Some of what the import caught (the demo includes bad phone numbers and e-mails on purpose):');
    for (const w of s.samples)
      lines.push(`  ${w.store} ${w.kind} line ${w.line}${w.field ? ` ${w.field}` : ''}: ${w.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
