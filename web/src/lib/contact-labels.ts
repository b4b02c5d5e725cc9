/** Words for channels, purposes, bases, sources and contact methods, as the profile shows them. */
import type {
  Channel,
  ConsentEvent,
  ConsentSource,
  ConsentState,
  ContactDecision,
  LegalBasis,
  Purpose,
} from '../api/consent.types.ts';
import type { ContactMethod, ContactMethodSwitch, ContactMethods } from '../api/types.ts';
import { formatDate } from './format.ts';

export const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'E-mail',
  sms: 'Text (SMS)',
  voice: 'Voice drop',
  call: 'Phone call',
  letter: 'Letter',
  fax: 'Fax',
};

export const PURPOSE_LABEL: Record<Purpose, string> = { marketing: 'Marketing', service: 'Service' };

export const BASIS_LABEL: Record<LegalBasis, string> = {
  express: 'express',
  implied_purchase: 'implied, purchase',
  implied_inquiry: 'implied, inquiry',
};

export const SOURCE_LABEL: Record<ConsentSource, string> = {
  user: 'User',
  unsubscribe: 'Customer (unsubscribe)',
  import: 'Import',
  inbound_stop: 'Customer (STOP reply)',
  inbound_start: 'Customer (START reply)',
  web_form: 'Customer (web form)',
  api: 'API',
};

export const METHOD_LABEL: Record<ContactMethod, string> = {
  mail: 'Mailing address',
  home_phone: 'Home phone',
  work_phone: 'Work phone',
  cell_phone: 'Cell phone',
  email: 'E-mail',
};

export const METHOD_SWITCH: Record<ContactMethod, ContactMethodSwitch> = {
  mail: 'mailOn',
  home_phone: 'homePhoneOn',
  work_phone: 'workPhoneOn',
  cell_phone: 'cellPhoneOn',
  email: 'emailOn',
};

/** The methods whose switch is off (red X), in the order the profile lists them. */
export function methodsOff(m: ContactMethods): ContactMethod[] {
  return (Object.keys(METHOD_SWITCH) as ContactMethod[]).filter((method) => !m[METHOD_SWITCH[method]]);
}

/** Who made a change: the user's name, else where it came from ("Customer (unsubscribe)"). */
export function consentActor(e: Pick<ConsentEvent, 'actorName' | 'source'>): string {
  return e.actorName ?? SOURCE_LABEL[e.source];
}

/** "Granted (express)", "Granted (implied, purchase, expires Jun 5, 2027)", "Withdrawn", "Unknown", "Expired". */
export function consentStateLabel(s: Pick<ConsentState, 'status' | 'basis' | 'expiresAt'>): string {
  switch (s.status) {
    case 'granted': {
      const parts = [s.basis ? BASIS_LABEL[s.basis] : null, s.expiresAt ? `expires ${formatDate(s.expiresAt)}` : null];
      const detail = parts.filter(Boolean).join(', ');
      return detail ? `Granted (${detail})` : 'Granted';
    }
    case 'withdrawn':
      return 'Withdrawn';
    case 'unknown':
      return 'Unknown';
    case 'expired':
      return 'Expired';
  }
}

export type DecisionStatus = { kind: 'allowed' } | { kind: 'blocked' } | { kind: 'deferred'; until: string };

/** Allowed, blocked, or only waiting for quiet hours to end. */
export function decisionStatus(d: Pick<ContactDecision, 'allowed' | 'reasons' | 'deferUntil'>): DecisionStatus {
  if (d.allowed) return { kind: 'allowed' };
  if (d.deferUntil && d.reasons.every((r) => r.code === 'quiet_hours'))
    return { kind: 'deferred', until: d.deferUntil };
  return { kind: 'blocked' };
}

/** "14:05" in the recipient's zone. */
export function formatTimeInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(iso),
  );
}
