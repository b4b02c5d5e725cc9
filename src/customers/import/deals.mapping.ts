import type { FieldSpec } from './header.ts';
import { CUSTOMER_REF, VIN_ALIASES } from './vehicles.mapping.ts';

/** The columns of a sold-deals export. */
export const DEAL_FIELDS = [
  {
    field: 'deal_number',
    required: true,
    aliases: ['Deal #', 'Deal', 'Deal No', 'Deal Number', 'Deal ID', 'Contract #', 'Contract Number', 'Stock Deal #'],
  },
  CUSTOMER_REF,
  {
    field: 'sold_on',
    required: true,
    aliases: [
      'Sold',
      'Sold Date',
      'Sold On',
      'Date Sold',
      'Sale Date',
      'Deal Date',
      'Delivery Date',
      'Contract Date',
      'Date',
    ],
  },
  { field: 'vin', aliases: VIN_ALIASES },
  {
    field: 'salesperson',
    aliases: [
      'Salesperson',
      'Sales Person',
      'Salesman',
      'Sales Rep',
      'Salesperson Name',
      'Sales Consultant',
      'Rep',
      'Vendeur',
    ],
  },
  { field: 'sale_type', aliases: ['Sale Type', 'Deal Type', 'Type', 'New/Used', 'N/U', 'Vehicle Type'] },
] as const satisfies readonly FieldSpec<string>[];

export type DealField = (typeof DEAL_FIELDS)[number]['field'];
