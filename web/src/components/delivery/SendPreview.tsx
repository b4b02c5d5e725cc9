import { Alert, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { smsCounterLabel } from '../../lib/sms-counter.ts';
import { EmailPreview } from '../templates/EmailPreview.tsx';
import { SmsPreview } from '../templates/SmsPreview.tsx';
import type { SendPreviewState } from './useSendPreview.ts';

/** The right-hand column of the send form: the message as this customer will get it. */
export function SendPreview({ state, fromLabel }: { state: SendPreviewState; fromLabel: string }) {
  const { preview, loading, problems, error } = state;
  let content;
  if (preview) {
    content = (
      <Stack gap={6} style={{ opacity: problems.length > 0 || error ? 0.55 : 1, transition: 'opacity 120ms' }}>
        {preview.channel === 'sms' ? (
          <>
            <SmsPreview text={preview.text ?? ''} storeName={fromLabel} />
            {preview.sms && (
              <Text size="sm" ff="monospace" ta="center" c="dimmed" data-testid="send-sms-counter">
                {smsCounterLabel(preview.sms)}
              </Text>
            )}
          </>
        ) : (
          <EmailPreview preview={preview} storeName={fromLabel} />
        )}
      </Stack>
    );
  } else if (loading) {
    content = (
      <Center p="xl">
        <Loader aria-label="Rendering the preview" />
      </Center>
    );
  } else if (!error && problems.length === 0) {
    content = (
      <Paper withBorder p="xl" ta="center" c="dimmed" bg="var(--mantine-color-gray-0)">
        Choose a template or write the message to see it as the customer will.
      </Paper>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-label="Preview">
      <Group gap={8}>
        <Title order={3} size="h5">
          Preview
        </Title>
        {loading && preview && <Loader size={14} aria-label="Updating the preview" />}
      </Group>
      {(error || problems.length > 0) && (
        <Alert color="orange" variant="light" p="xs" role="status" data-testid="send-preview-alert">
          <Text size="sm">{error ?? 'Fix the problem marked in the message to update the preview.'}</Text>
        </Alert>
      )}
      {content}
    </Stack>
  );
}
