import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useChannels } from '../../../api/channels.queries.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { ChannelCard } from './ChannelCard.tsx';

/** "Sending channels": the provider of each channel; administrators change them, managers read them. */
export function ChannelsSection({
  storeId,
  readOnly,
  timeZone,
}: {
  storeId: number;
  readOnly: boolean;
  timeZone: string;
}) {
  const channels = useChannels(storeId);
  if (channels.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the sending channels" />
      </Center>
    );
  }
  if (channels.isError) {
    return (
      <Alert color="red" title="Cannot load the sending channels" role="alert">
        {errorMessage(channels.error)}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      {readOnly && (
        <Alert color="yellow" role="status">
          Only administrators can change the sending channels.
        </Alert>
      )}
      {channels.data.map((c) => (
        // A save elsewhere (another tab) gives the card a new updatedAt and a fresh form.
        <ChannelCard
          key={`${storeId}:${c.channel}:${c.updatedAt ?? 'never'}`}
          storeId={storeId}
          config={c}
          readOnly={readOnly}
          timeZone={timeZone}
        />
      ))}
    </Stack>
  );
}
