import type { Customer } from '../db/schema.ts';
import type { CustomerListRow, CustomerProfileData } from './customers.store.ts';
import { currentSalesperson } from './salesperson.rules.ts';

/** The name a person reads: the customer name, else "first last", else the other name. */
export function displayName(
  c: Pick<Customer, 'name' | 'first_name' | 'last_name' | 'other_name' | 'dms_customer_number'>,
): string {
  const personal = [c.first_name, c.last_name].filter(Boolean).join(' ');
  return c.name || personal || c.other_name || `Customer ${c.dms_customer_number}`;
}

export function presentListRow(c: CustomerListRow) {
  return {
    id: c.id,
    storeId: c.store_id,
    dmsCustomerNumber: c.dms_customer_number,
    displayName: displayName(c),
    customerType: c.customer_type,
    isProspect: c.is_prospect,
    cellPhone: c.cell_phone,
    homePhone: c.home_phone,
    workPhone: c.work_phone,
    email: c.email,
    city: c.city,
    vehicles: c.vehicles.map((v) => ({ year: v.year, make: v.make, model: v.model, plate: v.plate, vin: v.vin })),
  };
}

export function presentProfile(p: CustomerProfileData) {
  const c = p.customer;
  const salesperson = currentSalesperson({
    isProspect: c.is_prospect,
    lastDeal: p.lastDeal,
    lastReassignment: p.lastReassignment,
    lastActivity: p.lastActivity,
  });
  return {
    customer: {
      id: c.id,
      storeId: c.store_id,
      dmsCustomerNumber: c.dms_customer_number,
      displayName: displayName(c),
      name: c.name,
      firstName: c.first_name,
      lastName: c.last_name,
      otherName: c.other_name,
      contactName: c.contact_name,
      mailingName: c.mailing_name,
      addressTo: c.address_to,
      dateOfBirth: c.date_of_birth,
      address: {
        line1: c.address_line1,
        line2: c.address_line2,
        city: c.city,
        region: c.region,
        postalCode: c.postal_code,
        country: c.country,
      },
      homePhone: c.home_phone,
      workPhone: c.work_phone,
      cellPhone: c.cell_phone,
      email: c.email,
      language: c.language,
      customerType: c.customer_type,
      isProspect: c.is_prospect,
      prospectEnteredBy: c.prospect_entered_by,
      dayPreference: c.day_preference,
      likelyToBuy: c.likely_to_buy,
      starRating: c.star_rating,
      lastVerifiedAt: c.last_verified_at?.toISOString() ?? null,
      preferredContactMethod: c.preferred_contact_method,
      inquired: c.inquired,
      eserviceUser: c.eservice_user,
      salesperson: salesperson
        ? { id: salesperson.salespersonId, name: salesperson.name, source: salesperson.source, since: salesperson.on }
        : null,
      totalLabourSales: p.totalLabourSales,
      contactMethods: {
        mailOn: c.mail_on,
        homePhoneOn: c.home_phone_on,
        workPhoneOn: c.work_phone_on,
        cellPhoneOn: c.cell_phone_on,
        emailOn: c.email_on,
        doNotMail: c.do_not_mail,
        caslOptOut: c.casl_opt_out,
        preferredContactMethod: c.preferred_contact_method,
      },
    },
    vehicles: p.vehicles.map((v) => ({
      id: v.id,
      vin: v.vin,
      year: v.year,
      make: v.make,
      model: v.model,
      subModel: v.sub_model,
      engine: v.engine,
      plate: v.plate,
      plateRegion: v.plate_region,
      odometer: v.odometer,
      contactOff: v.contact_off,
      contactOffReason: v.contact_off_reason,
    })),
    visits: p.visits.map((v) => ({
      id: v.id,
      roNumber: v.ro_number,
      date: v.visit_date,
      department: v.department,
      vehicleId: v.vehicle_id,
      odometer: v.odometer,
      labourTotal: v.labour_total,
      partsTotal: v.parts_total,
      description: v.description,
      deferredItems: v.deferred_items,
    })),
    appointments: p.appointments.map((a) => ({
      id: a.id,
      number: a.dms_appointment_number,
      scheduledAt: a.scheduled_at.toISOString(),
      status: a.status,
      vehicleId: a.vehicle_id,
      notes: a.notes,
    })),
    deals: p.deals.map((d) => ({
      id: d.id,
      dealNumber: d.deal_number,
      soldOn: d.sold_on,
      saleType: d.sale_type,
      salesperson: d.salesperson_name,
      vehicle: d.vehicle_label,
    })),
  };
}
