/**
 * Mirrors of the Voice Drop set-up API's shapes (src/voice/voice-setup.routes.ts).
 * /api/openapi.json is the reference when they disagree.
 */

export interface VoiceRecording {
  id: number;
  storeId: number;
  name: string;
  format: 'wav' | 'mp3';
  durationMs: number;
  sizeBytes: number;
  active: boolean;
  /** Where the browser plays it from (same-origin, the session cookie). */
  contentUrl: string;
  createdAt: string;
}

export interface VoiceCallerId {
  id: number;
  storeId: number;
  /** E.164, e.g. +14165550100. */
  number: string;
  label: string;
  active: boolean;
  createdAt: string;
}

export interface RecordingPatch {
  name?: string;
  active?: boolean;
}

export interface CallerIdInput {
  number: string;
  label: string;
}

export interface CallerIdPatch {
  label?: string;
  active?: boolean;
}

/** GET /api/batch-runs/:runId/voice-report. */
export interface VoiceReport {
  runId: number;
  scheduleId: number;
  drops: number;
  firstDropAt: string | null;
  lastResultAt: string | null;
  durationMs: number | null;
  byStatus: Record<string, number>;
  newlyBlocked: { number: string; line: string; forever: boolean; until: string | null }[];
}
