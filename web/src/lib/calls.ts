/**
 * The agents' day on screen: which recycle codes a call can end with and their keys, the keyboard
 * shortcuts of Call Select, the result form and the request it sends, the time left on a hold, a
 * store-local appointment time as an instant, and the productivity rows as chart series and totals.
 * Pure functions; the server decides (src/calls/call-results.service.ts).
 */
import type { RecycleCode } from '../api/batches.types.ts';
import type { CallResultRequest, ProductivityRow } from '../api/calls.types.ts';
import { addDays, niceMax, todayInZone } from './batch-status.ts';

/** The recycle code whose result books an appointment: the form asks when. */
export const BOOKED_CODE = 'spoke_booked';
/** The recycle code that marks the dialled number invalid: the agent confirms it first. */
export const WRONG_NUMBER_CODE = 'wrong_number';
/** Codes other channels record (batches, voice drops): never the end of an agent's call. */
export const NOT_CALL_CODES: readonly string[] = ['voice_drop', 'email_sent', 'text_sent', 'letter_sent'];

/** The codes a call can end with, in the store's order (keys 1–9 pick the first nine). */
export function callCodes(codes: readonly RecycleCode[]): RecycleCode[] {
  return codes.filter((c) => c.active && !NOT_CALL_CODES.includes(c.key));
}

/** What a key press does on Call Select, or null to leave it alone. */
export type CallShortcut = { kind: 'next' } | { kind: 'log' } | { kind: 'code'; index: number } | { kind: 'release' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focus is in a text box, text area or select: letters and digits are typing there. */
  typing: boolean;
}

/**
 * N next customer, 1–9 the code in list order, L log the result, Esc give back; Ctrl+Enter
 * (⌘+Enter) logs from anywhere, even a text box. Letters and digits typed into a field stay there.
 */
export function callShortcut(k: KeyPress): CallShortcut | null {
  if ((k.ctrlKey || k.metaKey) && k.key === 'Enter') return { kind: 'log' };
  if (k.ctrlKey || k.metaKey || k.altKey || k.typing) return null;
  if (k.key === 'n' || k.key === 'N') return { kind: 'next' };
  if (k.key === 'l' || k.key === 'L') return { kind: 'log' };
  if (/^[1-9]$/.test(k.key)) return { kind: 'code', index: Number(k.key) - 1 };
  return null;
}

/** The result form as typed. */
export interface CallResultForm {
  recycleCodeId: number | null;
  note: string;
  /** The number dialled, E.164 (defaults to the dial number). */
  phone: string;
  /** 'YYYY-MM-DDTHH:MM', the store's wall time (datetime-local). */
  appointmentAt: string;
}

export const emptyResultForm = (phone: string | null): CallResultForm => ({
  recycleCodeId: null,
  note: '',
  phone: phone ?? '',
  appointmentAt: '',
});

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The offset of a zone at an instant, in minutes east of UTC. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** A store-local wall time ('2026-06-20T09:30') as an ISO instant, or null when it is not one. */
export function wallTimeToIso(wall: string, timeZone: string): string | null {
  const m = WALL_TIME.exec(wall);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(guess)) return null;
  // Twice: the offset at the guess can differ from the offset at the answer across a DST change.
  let at = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  at = guess - offsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at).toISOString();
}

/**
 * The request a form sends, or what is missing. The appointment goes only with "appointment
 * booked"; "wrong number" is confirmed separately (`confirmWrongNumber`).
 */
export function resultRequest(
  form: CallResultForm,
  codes: readonly Pick<RecycleCode, 'id' | 'key' | 'name'>[],
  timeZone: string,
  now: Date,
): { request: CallResultRequest } | { problem: string } {
  const code = codes.find((c) => c.id === form.recycleCodeId);
  if (!code) return { problem: 'Pick what came of the call (keys 1–9).' };
  const request: CallResultRequest = { recycleCodeId: code.id };
  const note = form.note.trim();
  if (note) request.note = note;
  if (form.phone) request.phone = form.phone;
  if (code.key === BOOKED_CODE) {
    if (!form.appointmentAt) return { problem: 'Say when the appointment is.' };
    const at = wallTimeToIso(form.appointmentAt, timeZone);
    if (!at) return { problem: 'The appointment time is not a date and time.' };
    if (Date.parse(at) <= now.getTime()) return { problem: 'The appointment is in the past.' };
    request.appointmentAt = at;
  }
  if (code.key === WRONG_NUMBER_CODE && !form.phone) return { problem: 'Say which number was wrong.' };
  return { request };
}

/** Whether logging this code needs the agent to confirm first ("wrong number"). */
export const needsConfirmation = (code: Pick<RecycleCode, 'key'> | undefined): boolean =>
  code?.key === WRONG_NUMBER_CODE;

/** The hold's time left: seconds, "9:05", and whether it has lapsed (the customer is back on the list). */
export function holdLeft(lockUntil: string, now: Date): { seconds: number; text: string; expired: boolean } {
  const seconds = Math.max(0, Math.ceil((Date.parse(lockUntil) - now.getTime()) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return { seconds, text, expired: seconds === 0 };
}

/** "home" for 'home_phone': the line a number is on, as people say it. */
export const lineLabel = (line: string): string =>
  ({ cell_phone: 'cell', home_phone: 'home', work_phone: 'work' })[line] ?? line.replace(/_/g, ' ');

/** The last 14 store-local days, today included: the server's default too. */
export function defaultProductivityRange(now: Date, timeZone: string): { from: string; to: string } {
  const to = todayInZone(now, timeZone);
  return { from: addDays(to, -13), to };
}

export interface AgentTotals {
  userId: number;
  agentName: string;
  callsLogged: number;
  productive: number;
  appointmentsBooked: number;
  textsAnswered: number;
}

export interface ProductivitySeries {
  /** Agents by name, each with their totals over the range. */
  agents: AgentTotals[];
  /** Every day of the range in order, with each agent's calls logged (0 when none). */
  days: { date: string; calls: Record<number, number>; total: number }[];
  /** The y axis top: a round number at or above the busiest day. */
  max: number;
}

/** The rows as one stacked bar a day (calls logged per agent) and per-agent totals. */
export function productivitySeries(
  rows: readonly ProductivityRow[],
  range: { from: string; to: string },
): ProductivitySeries {
  const agents = new Map<number, AgentTotals>();
  const byDay = new Map<string, Record<number, number>>();
  for (const r of rows) {
    const a = agents.get(r.userId) ?? {
      userId: r.userId,
      agentName: r.agentName,
      callsLogged: 0,
      productive: 0,
      appointmentsBooked: 0,
      textsAnswered: 0,
    };
    a.callsLogged += r.callsLogged;
    a.productive += r.productive;
    a.appointmentsBooked += r.appointmentsBooked;
    a.textsAnswered += r.textsAnswered;
    agents.set(r.userId, a);
    const day = byDay.get(r.day) ?? {};
    day[r.userId] = (day[r.userId] ?? 0) + r.callsLogged;
    byDay.set(r.day, day);
  }
  const days: ProductivitySeries['days'] = [];
  for (let d = range.from; d <= range.to && days.length < 400; d = addDays(d, 1)) {
    const calls = byDay.get(d) ?? {};
    days.push({ date: d, calls, total: Object.values(calls).reduce((s, n) => s + n, 0) });
  }
  return {
    agents: [...agents.values()].sort((a, b) => a.agentName.localeCompare(b.agentName) || a.userId - b.userId),
    days,
    max: niceMax(Math.max(0, ...days.map((d) => d.total))),
  };
}

/** Eight distinguishable fills, one per agent in name order (then round again). */
export const AGENT_FILLS = ['#4263eb', '#f59f00', '#12b886', '#e64980', '#7950f2', '#fa5252', '#15aabf', '#82c91e'];
export const agentFill = (index: number): string => AGENT_FILLS[index % AGENT_FILLS.length] ?? '#868e96';

/** "4 min", "1 h 5 min", or an en dash when there was nothing to answer. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}
