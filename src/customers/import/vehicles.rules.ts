import { dmsNumber } from './customers.rules.ts';
import type { VehicleField } from './vehicles.mapping.ts';
import { RowReader, type RawRow, type RowOutcome } from './row.rules.ts';
import { parseInteger, type Parsed } from './values.rules.ts';

/** A vehicle as imported; optional columns are undefined when the file lacks them. */
export interface VehicleRow {
  vin: string;
  dms_customer_number: string;
  year?: number | null;
  make?: string | null;
  model?: string | null;
  sub_model?: string | null;
  engine?: string | null;
  plate?: string | null;
  plate_region?: string | null;
  odometer?: number | null;
}

export const MAX_ODOMETER = 2_147_483_647;

/** A VIN in upper case without spaces or dashes; older vehicles have fewer than 17 characters. */
export function parseVin(raw: string): Parsed<string> {
  const t = raw.replace(/[\s-]+/g, '').toUpperCase();
  return /^[A-Z0-9]{1,17}$/.test(t) ? { ok: true, value: t } : { ok: false, reason: `not a VIN: "${raw.trim()}"` };
}

/** Reads one vehicles record; a missing or malformed VIN or customer number refuses it. */
export function readVehicle(raw: RawRow<VehicleField>): RowOutcome<VehicleRow> {
  const r = new RowReader(raw);
  const row: VehicleRow = {
    vin: r.required('vin', parseVin, ''),
    dms_customer_number: r.required('dms_customer_number', dmsNumber, ''),
    year: r.optional('year', (s) => parseInteger(s, 1900, 2100)),
    make: r.text('make'),
    model: r.text('model'),
    sub_model: r.text('sub_model'),
    engine: r.text('engine'),
    plate: r.optional('plate', (s) => ({ ok: true, value: s.toUpperCase() })),
    plate_region: r.text('plate_region'),
    odometer: r.optional('odometer', (s) => parseInteger(s, 0, MAX_ODOMETER)),
  };
  return r.done(row);
}
