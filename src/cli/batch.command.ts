import cliProgress from 'cli-progress';
import type { BatchRunService, RunReport } from '../campaigns/batch-run.service.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../shared/errors.ts';

export interface BatchRunOptions {
  db: Db;
  runs: BatchRunService;
  /** A schedule id, or its name together with --store. */
  schedule: string;
  storeCode?: string | undefined;
  at?: string | undefined;
  dryRun: boolean;
  json: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

const REASON_LABELS: Record<string, string> = {
  over_limit: 'over "# to send"',
  reserved: 'reserved by another batch or agent',
  recycling: 'in a recycle period',
  days_between: 'contacted by this batch within "# of days between"',
  prevented_contact_type: 'got a batch of this contact type',
  prevented_customer: 'got another batch today',
  language: 'another language on file',
  fleet: 'fleet customer',
  vehicle_off: 'vehicles turned off for contact',
};

/** `forecourt batch run`: runs a schedule now (or shows, with --dry-run, what a run would do). */
export async function runBatch(o: BatchRunOptions): Promise<number> {
  const out = o.out ?? process.stdout;
  const err = o.err ?? process.stderr;
  const at = o.at ? new Date(o.at) : undefined;
  if (at && Number.isNaN(at.getTime()))
    return fail(err, `--at "${o.at}" is not an ISO 8601 time, e.g. 2026-11-24T09:00:00-05:00.`);
  const db = o.db.kysely;
  let q = db
    .selectFrom('batch_schedules')
    .innerJoin('stores', 'stores.id', 'batch_schedules.store_id')
    .select(['batch_schedules.id', 'batch_schedules.name', 'stores.code']);
  if (o.storeCode) q = q.where('stores.code', '=', o.storeCode).where('batch_schedules.name', '=', o.schedule);
  else if (/^\d+$/.test(o.schedule)) q = q.where('batch_schedules.id', '=', Number(o.schedule));
  else return fail(err, 'Give a schedule id, or its name with --store CODE.');
  const schedule = await q.executeTakeFirst();
  if (!schedule) return fail(err, `No batch schedule ${o.schedule}${o.storeCode ? ` in store ${o.storeCode}` : ''}.`);

  const bar =
    err === process.stderr && process.stderr.isTTY && !o.dryRun
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: `${schedule.name} [{bar}] {value}/{total} messages | {eta_formatted}` },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  let report: RunReport;
  try {
    report = await o.runs.run(schedule.id, {
      at,
      dryRun: o.dryRun,
      sampleSize: 20,
      onProgress: (p) => {
        if (!bar) return;
        if (p.enqueued === 0) bar.start(p.total, 0);
        else bar.update(p.enqueued);
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
  const head =
    report.outcome === 'dry_run'
      ? `Dry run of "${schedule.name}" (${schedule.code}) at ${report.asOf.toISOString()} — nothing sent`
      : report.outcome === 'already_done'
        ? `"${schedule.name}" already ran on ${report.runDate}: nothing more sent`
        : report.outcome === 'running_elsewhere'
          ? `"${schedule.name}" is running in another worker for ${report.runDate}`
          : `Ran "${schedule.name}" (${schedule.code}) for ${report.runDate}`;
  const lines = [
    head,
    `  in the audience     ${report.matched}`,
    `  eligible            ${report.eligible}`,
    `  ${report.outcome === 'dry_run' ? 'would be taken' : 'taken'}      ${report.selected}${report.heldOut ? ` (${report.heldOut} held out as the control group)` : ''}`,
  ];
  if (report.outcome !== 'dry_run') lines.push(`  messages queued     ${report.enqueued}`);
  const reasons = Object.entries(report.excluded).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0) {
    lines.push('  not taken, by reason:');
    for (const [code, n] of reasons)
      lines.push(`    ${String(n).padStart(8)}  ${code}${REASON_LABELS[code] ? ` (${REASON_LABELS[code]})` : ''}`);
  }
  if (report.sample.length > 0) {
    lines.push(`  first ${report.sample.length} to be contacted:`);
    for (const c of report.sample) lines.push(`    #${c.id}  ${c.name}`);
  }
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

function fail(err: NodeJS.WritableStream, message: string, code = 2): number {
  err.write(`${message}\n`);
  return code;
}
