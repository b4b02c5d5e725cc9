import type { DateString, Department } from '../../db/schema.ts';
import { DEPARTMENTS } from './codes.rules.ts';
import { dmsNumber } from './customers.rules.ts';
import { RowReader, type RawRow, type RowOutcome } from './row.rules.ts';
import { MAX_ODOMETER, parseVin } from './vehicles.rules.ts';
import { codeKey, parseDate, parseInteger, parseMoney } from './values.rules.ts';
import type { VisitField } from './visits.mapping.ts';

/** A repair order as imported; optional columns are undefined when the file lacks them. */
export interface VisitRow {
  ro_number: string;
  dms_customer_number: string;
  visit_date: DateString;
  vin?: string | null;
  department?: Department;
  odometer?: number | null;
  labour_total?: number;
  parts_total?: number;
  description?: string | null;
  deferred_items?: string[];
}

/** Deferred work listed in one cell ('Brakes | Wipers') or numbered columns (joined with '|' by the header map). */
export function splitDeferred(raw: string): string[] {
  return raw
    .split('|')
    .map((s) => s.replace(/[\0\x1f]/g, '').trim())
    .filter((s) => s !== '');
}

/**
 * Reads one repair-order record. RO number, customer number and a readable visit date are
 * required; an unknown department code is kept as 'other' with a warning, blank means service.
 */
export function readVisit(raw: RawRow<VisitField>): RowOutcome<VisitRow> {
  const r = new RowReader(raw);
  const dept = r.text('department');
  let department: Department | undefined;
  if (dept !== undefined) {
    department = dept === null ? 'service' : DEPARTMENTS.get(codeKey(dept));
    if (department === undefined) {
      r.warn('department', `unknown department "${dept}", kept as other`);
      department = 'other';
    }
  }
  const deferred = r.text('deferred');
  const row: VisitRow = {
    ro_number: r.required('ro_number', dmsNumber, ''),
    dms_customer_number: r.required('dms_customer_number', dmsNumber, ''),
    visit_date: r.required('visit_date', parseDate, ''),
    vin: r.optional('vin', parseVin),
    department,
    odometer: r.optional('odometer', (s) => parseInteger(s, 0, MAX_ODOMETER)),
    labour_total: r.withDefault('labour_total', parseMoney, 0),
    parts_total: r.withDefault('parts_total', parseMoney, 0),
    description: r.text('description'),
    deferred_items: deferred === undefined ? undefined : deferred === null ? [] : splitDeferred(deferred),
  };
  return r.done(row);
}
