import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchChannels, saveChannel } from './channels.ts';
import type { ChannelChange, ChannelConfig, ChannelKind } from './channels.types.ts';
import { channelsKey } from './query-keys.ts';

/** The store's providers per channel; pass enabled=false for users who may not read them (agents). */
export function useChannels(storeId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: channelsKey(storeId ?? 0),
    queryFn: ({ signal }) => fetchChannels(storeId ?? 0, signal),
    enabled: storeId !== undefined && enabled,
  });
}

/** Saves one channel; the list shows the answer (secrets as names only) at once. */
export function useSaveChannel(storeId: number, channel: ChannelKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ChannelChange) => saveChannel(storeId, channel, change),
    onSuccess: (saved) => {
      qc.setQueryData<ChannelConfig[]>(channelsKey(storeId), (old) =>
        old ? old.map((c) => (c.channel === saved.channel ? saved : c)) : [saved],
      );
    },
  });
}
