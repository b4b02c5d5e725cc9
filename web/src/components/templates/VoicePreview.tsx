import { Paper, Stack, Text } from '@mantine/core';

const WORDS_PER_MINUTE = 150;

/** A voice-drop script, with roughly how long it takes to read out. */
export function VoicePreview({ text }: { text: string }) {
  const words = text.split(/\s+/).filter(Boolean).length;
  const seconds = Math.max(1, Math.round((words / WORDS_PER_MINUTE) * 60));
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-grape-0)">
      <Stack gap="xs">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          Script · about {seconds} seconds read aloud
        </Text>
        <Text size="md" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }} data-testid="voice-script">
          {text}
        </Text>
      </Stack>
    </Paper>
  );
}
