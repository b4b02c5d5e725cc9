/**
 * Hand-written mirrors of the API's zod response schemas (src/auth/auth.routes.ts,
 * src/customers/customers.routes.ts, src/customers/contact-methods.routes.ts, src/http/schemas.ts;
 * consent types are in consent.types.ts). The OpenAPI document at
 * /api/openapi.json is the reference when they disagree.
 */

export type Role = 'admin' | 'manager' | 'agent';

export interface Store {
  id: number;
  code: string;
  name: string;
  country: string;
  timeZone: string;
  phone: string | null;
  email: string | null;
  ownerName: string | null;
  feedbackUrl: string | null;
  address: string | null;
}

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** What POST /api/auth/login and GET /api/auth/session return. */
export interface Session {
  user: SessionUser;
  csrfToken: string;
  stores: Store[];
}

export interface VehicleBrief {
  year: number | null;
  make: string | null;
  model: string | null;
  plate: string | null;
  vin: string;
}

export interface CustomerListRow {
  id: number;
  storeId: number;
  dmsCustomerNumber: string;
  displayName: string;
  customerType: string;
  isProspect: boolean;
  cellPhone: string | null;
  homePhone: string | null;
  workPhone: string | null;
  email: string | null;
  city: string | null;
  vehicles: VehicleBrief[];
}

export type ContactMethod = 'mail' | 'home_phone' | 'work_phone' | 'cell_phone' | 'email';
export type DayPreference = 'day' | 'late_day';
export type SalespersonSource = 'deal' | 'reassignment' | 'activity';

export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface CustomerDetail {
  id: number;
  storeId: number;
  dmsCustomerNumber: string;
  displayName: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  otherName: string | null;
  contactName: string | null;
  mailingName: string | null;
  addressTo: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  address: Address;
  homePhone: string | null;
  workPhone: string | null;
  cellPhone: string | null;
  email: string | null;
  language: string | null;
  customerType: 'retail' | 'fleet';
  isProspect: boolean;
  prospectEnteredBy: string | null;
  dayPreference: DayPreference | null;
  /** 1–3, 3 being the most likely to buy. */
  likelyToBuy: number | null;
  /** 0–10 */
  starRating: number | null;
  /** ISO timestamp */
  lastVerifiedAt: string | null;
  preferredContactMethod: ContactMethod | null;
  inquired: boolean;
  eserviceUser: boolean;
  salesperson: { id: number; name: string; source: SalespersonSource; since: string } | null;
  totalLabourSales: number;
  contactMethods: ContactMethods;
}

/** The contact-method switches (green tick / red X), Do Not Mail, CASL opt-out and the preferred method. */
export interface ContactMethods {
  mailOn: boolean;
  homePhoneOn: boolean;
  workPhoneOn: boolean;
  cellPhoneOn: boolean;
  emailOn: boolean;
  doNotMail: boolean;
  caslOptOut: boolean;
  preferredContactMethod: ContactMethod | null;
}

/** Which switch of ContactMethods belongs to which method. */
export type ContactMethodSwitch = 'mailOn' | 'homePhoneOn' | 'workPhoneOn' | 'cellPhoneOn' | 'emailOn';

export interface Vehicle {
  id: number;
  vin: string;
  year: number | null;
  make: string | null;
  model: string | null;
  subModel: string | null;
  engine: string | null;
  plate: string | null;
  plateRegion: string | null;
  odometer: number | null;
  contactOff: boolean;
  contactOffReason: 'user' | 'body_shop' | null;
}

export interface Visit {
  id: number;
  roNumber: string;
  /** YYYY-MM-DD */
  date: string;
  department: string;
  vehicleId: number | null;
  odometer: number | null;
  labourTotal: number;
  partsTotal: number;
  description: string | null;
  deferredItems: string[];
}

export interface Appointment {
  id: number;
  number: string;
  /** ISO timestamp */
  scheduledAt: string;
  status: string;
  vehicleId: number | null;
  notes: string | null;
}

export interface Deal {
  id: number;
  dealNumber: string;
  /** YYYY-MM-DD */
  soldOn: string;
  saleType: string | null;
  salesperson: string | null;
  vehicle: string | null;
}

export interface CustomerProfile {
  customer: CustomerDetail;
  vehicles: Vehicle[];
  visits: Visit[];
  appointments: Appointment[];
  deals: Deal[];
}
