import { audioContentType } from '../lib/voice.ts';
import { apiRequest } from './client.ts';
import type {
  CallerIdInput,
  CallerIdPatch,
  RecordingPatch,
  VoiceCallerId,
  VoiceRecording,
  VoiceReport,
} from './voice.types.ts';

/** The store's recordings, active first, by name. */
export async function fetchRecordings(storeId: number, signal?: AbortSignal): Promise<VoiceRecording[]> {
  const res = await apiRequest<{ recordings: VoiceRecording[] }>('GET', `/api/stores/${storeId}/voice/recordings`, {
    signal,
  });
  return res.recordings;
}

/**
 * Uploads the file itself as the body (managers and administrators). The server reads the format
 * and length from the bytes: 422 'audio_invalid' says why it refuses one, 409 a name in use,
 * 413 a file far over the limit.
 */
export function uploadRecording(storeId: number, name: string, file: File): Promise<VoiceRecording> {
  return apiRequest<VoiceRecording>(
    'POST',
    `/api/stores/${storeId}/voice/recordings?name=${encodeURIComponent(name)}`,
    { raw: { body: file, contentType: audioContentType(file.name, file.type) } },
  );
}

/** Rename or switch off/on. */
/** A test drop of a recording to a staff number (POST /api/voice/recordings/:id/test-drop). */
export function sendTestDrop(
  recordingId: number,
  body: { callerIdId: number; to: string; requestKey: string },
): Promise<{ messageId: number; status: string; target: string | null }> {
  return apiRequest('POST', `/api/voice/recordings/${recordingId}/test-drop`, { body });
}

export function fetchVoiceReport(runId: number, signal?: AbortSignal): Promise<VoiceReport> {
  return apiRequest<VoiceReport>('GET', `/api/batch-runs/${runId}/voice-report`, { signal });
}

export function updateRecording(id: number, patch: RecordingPatch): Promise<VoiceRecording> {
  return apiRequest<VoiceRecording>('PATCH', `/api/voice/recordings/${id}`, { body: patch });
}

/** The numbers the store's voice drops may show, active first, by label. */
export async function fetchCallerIds(storeId: number, signal?: AbortSignal): Promise<VoiceCallerId[]> {
  const res = await apiRequest<{ callerIds: VoiceCallerId[] }>('GET', `/api/stores/${storeId}/voice/caller-ids`, {
    signal,
  });
  return res.callerIds;
}

/** Normalised to E.164 with the store's country; 400 with a sentence for a bad number, 409 for one already there. */
export function addCallerId(storeId: number, input: CallerIdInput): Promise<VoiceCallerId> {
  return apiRequest<VoiceCallerId>('POST', `/api/stores/${storeId}/voice/caller-ids`, { body: input });
}

export function updateCallerId(id: number, patch: CallerIdPatch): Promise<VoiceCallerId> {
  return apiRequest<VoiceCallerId>('PATCH', `/api/voice/caller-ids/${id}`, { body: patch });
}
