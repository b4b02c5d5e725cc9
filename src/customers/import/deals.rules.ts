import type { DateString, SaleType } from '../../db/schema.ts';
import { SALE_TYPES } from './codes.rules.ts';
import { dmsNumber } from './customers.rules.ts';
import type { DealField } from './deals.mapping.ts';
import { RowReader, type RawRow, type RowOutcome } from './row.rules.ts';
import { parseVin } from './vehicles.rules.ts';
import { parseCode, parseDate } from './values.rules.ts';

/** A sold deal as imported; optional columns are undefined when the file lacks them. */
export interface DealRow {
  deal_number: string;
  dms_customer_number: string;
  sold_on: DateString;
  vin?: string | null;
  /** The salesperson's name as the DMS writes it, spaces collapsed; matched to salespeople by name. */
  salesperson?: string | null;
  sale_type?: SaleType | null;
}

/** Reads one deal record; deal number, customer number and a readable sale date are required. */
export function readDeal(raw: RawRow<DealField>): RowOutcome<DealRow> {
  const r = new RowReader(raw);
  const row: DealRow = {
    deal_number: r.required('deal_number', dmsNumber, ''),
    dms_customer_number: r.required('dms_customer_number', dmsNumber, ''),
    sold_on: r.required('sold_on', parseDate, ''),
    vin: r.optional('vin', parseVin),
    salesperson: r.optional('salesperson', (s) => ({ ok: true, value: s.replace(/\s+/g, ' ') })),
    sale_type: r.optional('sale_type', (s) => parseCode(s, SALE_TYPES, 'sale type')),
  };
  return r.done(row);
}
