import { describe, expect, it } from 'vitest';
import type { RecycleCode } from '../api/batches.types.ts';
import type { ProductivityRow } from '../api/calls.types.ts';
import {
  callCodes,
  callShortcut,
  defaultProductivityRange,
  emptyResultForm,
  formatMinutes,
  holdLeft,
  lineLabel,
  needsConfirmation,
  productivitySeries,
  resultRequest,
  wallTimeToIso,
  type KeyPress,
} from './calls.ts';

const code = (id: number, key: string, name: string, active = true): RecycleCode => ({
  id,
  storeId: 1,
  key,
  name,
  active,
  days: 7,
  productive: false,
  createdAt: '2026-01-01T00:00:00Z',
});
const CODES = [
  code(1, 'voice_drop', 'Voice drop'),
  code(2, 'spoke_booked', 'Spoke — appointment booked'),
  code(3, 'spoke_not_interested', 'Spoke — not interested'),
  code(4, 'left_message', 'Left a message'),
  code(5, 'no_answer', 'No answer'),
  code(6, 'wrong_number', 'Wrong number'),
  code(7, 'email_sent', 'Email sent'),
  code(8, 'old', 'Old', false),
];
const key = (k: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  ...more,
});
const NOW = new Date('2026-06-15T16:00:00Z');

describe('callCodes', () => {
  it('keeps the active codes a call can end with, in the store’s order', () => {
    expect(callCodes(CODES).map((c) => c.key)).toEqual([
      'spoke_booked',
      'spoke_not_interested',
      'left_message',
      'no_answer',
      'wrong_number',
    ]);
  });
});

describe('callShortcut', () => {
  it('maps N, L, 1–9 and Ctrl/⌘+Enter', () => {
    expect(callShortcut(key('n'))).toEqual({ kind: 'next' });
    expect(callShortcut(key('N'))).toEqual({ kind: 'next' });
    expect(callShortcut(key('l'))).toEqual({ kind: 'log' });
    expect(callShortcut(key('1'))).toEqual({ kind: 'code', index: 0 });
    expect(callShortcut(key('9'))).toEqual({ kind: 'code', index: 8 });
    expect(callShortcut(key('Enter', { ctrlKey: true }))).toEqual({ kind: 'log' });
    expect(callShortcut(key('Enter', { metaKey: true, typing: true }))).toEqual({ kind: 'log' });
  });
  it('leaves typing, modified keys and other keys alone', () => {
    expect(callShortcut(key('n', { typing: true }))).toBeNull();
    expect(callShortcut(key('4', { typing: true }))).toBeNull();
    expect(callShortcut(key('l', { ctrlKey: true }))).toBeNull();
    expect(callShortcut(key('0'))).toBeNull();
    expect(callShortcut(key('Enter'))).toBeNull();
    expect(callShortcut(key('x'))).toBeNull();
  });
});

describe('wallTimeToIso', () => {
  it('reads a wall time in the store’s zone, across summer time too', () => {
    expect(wallTimeToIso('2026-06-20T09:30', 'America/Toronto')).toBe('2026-06-20T13:30:00.000Z');
    expect(wallTimeToIso('2026-01-20T09:30', 'America/Toronto')).toBe('2026-01-20T14:30:00.000Z');
    expect(wallTimeToIso('2026-06-20T09:30', 'Etc/GMT-3')).toBe('2026-06-20T06:30:00.000Z');
    expect(wallTimeToIso('2026-06-20T09:30', 'UTC')).toBe('2026-06-20T09:30:00.000Z');
  });
  it('refuses what is not a date and time', () => {
    expect(wallTimeToIso('', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-06-20', 'UTC')).toBeNull();
  });
});

describe('resultRequest', () => {
  const codes = callCodes(CODES);
  it('asks for a code first', () => {
    expect(resultRequest(emptyResultForm('+14165550100'), codes, 'UTC', NOW)).toEqual({
      problem: 'Pick what came of the call (keys 1–9).',
    });
  });
  it('sends the code, the trimmed note and the number dialled', () => {
    const form = { ...emptyResultForm('+14165550100'), recycleCodeId: 4, note: '  Call back Friday ' };
    expect(resultRequest(form, codes, 'UTC', NOW)).toEqual({
      request: { recycleCodeId: 4, note: 'Call back Friday', phone: '+14165550100' },
    });
    expect(resultRequest({ ...emptyResultForm(null), recycleCodeId: 5 }, codes, 'UTC', NOW)).toEqual({
      request: { recycleCodeId: 5 },
    });
  });
  it('needs a future appointment time for "appointment booked", in the store’s zone', () => {
    const booked = { ...emptyResultForm('+14165550100'), recycleCodeId: 2 };
    expect(resultRequest(booked, codes, 'America/Toronto', NOW)).toEqual({ problem: 'Say when the appointment is.' });
    expect(resultRequest({ ...booked, appointmentAt: '2026-06-01T09:00' }, codes, 'America/Toronto', NOW)).toEqual({
      problem: 'The appointment is in the past.',
    });
    expect(resultRequest({ ...booked, appointmentAt: '2026-06-20T09:30' }, codes, 'America/Toronto', NOW)).toEqual({
      request: { recycleCodeId: 2, phone: '+14165550100', appointmentAt: '2026-06-20T13:30:00.000Z' },
    });
  });
  it('sends no appointment with another code, and needs the number for "wrong number"', () => {
    const form = { ...emptyResultForm('+14165550100'), recycleCodeId: 4, appointmentAt: '2026-06-20T09:30' };
    expect(resultRequest(form, codes, 'UTC', NOW)).toEqual({ request: { recycleCodeId: 4, phone: '+14165550100' } });
    expect(resultRequest({ ...emptyResultForm(null), recycleCodeId: 6 }, codes, 'UTC', NOW)).toEqual({
      problem: 'Say which number was wrong.',
    });
    expect(needsConfirmation(codes.find((c) => c.id === 6))).toBe(true);
    expect(needsConfirmation(codes.find((c) => c.id === 5))).toBe(false);
  });
});

describe('holdLeft', () => {
  it('counts down minutes and seconds and lapses at zero', () => {
    expect(holdLeft('2026-06-15T16:10:00Z', NOW)).toEqual({ seconds: 600, text: '10:00', expired: false });
    expect(holdLeft('2026-06-15T16:00:05.200Z', NOW)).toEqual({ seconds: 6, text: '0:06', expired: false });
    expect(holdLeft('2026-06-15T15:59:00Z', NOW)).toEqual({ seconds: 0, text: '0:00', expired: true });
  });
});

describe('labels', () => {
  it('says the line and the minutes as people do', () => {
    expect(lineLabel('home_phone')).toBe('home');
    expect(lineLabel('cell_phone')).toBe('cell');
    expect(lineLabel('pager')).toBe('pager');
    expect(formatMinutes(null)).toBe('–');
    expect(formatMinutes(6.4)).toBe('6 min');
    expect(formatMinutes(65)).toBe('1 h 5 min');
    expect(formatMinutes(120)).toBe('2 h');
  });
});

describe('productivity', () => {
  it('defaults to the last 14 store-local days', () => {
    expect(defaultProductivityRange(new Date('2026-06-15T02:00:00Z'), 'America/Toronto')).toEqual({
      from: '2026-06-01',
      to: '2026-06-14',
    });
  });
  it('fills every day, stacks calls per agent and totals each agent', () => {
    const row = (userId: number, agentName: string, day: string, callsLogged: number): ProductivityRow => ({
      userId,
      agentName,
      day,
      callsLogged,
      productive: 1,
      appointmentsBooked: callsLogged > 2 ? 1 : 0,
      textsAnswered: 2,
      medianResponseMinutes: 5,
    });
    const s = productivitySeries(
      [row(2, 'Zoe', '2026-06-14', 3), row(1, 'Abe', '2026-06-14', 4), row(1, 'Abe', '2026-06-12', 1)],
      { from: '2026-06-12', to: '2026-06-14' },
    );
    expect(
      s.agents.map((a) => [a.agentName, a.callsLogged, a.productive, a.appointmentsBooked, a.textsAnswered]),
    ).toEqual([
      ['Abe', 5, 2, 1, 4],
      ['Zoe', 3, 1, 1, 2],
    ]);
    expect(s.days).toEqual([
      { date: '2026-06-12', calls: { 1: 1 }, total: 1 },
      { date: '2026-06-13', calls: {}, total: 0 },
      { date: '2026-06-14', calls: { 1: 4, 2: 3 }, total: 7 },
    ]);
    expect(s.max).toBe(10);
    expect(productivitySeries([], { from: '2026-06-14', to: '2026-06-14' }).max).toBe(1);
  });
});
