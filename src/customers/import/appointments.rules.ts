import type { AppointmentStatus } from '../../db/schema.ts';
import type { AppointmentField } from './appointments.mapping.ts';
import { APPOINTMENT_STATUSES } from './codes.rules.ts';
import { dmsNumber } from './customers.rules.ts';
import { RowReader, type RawRow, type RowContext, type RowOutcome } from './row.rules.ts';
import { parseVin } from './vehicles.rules.ts';
import { codeKey, parseDateTime } from './values.rules.ts';

/** An appointment as imported; optional columns are undefined when the file lacks them. */
export interface AppointmentRow {
  dms_appointment_number: string;
  dms_customer_number: string;
  scheduled_at: Date;
  vin?: string | null;
  status?: AppointmentStatus;
  notes?: string | null;
}

/**
 * Reads one appointment record. The time is read in the store's zone unless it carries an
 * offset; a separate time column is appended to the date. An unknown status is kept as
 * 'scheduled' with a warning (blank means scheduled).
 */
export function readAppointment(raw: RawRow<AppointmentField>, ctx: RowContext): RowOutcome<AppointmentRow> {
  const r = new RowReader(raw);
  const time = r.text('scheduled_time');
  const when = r.text('scheduled_at');
  let scheduledAt = new Date(0);
  if (when === undefined || when === null) r.refuse('scheduled_at is required');
  else {
    const p = parseDateTime(time ? `${when} ${time}` : when, ctx.timeZone);
    if (p.ok) scheduledAt = p.value;
    else r.refuse(`scheduled_at: ${p.reason}`);
  }
  const rawStatus = r.text('status');
  let status: AppointmentStatus | undefined;
  if (rawStatus !== undefined) {
    status = rawStatus === null ? 'scheduled' : APPOINTMENT_STATUSES.get(codeKey(rawStatus));
    if (status === undefined) {
      r.warn('status', `unknown appointment status "${rawStatus}", kept as scheduled`);
      status = 'scheduled';
    }
  }
  const row: AppointmentRow = {
    dms_appointment_number: r.required('dms_appointment_number', dmsNumber, ''),
    dms_customer_number: r.required('dms_customer_number', dmsNumber, ''),
    scheduled_at: scheduledAt,
    vin: r.optional('vin', parseVin),
    status,
    notes: r.text('notes'),
  };
  return r.done(row);
}
