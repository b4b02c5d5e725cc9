import cliProgress from 'cli-progress';
import type { Db } from '../db/connect.ts';
import type { LifecycleRunReport, LifecycleRunService } from '../lifecycle/lifecycle-run.service.ts';
import { STEP_LABELS, type LifecycleStep } from '../lifecycle/lifecycle.rules.ts';
import { DomainError } from '../shared/errors.ts';

export interface LifecycleRunCliOptions {
  db: Db;
  runs: LifecycleRunService;
  storeCode: string;
  at?: string | undefined;
  dryRun: boolean;
  json: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/** `forecourt lifecycle run`: a store's 360° run for a day, or with --dry-run what it would send and why. */
export async function runLifecycle(o: LifecycleRunCliOptions): Promise<number> {
  const out = o.out ?? process.stdout;
  const err = o.err ?? process.stderr;
  const at = o.at ? new Date(o.at) : undefined;
  if (at && Number.isNaN(at.getTime()))
    return fail(err, `--at "${o.at}" is not an ISO 8601 time, e.g. 2026-11-24T09:00:00-05:00.`);
  const store = await o.db.kysely
    .selectFrom('stores')
    .select(['id', 'code', 'name'])
    .where('code', '=', o.storeCode)
    .executeTakeFirst();
  if (!store) return fail(err, `No store with code ${o.storeCode}.`);
  const bar =
    err === process.stderr && process.stderr.isTTY && !o.json
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: `${store.code} [{bar}] {value}/{total} due | {eta_formatted}` },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  let report: LifecycleRunReport;
  try {
    report = await o.runs.run(store.id, {
      at,
      dryRun: o.dryRun,
      onProgress: (p) => {
        if (!bar) return;
        if (p.done === 0) bar.start(p.total, 0);
        else bar.update(p.done);
      },
    });
  } catch (e) {
    bar?.stop();
    if (e instanceof DomainError) return fail(err, e.message, 1);
    throw e;
  }
  bar?.stop();
  if (o.json) {
    out.write(`${JSON.stringify({ ...report, asOf: report.asOf.toISOString() }, null, 2)}\n`);
    return 0;
  }
  out.write(`${formatReport(report, store).join('\n')}\n`);
  return 0;
}

export function formatReport(r: LifecycleRunReport, store: { code: string; name: string }): string[] {
  const window = r.windowFrom === r.runDate ? r.runDate : `${r.windowFrom} … ${r.runDate} (catching up)`;
  const head = {
    dry_run: `Dry run of 360° Customer Contact for ${store.name} (${store.code}), ${window} — nothing sent`,
    done: `Ran 360° Customer Contact for ${store.name} (${store.code}), ${window}`,
    already_done: `360° Customer Contact already ran for ${store.code} on ${r.runDate}: nothing more sent`,
    running_elsewhere: `360° Customer Contact is running in another worker for ${store.code} on ${r.runDate}`,
    off: `360° Customer Contact is off for ${store.code}: nothing to run (use --dry-run to see what it would send)`,
  }[r.outcome];
  const lines = [head];
  if (r.outcome === 'off' || r.outcome === 'running_elsewhere') return lines;
  lines.push(
    `  due ${r.due}, ${r.outcome === 'dry_run' ? 'would send' : 'sent'} ${r.due - r.skipped - r.alreadySent}, skipped ${r.skipped}, already sent ${r.alreadySent}`,
  );
  for (const [step, s] of Object.entries(r.byStep)) {
    lines.push(
      `  ${STEP_LABELS[step as LifecycleStep].padEnd(12)} due ${String(s.due).padStart(6)}  e-mail ${String(s.email).padStart(6)}  postcard ${String(s.postcard).padStart(6)}  skipped ${String(s.skipped).padStart(6)}`,
    );
    for (const [reason, n] of Object.entries(s.reasons).sort((a, b) => b[1] - a[1]))
      lines.push(`      ${String(n).padStart(6)}  ${reason}`);
  }
  if (r.decisions.length > 0) {
    lines.push('  per customer:');
    for (const d of r.decisions)
      lines.push(
        `    #${d.customerId} ${d.customerName} — ${STEP_LABELS[d.step]} due ${d.dueDate}: ${
          d.outcome === 'send'
            ? `send by ${d.channel === 'email' ? 'e-mail' : 'postcard'}`
            : d.outcome === 'already_sent'
              ? 'already sent'
              : `skip (${d.detail})`
        }`,
      );
  }
  return lines;
}

function fail(err: NodeJS.WritableStream, message: string, code = 2): number {
  err.write(`${message}\n`);
  return code;
}
