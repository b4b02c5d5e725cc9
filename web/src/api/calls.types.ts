/**
 * Mirrors of the Call Select and productivity API's shapes (src/calls/call-list.routes.ts).
 * /api/openapi.json is the reference when they disagree.
 */

/** A list an agent can work: a contact type with a built-in audience, or a saved query ('query:<id>'). */
export interface CallListOption {
  key: string;
  name: string;
  kind: 'contact_type' | 'query';
}

/** POST …/call-list/open: today's list, built on its first use of the day. */
export interface CallListSummary {
  listId: number;
  listKey: string;
  day: string;
  purpose: 'marketing' | 'service';
  builtAt: string;
  size: number;
  /** Entries still to call (not logged or passed over). */
  open: number;
}

/** The number to dial: the preferred usable line first, then cell, home, work. */
export interface DialNumber {
  line: string;
  number: string;
  /** tel:+1… */
  href: string;
}

/** POST …/call-list/next: a customer held for the agent until `lockUntil`. */
export interface CallEntry {
  entryId: number;
  listId: number;
  customerId: number;
  position: number;
  lockUntil: string;
  customerName: string;
  /** Null when none of the customer's numbers can be called. */
  dial: DialNumber | null;
}

/** POST /api/call-list/entries/:id/result. */
export interface CallResultRequest {
  recycleCodeId: number;
  note?: string;
  /** The number dialled (one of the customer's). */
  phone?: string;
  /** ISO instant of the appointment booked. */
  appointmentAt?: string;
  /** Required true to log "wrong number": the number is marked invalid. */
  confirmWrongNumber?: boolean;
}

export interface CallResult {
  id: number;
  customerId: number;
  agentUserId: number;
  recycleCode: string;
  productive: boolean;
  note: string | null;
  phone: string | null;
  appointmentId: number | null;
  createdAt: string;
}

/** GET /api/customers/:id/call-results, newest first. */
export interface LoggedCall extends CallResult {
  agentName: string;
  recycleCodeName: string;
}

/** GET …/productivity?from&to: one agent's day. */
export interface ProductivityRow {
  userId: number;
  agentName: string;
  day: string;
  callsLogged: number;
  productive: number;
  appointmentsBooked: number;
  textsAnswered: number;
  medianResponseMinutes: number | null;
}

export interface Productivity {
  from: string;
  to: string;
  rows: ProductivityRow[];
}
