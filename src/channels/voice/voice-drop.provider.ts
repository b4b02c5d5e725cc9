/** What a ringless-voicemail provider finally says about one drop. */
export const DROP_RESULTS = ['delivered', 'busy', 'unavailable', 'impossible', 'failed'] as const;
export type DropResult = (typeof DROP_RESULTS)[number];

/** One drop as the documented HTTP shape carries it (docs/VOICE.md). */
export interface VoiceDropRequest {
  /** E.164. */
  phone: string;
  /** The recording to play, as the provider knows it ('<store>-<recording id>'). */
  recordingId: string;
  /** E.164 number the recipient sees. */
  callerId: string;
  /** Our delivery key: the provider's idempotency key, and how its result finds the message. */
  foreignId: string;
  postalCode: string | null;
  /** Where the provider posts the result (signed). */
  callbackUrl: string;
}

/**
 * The provider's answer to the request itself; the drop's result comes later on the webhook.
 * transient: ask again later (timeout, 429, 5xx); permanent: never (an invalid number is `impossible`).
 */
export type DropAccepted =
  | { kind: 'accepted'; providerId: string }
  | { kind: 'transient'; error: string; retryAfterMs?: number | undefined }
  | { kind: 'permanent'; error: string; result: DropResult };

export interface VoiceDropProvider {
  readonly provider: string;
  drop(request: VoiceDropRequest): Promise<DropAccepted>;
}
