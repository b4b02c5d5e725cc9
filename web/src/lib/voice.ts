/**
 * Voice Drop set-up on screen: recording lengths and sizes, the Content-Type an upload is sent
 * with, caller IDs as people read them. Pure functions; the limits mirror src/voice/audio.rules.ts
 * (the server checks the bytes and says why it refuses a file).
 */

export const AUDIO_LIMITS = { maxBytes: 5 * 1024 * 1024, minMs: 3_000, maxMs: 120_000 } as const;

/** What the upload's file picker offers. */
export const AUDIO_ACCEPT = '.wav,.mp3,audio/wav,audio/x-wav,audio/mpeg,audio/*';

/** The Content-Types the upload endpoint takes; the server then reads the real format from the bytes. */
const ACCEPTED_TYPES = new Set(['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave', 'audio/mpeg', 'audio/mp3']);

/** 10_000 → "0:10", 95_400 → "1:35" (to the nearest second). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** 160_044 → "156 KB", 1_572_864 → "1.5 MB", 900 → "900 B". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Service reminder.final.wav" → "Service reminder.final"; the name a new recording starts with. */
export function recordingNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const name = (dot > 0 ? base.slice(0, dot) : base).trim();
  return name.slice(0, 120);
}

/**
 * The Content-Type to upload a file with: the browser's when the server takes it, else by
 * extension (.mp3 → audio/mpeg, anything else audio/wav). A file that is not audio at all is
 * still sent, so the server can say what it is rather than a bare "unsupported type".
 */
export function audioContentType(fileName: string, browserType: string): string {
  const type = browserType.toLowerCase();
  if (ACCEPTED_TYPES.has(type)) return type;
  return /\.mp3$/i.test(fileName) ? 'audio/mpeg' : 'audio/wav';
}

/** Why a file is refused before sending it (the server's own 413 carries no sentence), or null. */
export function fileTooBig(sizeBytes: number): string | null {
  if (sizeBytes <= AUDIO_LIMITS.maxBytes) return null;
  return `The file is ${formatSize(sizeBytes)}; recordings may be at most ${formatSize(AUDIO_LIMITS.maxBytes)}.`;
}

const NANP = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** "+14165550100" → "+1 416-555-0100"; other numbers as stored (E.164). */
export function formatCallerNumber(e164: string): string {
  const m = NANP.exec(e164);
  return m ? `+1 ${m[1]}-${m[2]}-${m[3]}` : e164;
}

/** The API's "Service desk (+14165550100)" (a schedule's names.callerId) with the number as people read it. */
export function formatCallerIdName(name: string): string {
  return name.replace(/\+\d{8,15}/, (n) => formatCallerNumber(n));
}

/** A caller ID in a select: "Service desk · +1 416-555-0100". */
export function callerIdLabel(c: { label: string; number: string; active: boolean }): string {
  return `${c.label} · ${formatCallerNumber(c.number)}${c.active ? '' : ' (off)'}`;
}

/** A recording in a select: "Service reminder (0:12)". */
export function recordingLabel(r: { name: string; durationMs: number; active: boolean }): string {
  return `${r.name} (${formatDuration(r.durationMs)})${r.active ? '' : ' (off)'}`;
}

export type VoicePurpose = 'marketing' | 'service';

export const VOICE_PURPOSE_OPTIONS: readonly { value: VoicePurpose; label: string }[] = [
  { value: 'marketing', label: 'Marketing — needs consent' },
  { value: 'service', label: 'Service' },
];

/** What the set-up hint says about files. */
export const AUDIO_HINT = `WAV or MP3, ${AUDIO_LIMITS.minMs / 1000} s to ${AUDIO_LIMITS.maxMs / 60_000} min, at most ${formatSize(AUDIO_LIMITS.maxBytes)}.`;

/** A voice report's states: the provider's results, and drops still going. */
export const VOICE_RESULT_LABELS: Record<string, string> = {
  delivered: 'Delivered',
  busy: 'Busy',
  unavailable: 'Unavailable',
  impossible: 'Impossible to contact',
  failed: 'Failed',
  no_result: 'No result',
  provider_error: 'Provider error',
  in_progress: 'In Progress',
  waiting: 'Waiting',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

/** "2 min 05 s", "45 s", "1 h 02 min": how long a job took. */
export function durationLabel(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
