/** Mirrors of src/channels/channel-settings.routes.ts and the provider settings in src/channels/channel-settings.ts. */

export type ChannelKind = 'email' | 'sms' | 'print' | 'voice';
export type ProviderName = 'outbox' | 'smtp' | 'twilio' | 'print_api' | 'voice_simulator' | 'voice_http';

export const CHANNEL_KINDS: readonly ChannelKind[] = ['email', 'sms', 'print', 'voice'];

/** Providers each channel can use; the local outbox folder is every channel's default. */
export const CHANNEL_PROVIDERS: Record<ChannelKind, readonly ProviderName[]> = {
  email: ['outbox', 'smtp'],
  sms: ['outbox', 'twilio'],
  print: ['outbox', 'print_api'],
  voice: ['voice_simulator', 'voice_http'],
};

/** One channel's provider as GET /api/stores/:id/channels lists it. */
export interface ChannelConfig {
  channel: ChannelKind;
  provider: ProviderName;
  /** The provider's settings with defaults filled in ({} for the outbox). */
  settings: Record<string, unknown>;
  /** Names of the secrets that are set; their values never leave the server. */
  secretsSet: string[];
  /** ISO timestamp; null while the channel has never been set (the outbox default). */
  updatedAt: string | null;
}

/** The body of PUT /api/stores/:id/channels/:channel. A secret left out keeps its value. */
export interface ChannelChange {
  provider: ProviderName;
  settings?: Record<string, unknown>;
  secrets?: Record<string, string>;
}
