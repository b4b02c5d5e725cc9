import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { systemClock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { applyBodyShopRule } from '../body-shop.store.ts';
import { decodeText, detectDelimiter, firstLine, type DecodeState } from './decode.ts';
import { mapHeader, rawRow, type FieldSpec, type HeaderMap } from './header.ts';
import {
  findImportStore,
  writeAppointments,
  writeCustomers,
  writeDeals,
  writeVehicles,
  writeVisits,
  type BatchOutcome,
  type ImportStore,
} from './import.store.ts';
import type { ImportCsv, ImportOptions, ImportReport } from './import.types.ts';
import { APPOINTMENT_FIELDS } from './appointments.mapping.ts';
import { readAppointment } from './appointments.rules.ts';
import { CUSTOMER_FIELDS } from './customers.mapping.ts';
import { readCustomer } from './customers.rules.ts';
import { DEAL_FIELDS } from './deals.mapping.ts';
import { readDeal } from './deals.rules.ts';
import type { RawRow, RowContext, RowOutcome } from './row.rules.ts';
import { VEHICLE_FIELDS } from './vehicles.mapping.ts';
import { readVehicle } from './vehicles.rules.ts';
import { VISIT_FIELDS } from './visits.mapping.ts';
import { readVisit } from './visits.rules.ts';

/** Rows per upsert statement: large enough to amortise a round trip, small enough to keep memory flat. */
export const DEFAULT_BATCH_SIZE = 5000;

export interface ImportTuning {
  batchSize?: number;
}

/** How one kind of file is read and written. */
interface KindPlan<F extends string, R> {
  fields: readonly FieldSpec<F>[];
  read(raw: RawRow<F>, ctx: RowContext): RowOutcome<R>;
  keyField: string;
  key(row: R): string;
  /** The customer number a row refers to, for kinds that need an existing customer. */
  customer?(row: R): string;
  vin?(row: R): string | null | undefined;
  write(db: Kysely<Database>, storeId: number, rows: readonly R[], present: ReadonlySet<string>): Promise<BatchOutcome>;
}

/**
 * Streams a DMS CSV export into a store: decode, detect the delimiter, map the header, read and
 * normalise each record with the kind's pure rules, and upsert in batches (one statement per
 * batch, the next batch parsed while the previous one is written). Memory stays flat whatever
 * the file size. Each batch commits on its own: a file refused half-way keeps the batches before
 * the fault, and importing it again after fixing it is safe because the upsert is idempotent.
 */
export const importCsv: ImportCsv = (options) => importCsvTuned(options, {});

export async function importCsvTuned(options: ImportOptions, tuning: ImportTuning): Promise<ImportReport> {
  const store = await findImportStore(options.db.kysely, options.storeId);
  if (!store) throw new DomainError('not_found', `Store ${options.storeId} not found`);
  // One moment for the whole file: the date of undated consents, and what "current" means.
  const importedAt = (options.clock ?? systemClock).now();
  switch (options.kind) {
    case 'customers':
      return pump(options, store, tuning, {
        fields: CUSTOMER_FIELDS,
        read: readCustomer,
        keyField: 'dms_customer_number',
        key: (r) => r.dms_customer_number,
        write: (db, storeId, rows, present) => writeCustomers(db, storeId, rows, present, importedAt),
      });
    case 'vehicles':
      return pump(options, store, tuning, {
        fields: VEHICLE_FIELDS,
        read: readVehicle,
        keyField: 'vin',
        key: (r) => r.vin,
        customer: (r) => r.dms_customer_number,
        write: writeVehicles,
      });
    case 'visits':
      return pump(options, store, tuning, {
        fields: VISIT_FIELDS,
        read: readVisit,
        keyField: 'ro_number',
        key: (r) => r.ro_number,
        customer: (r) => r.dms_customer_number,
        vin: (r) => r.vin,
        async write(db, storeId, rows, present) {
          const outcome = await writeVisits(db, storeId, rows, present);
          // Per batch rather than once at the end: the rule reads each vehicle's whole history, so the
          // result is the same, and the set of touched vehicles never has to be held for a whole file.
          await applyBodyShopRule(db, storeId, outcome.vehicleIds, store.body_shop_auto_off);
          return outcome;
        },
      });
    case 'appointments':
      return pump(options, store, tuning, {
        fields: APPOINTMENT_FIELDS,
        read: readAppointment,
        keyField: 'dms_appointment_number',
        key: (r) => r.dms_appointment_number,
        customer: (r) => r.dms_customer_number,
        vin: (r) => r.vin,
        write: writeAppointments,
      });
    case 'deals':
      return pump(options, store, tuning, {
        fields: DEAL_FIELDS,
        read: readDeal,
        keyField: 'deal_number',
        key: (r) => r.deal_number,
        customer: (r) => r.dms_customer_number,
        vin: (r) => r.vin,
        write: writeDeals,
      });
    default: {
      const unknown: never = options.kind;
      throw new DomainError('import_unknown_kind', `Unknown import kind "${String(unknown)}"`);
    }
  }
}

/** Rows waiting to be written; a key seen twice keeps its last row (the DMS's latest word). */
class Batch<R> {
  readonly rows: R[] = [];
  readonly lines: number[] = [];
  readonly index = new Map<string, number>();

  /** Adds a row; returns the line of the row it replaced, if any. */
  add(key: string, row: R, line: number): number | undefined {
    const at = this.index.get(key);
    if (at === undefined) {
      this.index.set(key, this.rows.length);
      this.rows.push(row);
      this.lines.push(line);
      return undefined;
    }
    const replaced = this.lines[at];
    this.rows[at] = row;
    this.lines[at] = line;
    return replaced;
  }
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function isParsedRecord(v: unknown): v is ParsedRecord {
  return (
    typeof v === 'object' &&
    v !== null &&
    'record' in v &&
    Array.isArray(v.record) &&
    'info' in v &&
    typeof v.info === 'object'
  );
}

/** The line a record starts on: csv-parse reports the line it ends on. */
function startLine(r: ParsedRecord): number {
  let extra = 0;
  for (const cell of r.record) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) extra++;
  }
  return r.info.lines - extra;
}

async function pump<F extends string, R>(
  options: ImportOptions,
  store: ImportStore,
  tuning: ImportTuning,
  plan: KindPlan<F, R>,
): Promise<ImportReport> {
  const { db, storeId, kind } = options;
  const batchSize = tuning.batchSize ?? DEFAULT_BATCH_SIZE;
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [], warnings: [] };
  let ctx: RowContext = { country: store.country, timeZone: store.time_zone };
  const state: DecodeState = { bytesRead: 0, encoding: undefined };

  const text = decodeText(options.input, options.encoding ?? 'auto', state);
  // The first decoded chunk holds at least the sniffed megabyte: enough for the header line.
  const first = await text.next();
  const head = first.done ? '' : first.value;
  const headerLine = firstLine(head);
  if (headerLine === '') throw new DomainError('import_bad_file', `The ${kind} file is empty: it has no header line.`);

  const parser = parse({
    delimiter: detectDelimiter(headerLine),
    info: true,
    relax_column_count: true,
    // DMS exports write inch marks and nicknames with bare quotes ('17" rims', 'Robert "Bob" Smith').
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    // An unclosed quote would otherwise swallow the rest of the file into one record.
    max_record_size: 1 << 20,
  });
  async function* all(): AsyncGenerator<string> {
    yield head;
    yield* text;
  }
  // Errors (undecodable bytes) reach the loop below through the parser; this promise only settles.
  const piping = pipeline(Readable.from(all()), parser).catch(() => undefined);

  let header: HeaderMap<F> | undefined;
  let batch = new Batch<R>();
  let rows = 0;
  let writing: Promise<void> | undefined;

  const flush = async (b: Batch<R>, present: ReadonlySet<string>): Promise<void> => {
    if (b.rows.length === 0) return;
    const out = await plan.write(db.kysely, storeId, b.rows, present);
    const lineOf = (key: string) => b.lines[b.index.get(key) ?? -1] ?? 0;
    const rowOf = (key: string) => b.rows[b.index.get(key) ?? -1];
    for (const key of out.unknownCustomer) {
      const row = rowOf(key);
      const number = row && plan.customer ? plan.customer(row) : '';
      report.rejected.push({
        line: lineOf(key),
        reason: `unknown customer number "${number}" (import customers first)`,
      });
    }
    for (const key of out.unknownVehicle) {
      const row = rowOf(key);
      const vin = row && plan.vin ? plan.vin(row) : '';
      report.warnings.push({
        line: lineOf(key),
        field: 'vin',
        reason: `unknown VIN "${vin ?? ''}": kept without a vehicle`,
      });
    }
    for (const w of out.warnings ?? []) report.warnings.push({ line: lineOf(w.key), field: w.field, reason: w.reason });
    const written = b.rows.length - out.unknownCustomer.length;
    report.inserted += out.inserted;
    report.updated += out.updated;
    report.unchanged += written - out.inserted - out.updated;
    options.onProgress?.({ bytesRead: state.bytesRead, bytesTotal: options.size, rows });
  };

  try {
    for await (const item of parser) {
      if (!isParsedRecord(item)) continue;
      if (!header) {
        header = mapHeader(kind, plan.fields, item.record);
        const record = item.record;
        ctx = { ...ctx, headers: new Map(header.single.map((s) => [s.field, record[s.index]?.trim() ?? s.field])) };
        continue;
      }
      const line = startLine(item);
      rows++;
      // The loop below runs on buffered records without returning to the event loop, so a batch
      // in flight would wait for its socket writes and its answer until the next file chunk is read.
      // Yielding now and then lets the database receive the batch and work while we parse.
      if (writing && (rows & 511) === 0) await yieldToEventLoop();
      const outcome = plan.read(rawRow(header, item.record), ctx);
      if (!outcome.ok) {
        report.rejected.push({ line, reason: outcome.reason });
        continue;
      }
      for (const w of outcome.warnings) report.warnings.push({ line, field: w.field, reason: w.reason });
      const replaced = batch.add(plan.key(outcome.row), outcome.row, line);
      if (replaced !== undefined) {
        report.warnings.push({
          line: replaced,
          field: plan.keyField,
          reason: `superseded by line ${line}, which has the same ${plan.keyField}`,
        });
      }
      if (batch.rows.length >= batchSize) {
        // One batch in flight while the next is parsed: the database works while we read.
        await writing;
        writing = flush(batch, header.present);
        // Handled when awaited; this only stops Node from reporting it as unhandled meanwhile.
        writing.catch(() => undefined);
        batch = new Batch<R>();
      }
    }
    await writing;
    if (header) await flush(batch, header.present);
  } catch (err) {
    await writing?.catch(() => undefined);
    throw asImportError(err, kind);
  } finally {
    await piping;
  }
  if (!header) throw new DomainError('import_bad_file', `The ${kind} file is empty: it has no header line.`);
  options.onProgress?.({ bytesRead: state.bytesRead, bytesTotal: options.size, rows });
  report.rejected.sort((a, b) => a.line - b.line);
  report.warnings.sort((a, b) => a.line - b.line);
  return report;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function asImportError(err: unknown, kind: string): unknown {
  if (err instanceof CsvError) {
    const lines = 'lines' in err && typeof err.lines === 'number' ? ` near line ${err.lines}` : '';
    return new DomainError('import_bad_file', `The ${kind} file cannot be read as CSV${lines}: ${err.message}`, {
      csvCode: err.code,
    });
  }
  return err;
}
