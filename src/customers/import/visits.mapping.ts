import type { FieldSpec } from './header.ts';
import { CUSTOMER_REF, VIN_ALIASES } from './vehicles.mapping.ts';

/** The columns of a repair-order (visits) export. */
export const VISIT_FIELDS = [
  {
    field: 'ro_number',
    required: true,
    aliases: [
      'RO #',
      'RO',
      'RO No',
      'RO Number',
      'Repair Order',
      'Repair Order #',
      'Repair Order Number',
      'Invoice',
      'Invoice #',
      'Invoice Number',
      'Work Order',
      'WO #',
    ],
  },
  CUSTOMER_REF,
  {
    field: 'visit_date',
    required: true,
    aliases: [
      'Date',
      'RO Date',
      'Visit Date',
      'Invoice Date',
      'Close Date',
      'Closed Date',
      'Service Date',
      'Open Date',
    ],
  },
  { field: 'vin', aliases: VIN_ALIASES },
  {
    field: 'department',
    aliases: ['Dept', 'Department', 'Dept Code', 'Department Code', 'Type', 'RO Type', 'Pay Type'],
  },
  { field: 'odometer', aliases: ['Odometer', 'Odo', 'Mileage', 'Miles', 'KM', 'Odometer In', 'Mileage In'] },
  {
    field: 'labour_total',
    aliases: ['Labour', 'Labor', 'Labour Total', 'Labor Total', 'Labor Sale', 'Labour Sale', 'Labor Amount'],
  },
  { field: 'parts_total', aliases: ['Parts', 'Parts Total', 'Parts Sale', 'Parts Amount'] },
  { field: 'description', aliases: ['Description', 'Desc', 'Work Performed', 'Comments', 'Complaint', 'Notes'] },
  {
    field: 'deferred',
    aliases: [
      'Deferred',
      'Deferred Items',
      'Deferred Work',
      'Declined',
      'Declined Work',
      'Recommendations',
      'Recommended',
    ],
    // deferred_1, Deferred Item 2, Declined3, Recommendation 4 ...
    repeats: /^(?:deferred|declined|recommend(?:ed|ation)?s?)(?:items?|work)?\d+$/,
  },
] as const satisfies readonly FieldSpec<string>[];

export type VisitField = (typeof VISIT_FIELDS)[number]['field'];
