import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Database, ExportKind, ExportRun, Store } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { writeCsvFile } from './csv-stream.ts';
import {
  destinationOf,
  EXPORT_LABELS,
  exportFileName,
  MAX_UPLOAD_ATTEMPTS,
  portOf,
  retryDelayMs,
  type TargetSettings,
} from './export-targets.rules.ts';
import type { ExportTargetsService } from './export-targets.service.ts';
import { EXTRACTS } from './extracts/index.ts';
import { UploadError, type UploadConfig, type UploadPolicy, type Uploader } from './upload.ts';

export type UploaderFactory = (config: UploadConfig, policy: UploadPolicy) => Uploader;

export interface ExportRunOptions {
  trigger: 'schedule' | 'manual' | 'cli';
  userId?: number | null | undefined;
  /** The run's time (default now): names the file's day and bounds an incremental extract. */
  at?: Date | undefined;
  /** Write the file here and upload nothing (`forecourt export … --out FILE`). */
  out?: string | undefined;
  /** Called as rows are written. */
  onProgress?: ((rows: number) => void) | undefined;
}

/**
 * Partner export runs: write the extract to a file under the data folder (kept, so a failed
 * upload retries the same file), upload it to the target's server, and record the file name,
 * rows, bytes, destination and result. A failed upload is retried with backoff by `retryDue`
 * (5, 15, 45 minutes) and then marked failed, its reason in words on the run.
 */
export function createExportRunsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  targets: Pick<ExportTargetsService, 'load'>;
  dataDir: string;
  uploaderFor: UploaderFactory;
  logger?: Pick<Logger, 'info' | 'warn'> | undefined;
  /** Upload timeout (default 30 s). */
  timeoutMs?: number;
}) {
  const { db, clock } = deps;

  const uploadConfig = (s: TargetSettings, password: string): UploadConfig => ({
    protocol: s.protocol,
    host: s.host,
    port: portOf(s),
    user: s.user,
    password,
    directory: s.directory,
    passive: s.passive,
  });

  async function finishUpload(run: ExportRun, targetId: number): Promise<ExportRun> {
    const target = await deps.targets.load(targetId);
    const now = () => clock.now();
    const attempts = run.attempts + 1;
    try {
      if (!target) throw new UploadError('protocol', 'The export target no longer exists.');
      if (!target.row.enabled)
        throw new UploadError('protocol', `${EXPORT_LABELS[target.row.kind]} was switched off before the upload.`);
      if (!run.file_path) throw new UploadError('protocol', 'The run has no extract file.');
      await stat(run.file_path).catch(() => {
        throw new UploadError('protocol', `The extract file ${run.file_name ?? ''} is gone from the data folder.`);
      });
      const policy: UploadPolicy = {
        allowHosts: target.row.allow_private_host ? [target.settings.host] : [],
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      };
      const uploader = deps.uploaderFor(uploadConfig(target.settings, target.password), policy);
      const result = await uploader.upload(run.file_path, run.file_name ?? path.basename(run.file_path));
      return await db
        .updateTable('export_runs')
        .set({
          status: 'uploaded',
          attempts,
          next_attempt_at: null,
          error: null,
          error_code: null,
          destination: `${destinationOf(target.settings)} → ${result.remotePath}`,
          finished_at: now(),
        })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (err) {
      const code = err instanceof UploadError ? err.code : 'protocol';
      const message = err instanceof Error ? err.message : String(err);
      // Refusals that another try cannot fix (a host not allowed, a target switched off) fail at once.
      const final = attempts >= MAX_UPLOAD_ATTEMPTS || code === 'host_refused' || !target?.row.enabled;
      deps.logger?.warn({ runId: run.id, code, attempts, final }, 'export upload failed');
      return db
        .updateTable('export_runs')
        .set({
          status: final ? 'failed' : 'retrying',
          attempts,
          next_attempt_at: final ? null : new Date(now().getTime() + retryDelayMs(attempts)),
          error_code: code,
          error: final ? message : `${message} Retrying after attempt ${attempts} of ${MAX_UPLOAD_ATTEMPTS}.`,
          finished_at: final ? now() : null,
        })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
  }

  async function start(storeId: number, kind: ExportKind, options: ExportRunOptions): Promise<ExportRun> {
    const row = await db
      .selectFrom('export_targets')
      .select('id')
      .where('store_id', '=', storeId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const target = row ? await deps.targets.load(row.id) : undefined;
    if (!target) throw notFound(`${EXPORT_LABELS[kind]} export`);
    // Writing a file for the user (--out) sends nothing; sending needs the target on (and its consent).
    if (!options.out && !target.row.enabled)
      throw new DomainError(
        'export_invalid',
        `${EXPORT_LABELS[kind]} is switched off: switch it on (and confirm the data sharing) before sending, or write the file with --out.`,
      );
    const store = await db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow();
    const at = options.at ?? clock.now();
    const last = await db
      .selectFrom('export_runs')
      .select((eb) => eb.fn.max('started_at').as('since'))
      .where('target_id', '=', target.row.id)
      .where('status', '=', 'uploaded')
      .executeTakeFirst();
    const day = DateTime.fromJSDate(at, { zone: store.time_zone }).toISODate() ?? '';
    const fileName = exportFileName(kind, target.settings, store.code, day);
    const run = await db
      .insertInto('export_runs')
      .values({
        store_id: storeId,
        target_id: target.row.id,
        kind,
        trigger: options.trigger,
        status: 'running',
        file_name: fileName,
        destination: options.out ? options.out : destinationOf(target.settings),
        created_by: options.userId ?? null,
        started_at: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const folder = path.join(deps.dataDir, 'exports', store.code);
    const filePath = path.join(folder, `${run.id}-${fileName}`);
    try {
      await mkdir(folder, { recursive: true });
      const since = last?.since ? new Date(last.since) : null;
      const written = await writeExtract(store, kind, target.settings, at, since, filePath, options.onProgress);
      if (options.out) await copyFile(filePath, options.out);
      const updated = await db
        .updateTable('export_runs')
        .set({
          file_path: filePath,
          row_count: written.rows,
          bytes: written.bytes,
          ...(options.out ? { status: 'written' as const, finished_at: clock.now() } : {}),
        })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return options.out ? updated : await finishUpload(updated, target.row.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return db
        .updateTable('export_runs')
        .set({
          status: 'failed',
          error_code: 'extract_failed',
          error: `Writing the extract failed: ${message}`,
          finished_at: clock.now(),
        })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
  }

  async function writeExtract(
    store: Store,
    kind: ExportKind,
    settings: TargetSettings,
    at: Date,
    since: Date | null,
    filePath: string,
    onProgress?: (rows: number) => void,
  ) {
    const extract = EXTRACTS[kind];
    const pages = extract.rows(db, { store, settings, at, since });
    async function* counted() {
      let rows = 0;
      for await (const page of pages) {
        rows += page.length;
        onProgress?.(rows);
        yield page;
      }
    }
    return writeCsvFile(filePath, extract.columns, counted());
  }

  return {
    /** Writes and (unless `out`) uploads a store's export now; the run as recorded. */
    run: start,

    /** The nightly run of a target (the pg-boss cron's handler); a switched-off target is skipped. */
    async runScheduled(targetId: number, firedAt: Date): Promise<ExportRun | null> {
      const t = await db.selectFrom('export_targets').selectAll().where('id', '=', targetId).executeTakeFirst();
      if (!t?.enabled) return null;
      return start(t.store_id, t.kind, { trigger: 'schedule', at: firedAt });
    },

    /** Uploads again the kept files of runs whose retry time has come; returns how many were tried. */
    async retryDue(): Promise<number> {
      const now = clock.now();
      // Claimed one by one with a guarded update, so two workers never upload the same run.
      const due = await db
        .selectFrom('export_runs')
        .select('id')
        .where('status', '=', 'retrying')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(20)
        .execute();
      let tried = 0;
      for (const { id } of due) {
        const claimed = await db
          .updateTable('export_runs')
          .set({ status: 'running' })
          .where('id', '=', id)
          .where('status', '=', 'retrying')
          .returningAll()
          .executeTakeFirst();
        if (!claimed) continue;
        tried++;
        await finishUpload(claimed, claimed.target_id);
      }
      return tried;
    },

    /** A store's runs, newest first. */
    async list(storeId: number, limit = 50): Promise<ExportRun[]> {
      return db
        .selectFrom('export_runs')
        .selectAll()
        .where('store_id', '=', storeId)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

export type ExportRunsService = ReturnType<typeof createExportRunsService>;
