import { DateTime } from 'luxon';

/** A daily send window in the recipient's local time, 'HH:mm' to 'HH:mm' (end exclusive). */
export interface SendWindow {
  start: string;
  end: string;
}

/** The TCPA's 8 a.m. to 9 p.m. */
export const DEFAULT_WINDOW: SendWindow = { start: '08:00', end: '21:00' };

/** States whose own law is stricter than the TCPA (Florida's FTSA: 8 a.m. to 8 p.m.). */
const STATE_WINDOWS: Record<string, SendWindow> = {
  'US-FL': { start: '08:00', end: '20:00' },
  'US-OK': { start: '08:00', end: '20:00' },
  'US-MD': { start: '08:00', end: '20:00' },
};

/** 'US-FL' from ('us', ' fl '): the key of the region tables. */
export const regionKey = (country: string, region: string) =>
  `${country.trim().toUpperCase()}-${region.trim().toUpperCase()}`;

/** The regions whose law narrows the window, for the set-based query. */
export const STRICTER_REGIONS: readonly string[] = Object.keys(STATE_WINDOWS);

export const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (mins: number) =>
  `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;

/**
 * The window that applies: the intersection of the store's own window, the TCPA default and any
 * stricter rule of the recipient's state.
 */
export function effectiveWindow(
  storeWindow: SendWindow | null,
  country: string | null,
  region: string | null,
): SendWindow {
  const candidates = [
    DEFAULT_WINDOW,
    storeWindow,
    country && region ? STATE_WINDOWS[regionKey(country, region)] : undefined,
  ];
  let start = 0;
  let end = 24 * 60;
  for (const w of candidates) {
    if (!w) continue;
    start = Math.max(start, minutes(w.start));
    end = Math.min(end, minutes(w.end));
  }
  return { start: toHhmm(start), end: toHhmm(Math.max(start, end)) };
}

/** Which customers a batch asks for by their Day / Late Day preference (the seeds' sun and moon). */
export const DAY_PARTS = ['all', 'day', 'late_day'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/**
 * Where the day ends and the late day begins, in the recipient's local time: a late-day selection
 * sends from here, a day selection stops here.
 */
export const LATE_DAY_STARTS = '17:00';

/**
 * The window narrowed to the part of the day a batch asked for. It may come out empty (a store
 * that stops at 17:00 has no late day); `checkSendWindow` then never opens.
 */
export function dayPartWindow(window: SendWindow, dayPart: DayPart): SendWindow {
  const start = minutes(window.start);
  const end = minutes(window.end);
  const boundary = minutes(LATE_DAY_STARTS);
  switch (dayPart) {
    case 'all':
      return window;
    case 'day':
      return { start: toHhmm(start), end: toHhmm(Math.max(start, Math.min(end, boundary))) };
    case 'late_day': {
      const s = Math.max(start, boundary);
      return { start: toHhmm(s), end: toHhmm(Math.max(s, end)) };
    }
  }
}

/** An empty window has no opening to defer to: `nextOpening` is null. */
export type WindowDecision = { open: true } | { open: false; nextOpening: Date | null };

/**
 * Whether `at` falls inside the window in `zone`; if not, the next moment it opens (today's
 * opening when it is still early, else tomorrow's), so a due message is deferred, not dropped.
 */
export function checkSendWindow(at: Date, zone: string, window: SendWindow): WindowDecision {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) throw new Error(`Unknown time zone: ${zone}`);
  const now = local.hour * 60 + local.minute;
  const start = minutes(window.start);
  const end = minutes(window.end);
  if (start >= end) return { open: false, nextOpening: null };
  if (now >= start && now < end) return { open: true };
  const day = now < start ? local.startOf('day') : local.startOf('day').plus({ days: 1 });
  const opening = day.set({ hour: Math.floor(start / 60), minute: start % 60 });
  return { open: false, nextOpening: opening.toJSDate() };
}
