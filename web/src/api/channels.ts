import { apiRequest } from './client.ts';
import type { ChannelChange, ChannelConfig, ChannelKind } from './channels.types.ts';

/** Administrators and managers; agents get a 403. */
export async function fetchChannels(storeId: number, signal?: AbortSignal): Promise<ChannelConfig[]> {
  const res = await apiRequest<{ channels: ChannelConfig[] }>('GET', `/api/stores/${storeId}/channels`, { signal });
  return res.channels;
}

/** Administrators only; a 400 names the bad setting in its message. */
export function saveChannel(storeId: number, channel: ChannelKind, change: ChannelChange): Promise<ChannelConfig> {
  return apiRequest<ChannelConfig>('PUT', `/api/stores/${storeId}/channels/${channel}`, { body: change });
}
