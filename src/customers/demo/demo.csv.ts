/**
 * Writes demo rows as the CSV a DMS export would be (RFC 4180 quoting), one kind per file, with
 * the import's canonical column names as the header.
 */
import type { ImportKind } from '../import/import.types.ts';
import type {
  AppointmentCsvRow,
  Cell,
  CustomerCsvRow,
  DealCsvRow,
  DemoChunk,
  VehicleCsvRow,
  VisitCsvRow,
} from './demo.model.ts';

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces; quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  if (/[",\r\n]/.test(text) || text.trim() !== text) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

// prettier-ignore
export const CUSTOMER_COLUMNS = [
  'dms_customer_number', 'first_name', 'last_name', 'name', 'other_name', 'contact_name', 'mailing_name', 'date_of_birth',
  'address_line1', 'address_line2', 'city', 'region', 'postal_code', 'country', 'home_phone', 'work_phone', 'cell_phone',
  'email', 'language', 'customer_type', 'day_preference', 'is_prospect', 'prospect_entered_by', 'likely_to_buy',
  'star_rating', 'inquired', 'eservice_user', 'preferred_contact_method', 'last_verified_at',
] as const satisfies readonly (keyof CustomerCsvRow)[];

export const VEHICLE_COLUMNS = [
  'vin',
  'dms_customer_number',
  'year',
  'make',
  'model',
  'sub_model',
  'engine',
  'plate',
  'plate_region',
  'odometer',
] as const satisfies readonly (keyof VehicleCsvRow)[];

export const VISIT_COLUMNS = [
  'ro_number',
  'dms_customer_number',
  'vin',
  'visit_date',
  'department',
  'odometer',
  'labour_total',
  'parts_total',
  'description',
  'deferred_items',
] as const satisfies readonly (keyof VisitCsvRow)[];

export const APPOINTMENT_COLUMNS = [
  'dms_appointment_number',
  'dms_customer_number',
  'vin',
  'scheduled_at',
  'status',
  'notes',
] as const satisfies readonly (keyof AppointmentCsvRow)[];

export const DEAL_COLUMNS = [
  'deal_number',
  'dms_customer_number',
  'vin',
  'sold_on',
  'salesperson',
  'sale_type',
] as const satisfies readonly (keyof DealCsvRow)[];

/** Lines are handed on in pieces of about this many characters: one stream chunk per line would cost more than the CSV. */
const PIECE = 64 * 1024;

function* rowsOf<K extends string>(columns: readonly K[], rows: readonly Record<K, Cell>[]): Generator<string> {
  let piece = csvLine(columns);
  for (const row of rows) {
    piece += csvLine(columns.map((c) => row[c]));
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/** The CSV text of one kind of a chunk (header first), whole lines at a time, for `Readable.from`. */
export async function* csvLines(kind: ImportKind, chunk: DemoChunk): AsyncGenerator<string> {
  switch (kind) {
    case 'customers':
      yield* rowsOf(CUSTOMER_COLUMNS, chunk.customers);
      return;
    case 'vehicles':
      yield* rowsOf(VEHICLE_COLUMNS, chunk.vehicles);
      return;
    case 'visits':
      yield* rowsOf(VISIT_COLUMNS, chunk.visits);
      return;
    case 'appointments':
      yield* rowsOf(APPOINTMENT_COLUMNS, chunk.appointments);
      return;
    case 'deals':
      yield* rowsOf(DEAL_COLUMNS, chunk.deals);
      return;
    default: {
      const never: never = kind;
      throw new Error(`unknown import kind ${String(never)}`);
    }
  }
}
