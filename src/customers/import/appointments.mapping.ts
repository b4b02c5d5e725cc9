import type { FieldSpec } from './header.ts';
import { CUSTOMER_REF, VIN_ALIASES } from './vehicles.mapping.ts';

/** The columns of an appointments export; the time may be in the date column or its own. */
export const APPOINTMENT_FIELDS = [
  {
    field: 'dms_appointment_number',
    required: true,
    aliases: [
      'Appt #',
      'Appt',
      'Appt No',
      'Appt Number',
      'Appointment',
      'Appointment #',
      'Appointment No',
      'Appointment Number',
      'Appointment ID',
      'Appt ID',
      'Booking #',
    ],
  },
  CUSTOMER_REF,
  {
    field: 'scheduled_at',
    required: true,
    aliases: [
      'Appt Date',
      'Appointment Date',
      'Date',
      'Scheduled',
      'Scheduled Date',
      'Scheduled At',
      'Date/Time',
      'Appt Date/Time',
      'Start',
      'Start Time',
    ],
  },
  { field: 'scheduled_time', aliases: ['Appt Time', 'Appointment Time', 'Time', 'Scheduled Time'] },
  { field: 'vin', aliases: VIN_ALIASES },
  { field: 'status', aliases: ['Status', 'Appt Status', 'Appointment Status', 'State'] },
  { field: 'notes', aliases: ['Notes', 'Comments', 'Comment', 'Description', 'Reason', 'Concern'] },
] as const satisfies readonly FieldSpec<string>[];

export type AppointmentField = (typeof APPOINTMENT_FIELDS)[number]['field'];
