import type { FieldSpec } from './header.ts';

const CUSTOMER_NUMBER = [
  'Cust #',
  'Cust No',
  'CustNo',
  'Customer Number',
  'Customer #',
  'Customer No',
  'Customer ID',
  'Cust ID',
  'Customer',
  'Owner',
  'Owner #',
  'Client #',
  'Client Number',
  'No Client',
];

/** The DMS customer number column, named the same way in every history file. */
export const CUSTOMER_REF = { field: 'dms_customer_number', required: true, aliases: CUSTOMER_NUMBER } as const;
export const VIN_ALIASES = ['VIN', 'VIN #', 'VIN Number', 'Vehicle ID', 'Serial', 'Serial Number', 'NIV'] as const;

/** The columns of a vehicles export. */
export const VEHICLE_FIELDS = [
  { field: 'vin', required: true, aliases: VIN_ALIASES },
  CUSTOMER_REF,
  { field: 'year', aliases: ['Year', 'Yr', 'Model Year', 'Veh Year', 'Annee'] },
  { field: 'make', aliases: ['Make', 'Mfr', 'Manufacturer', 'Brand', 'Marque'] },
  { field: 'model', aliases: ['Model', 'Modele', 'Veh Model'] },
  { field: 'sub_model', aliases: ['Sub Model', 'Submodel', 'Trim', 'Series', 'Style'] },
  { field: 'engine', aliases: ['Engine', 'Motor', 'Eng', 'Moteur'] },
  {
    field: 'plate',
    aliases: [
      'Plate',
      'Lic Plate',
      'License',
      'License Plate',
      'Licence',
      'Licence Plate',
      'Lic',
      'Lic #',
      'Tag',
      'Plaque',
    ],
  },
  {
    field: 'plate_region',
    aliases: [
      'Plate State',
      'Plate Province',
      'Lic State',
      'License State',
      'Licence Province',
      'Plate Region',
      'Tag State',
    ],
  },
  {
    field: 'odometer',
    aliases: ['Odometer', 'Odo', 'Mileage', 'Miles', 'KM', 'Kilometres', 'Kilometers', 'Last Odometer'],
  },
] as const satisfies readonly FieldSpec<string>[];

export type VehicleField = (typeof VEHICLE_FIELDS)[number]['field'];
