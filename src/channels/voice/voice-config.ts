import { createHmac } from 'node:crypto';
import type { VoiceStoreConfig } from '../../delivery/voice/voice-ports.ts';
import { purposeKey } from '../../shared/secret-key.ts';
import type { ChannelSettingsService } from '../channel-settings.service.ts';
import { voiceHttpSettings, voiceSimulatorSettings } from '../channel-settings.ts';
import { createHttpVoiceProvider } from './voice-http.provider.ts';

/**
 * The simulator's API key and webhook secret, derived from the master key: the worker that runs
 * the simulator and the API that checks its webhooks agree without storing anything.
 */
export function simulatorKeys(masterKey: Buffer): { apiKey: string; webhookSecret: string } {
  const key = purposeKey(masterKey, 'voice-simulator');
  const derive = (what: string) => createHmac('sha256', key).update(what).digest('hex');
  return { apiKey: derive('api-key'), webhookSecret: derive('webhook-secret') };
}

/** The secret a store's voice results are signed with, or null when none is set. */
export async function voiceWebhookSecret(
  channels: ChannelSettingsService,
  storeId: number,
  masterKey: Buffer,
): Promise<string | null> {
  const row = await channels.load(storeId, 'voice');
  if (!row || row.provider === 'voice_simulator') return simulatorKeys(masterKey).webhookSecret;
  return row.secrets.webhookSecret ?? null;
}

/**
 * How a store's drops go out: its configured HTTP provider, or (the default) the local simulator
 * this worker runs, with the store's simulated timing and result mix.
 */
export async function voiceConfigFor(
  channels: ChannelSettingsService,
  storeId: number,
  simulator: { url: string; apiKey: string } | null,
): Promise<VoiceStoreConfig> {
  const row = await channels.load(storeId, 'voice');
  if (row?.provider === 'voice_http') {
    const s = voiceHttpSettings.parse(row.settings);
    return {
      provider: createHttpVoiceProvider({ baseUrl: s.baseUrl, apiKey: row.secrets.apiKey ?? '' }),
      maxPorts: s.maxPorts,
      resultTimeoutMs: s.resultTimeoutSeconds * 1000,
    };
  }
  const s = voiceSimulatorSettings.parse(row?.provider === 'voice_simulator' ? row.settings : {});
  if (!simulator) throw new Error('the voice simulator is not running in this process');
  return {
    provider: createHttpVoiceProvider({
      baseUrl: simulator.url,
      apiKey: simulator.apiKey,
      provider: 'voice_simulator',
      extra: { simulate: { msPerDrop: s.msPerDrop, mix: s.mix } },
    }),
    maxPorts: s.maxPorts,
    // A simulated drop's result comes after msPerDrop; allow for a slow machine.
    resultTimeoutMs: s.msPerDrop + s.resultTimeoutSeconds * 1000,
  };
}
