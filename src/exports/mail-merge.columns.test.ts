import { describe, expect, it } from 'vitest';
import type { Appointment, Customer, Store, Vehicle, Visit } from '../db/schema.ts';
import type { MergeProfile } from '../templates/merge-input.rows.ts';
import { neutraliseText } from './csv-cells.rules.ts';
import { createMailMergeRows, MAIL_MERGE_COLUMNS, mailMergeColumns } from './mail-merge.columns.ts';

const now = new Date('2026-06-15T14:00:00Z');
const store = {
  id: 1,
  name: 'Maple Motors',
  phone: '+14165550100',
  country: 'CA',
  time_zone: 'America/Toronto',
} as Partial<Store> as Store;

const customer = (o: Partial<Customer> = {}): Customer =>
  ({
    id: 7,
    dms_customer_number: 'C-7',
    first_name: 'Marie',
    last_name: 'Tremblay',
    name: null,
    mailing_name: null,
    address_to: null,
    address_line1: ' 12 King St ',
    address_line2: '',
    city: 'Toronto',
    region: 'ON',
    postal_code: 'M5H 1A1',
    country: null,
    email: 'marie@example.test',
    cell_phone: '+14165550123',
    home_phone: null,
    work_phone: '4165550199',
    language: 'fr-CA',
    is_prospect: false,
    ...o,
  }) as Partial<Customer> as Customer;

const vehicle = (id: number, make: string): Vehicle =>
  ({
    id,
    customer_id: 7,
    year: 2021,
    make,
    model: 'X',
    plate: `P${id}`,
    vin: `VIN${id}`,
  }) as Partial<Vehicle> as Vehicle;

function profile(o: Partial<MergeProfile> = {}): MergeProfile {
  return {
    customer: customer(),
    vehicles: [vehicle(1, 'Toyota'), vehicle(2, 'Honda')],
    visits: [
      {
        customer_id: 7,
        vehicle_id: 2,
        visit_date: '2026-05-01',
        deferred_items: ['Brakes', ' ', 'Tires'],
      } as Partial<Visit> as Visit,
    ],
    appointments: [],
    ...o,
  };
}

describe('mail-merge columns', () => {
  it('have unique keys and human headers no spreadsheet reads as a formula', () => {
    for (const source of ['saved_query', 'batch', 'lifecycle'] as const) {
      const cols = mailMergeColumns(source);
      expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
      expect(new Set(cols.map((c) => c.label)).size).toBe(cols.length);
      for (const c of cols) expect(neutraliseText(c.label)).toBe(c.label);
    }
    expect(MAIL_MERGE_COLUMNS.map((c) => c.label)).toContain('Mailing Name');
    expect(
      mailMergeColumns('lifecycle')
        .slice(-2)
        .map((c) => c.label),
    ).toEqual(['Step', 'Due Date']);
    expect(mailMergeColumns('batch').at(-1)?.label).toBe('Channel');
  });
});

describe('createMailMergeRows', () => {
  const row = createMailMergeRows(store, now);

  it('writes what a letter names: the last visit’s vehicle, its deferred items, names with fallbacks', () => {
    expect(row(profile())).toEqual({
      customerNumber: 'C-7',
      firstName: 'Marie',
      lastName: 'Tremblay',
      fullName: 'Marie Tremblay',
      mailingName: 'Marie Tremblay',
      addressTo: 'Marie Tremblay',
      address1: '12 King St',
      address2: null,
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5H 1A1',
      country: 'CA',
      email: 'marie@example.test',
      cellPhone: '416 555-0123',
      homePhone: null,
      workPhone: '416 555-0199',
      language: 'fr',
      vehicleYear: '2021',
      vehicleMake: 'Honda',
      vehicleModel: 'X',
      plate: 'P2',
      vin: 'VIN2',
      lastServiceDate: '2026-05-01',
      appointmentDate: null,
      appointmentTime: null,
      deferredItems: 'Brakes; Tires',
      salesperson: null,
      storeName: 'Maple Motors',
      storePhone: '416 555-0100',
    });
  });

  it('fills the appointment only when it is still to come, in the store’s zone', () => {
    const appt = (at: string, vehicleId: number) =>
      ({ customer_id: 7, vehicle_id: vehicleId, status: 'scheduled', scheduled_at: new Date(at) }) as Appointment;
    const next = row(profile({ appointments: [appt('2026-06-16T02:30:00Z', 1)] }));
    // 22:30 in Toronto on the 15th, though already the 16th in UTC; and that appointment's vehicle.
    expect([next.appointmentDate, next.appointmentTime, next.vehicleMake]).toEqual(['2026-06-15', '22 h 30', 'Toyota']);
    const past = row(profile({ appointments: [appt('2026-06-01T14:00:00Z', 1)] }));
    expect([past.appointmentDate, past.appointmentTime]).toEqual([null, null]);
  });

  it('uses a lifecycle item’s own vehicle, appointment and visit, and adds its step and due date', () => {
    const r = row(profile(), {
      focus: {
        vehicleId: 1,
        scheduledAt: new Date('2026-06-01T14:00:00Z'),
        visit: { visitDate: '2026-04-01', deferredItems: ['Wipers'] },
      },
      step: 'No Show',
      dueDate: '2026-06-15',
    });
    expect(r).toMatchObject({
      vehicleMake: 'Toyota',
      appointmentDate: '2026-06-01',
      lastServiceDate: '2026-04-01',
      deferredItems: 'Wipers',
      step: 'No Show',
      dueDate: '2026-06-15',
    });
    expect(r).not.toHaveProperty('channel');
  });
});
