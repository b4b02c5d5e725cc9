/** What a voice-drop recording may be: the provider plays it as a voicemail. */
export const AUDIO_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Shorter than this is almost surely a wrong file; longer ones get cut off by voicemail boxes. */
  minMs: 3_000,
  maxMs: 120_000,
} as const;

export type AudioFormat = 'wav' | 'mp3';

/** What a probe found in an uploaded file; null fields when it is not audio at all. */
export interface AudioFacts {
  format: AudioFormat | null;
  /** The container/codec as found, for the message when it is neither WAV nor MP3. */
  found: string | null;
  durationMs: number | null;
  sizeBytes: number;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Why an uploaded recording cannot be used, one sentence each; empty when it can. */
export function audioProblems(a: AudioFacts): string[] {
  if (a.sizeBytes === 0) return ['The file is empty.'];
  if (a.sizeBytes > AUDIO_LIMITS.maxBytes)
    return [`The file is ${mb(a.sizeBytes)}; recordings may be at most ${mb(AUDIO_LIMITS.maxBytes)}.`];
  if (a.found === null) return ['This is not an audio file. Upload a WAV or MP3 recording.'];
  if (a.format === null) return [`This is ${a.found} audio; upload a WAV or MP3 recording.`];
  if (a.durationMs === null || a.durationMs <= 0)
    return ['The recording’s length cannot be read; export it again as WAV or MP3.'];
  if (a.durationMs < AUDIO_LIMITS.minMs)
    return [`The recording lasts ${seconds(a.durationMs)}; it must last at least ${seconds(AUDIO_LIMITS.minMs)}.`];
  if (a.durationMs > AUDIO_LIMITS.maxMs)
    return [
      `The recording lasts ${seconds(a.durationMs)}; voicemail drops may last at most ${seconds(AUDIO_LIMITS.maxMs)}.`,
    ];
  return [];
}
