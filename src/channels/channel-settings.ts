import { z } from 'zod';
import type { ChannelKind, ProviderName } from '../db/schema.ts';

// Each provider's settings (stored as JSON) and the names of its secrets (stored sealed).

const email = z.email();
const senderId = z
  .string()
  .regex(
    /^(\+[1-9]\d{7,14}|[A-Za-z0-9 ]{1,11})$/,
    'an E.164 number (+14165550100) or an alphanumeric sender of up to 11 characters',
  );

export const smtpSettings = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().nullable().default(null),
  /** The store's default From. */
  from: z.string().min(3),
  /** Other From addresses users may pick (the store's approved list). */
  fromAddresses: z.array(email).max(50).default([]),
  maxConnections: z.number().int().min(1).max(50).default(10),
  dkimDomain: z.string().nullable().default(null),
  dkimSelector: z.string().nullable().default(null),
  rejectUnauthorized: z.boolean().default(true),
});

export const twilioSettings = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'a Twilio account SID (AC followed by 32 hex digits)'),
  /** The API's base URL; another Twilio-compatible provider's can go here. */
  baseUrl: z.url().default('https://api.twilio.com'),
  /** Texting numbers or alphanumeric sender ids; the first is the default. */
  senders: z.array(senderId).min(1).max(50),
  /** What a HELP reply gets. */
  helpText: z.string().max(300).nullable().default(null),
});

export const printApiSettings = z.object({
  baseUrl: z.url(),
});

/** Ports: how many voice-drop jobs of the store may run at once (each sends one drop at a time). */
const maxPorts = z.number().int().min(1).max(20).default(5);

/** A ringless-voicemail provider speaking the documented HTTP shape (docs/VOICE.md). */
export const voiceHttpSettings = z.object({
  baseUrl: z.url(),
  maxPorts,
  /** How long a drop may wait for its result before the port gives up on it and moves on. */
  resultTimeoutSeconds: z.number().int().min(10).max(3600).default(300),
});

/** The local simulator: each drop takes `msPerDrop`, results drawn from `mix` (percentages). */
export const voiceSimulatorSettings = z.object({
  maxPorts,
  msPerDrop: z.number().int().min(0).max(60_000).default(2000),
  mix: z
    .object({
      delivered: z.number().min(0).max(100).default(70),
      busy: z.number().min(0).max(100).default(10),
      unavailable: z.number().min(0).max(100).default(10),
      impossible: z.number().min(0).max(100).default(5),
      failed: z.number().min(0).max(100).default(5),
    })
    .default({ delivered: 70, busy: 10, unavailable: 10, impossible: 5, failed: 5 }),
  resultTimeoutSeconds: z.number().int().min(1).max(3600).default(60),
});

/** Secrets each provider takes (write-only through the API). */
export const SECRET_NAMES: Record<ProviderName, readonly string[]> = {
  outbox: [],
  smtp: ['password', 'dkimPrivateKey', 'webhookSecret'],
  twilio: ['authToken'],
  print_api: ['apiKey', 'webhookSecret'],
  voice_simulator: [],
  voice_http: ['apiKey', 'webhookSecret'],
};

/** Providers each channel can use; 'outbox' (the local folder) is every channel's default. */
export const PROVIDERS: Record<ChannelKind, readonly ProviderName[]> = {
  email: ['outbox', 'smtp'],
  sms: ['outbox', 'twilio'],
  print: ['outbox', 'print_api'],
  // Drops have no "local folder": the simulator plays the provider for development and tests.
  voice: ['voice_simulator', 'voice_http'],
};

/** What a channel uses until a store chooses. */
export const DEFAULT_PROVIDER: Record<ChannelKind, ProviderName> = {
  email: 'outbox',
  sms: 'outbox',
  print: 'outbox',
  voice: 'voice_simulator',
};

export type SmtpSettings = z.infer<typeof smtpSettings>;
export type TwilioSettings = z.infer<typeof twilioSettings>;
export type PrintApiSettings = z.infer<typeof printApiSettings>;
export type VoiceHttpSettings = z.infer<typeof voiceHttpSettings>;
export type VoiceSimulatorSettings = z.infer<typeof voiceSimulatorSettings>;

/** Validates a provider's settings; throws a ZodError naming each bad field. */
export function parseProviderSettings(provider: ProviderName, settings: unknown): Record<string, unknown> {
  switch (provider) {
    case 'outbox':
      return {};
    case 'smtp':
      return smtpSettings.parse(settings);
    case 'twilio':
      return twilioSettings.parse(settings);
    case 'print_api':
      return printApiSettings.parse(settings);
    case 'voice_http':
      return voiceHttpSettings.parse(settings);
    case 'voice_simulator':
      return voiceSimulatorSettings.parse(settings);
  }
}
