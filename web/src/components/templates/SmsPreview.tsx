import { Box, Center, Paper, Stack, Text } from '@mantine/core';

/** A text as it lands on a phone: the store as the sender, the message in a bubble. */
export function SmsPreview({ text, storeName }: { text: string; storeName: string }) {
  return (
    <Center py="sm">
      <Paper
        withBorder
        radius={28}
        w={300}
        p={10}
        bg="var(--mantine-color-gray-1)"
        style={{ boxShadow: '0 4px 18px rgba(0,0,0,.08)' }}
        aria-label="Text message preview"
        role="figure"
      >
        <Paper radius={20} bg="white" mih={380} p="sm">
          <Stack gap="xs">
            <Text size="xs" c="dimmed" ta="center" fw={600}>
              {storeName}
            </Text>
            <Box
              data-testid="sms-bubble"
              px={12}
              py={8}
              maw="85%"
              bg="var(--mantine-color-gray-2)"
              style={{ borderRadius: '16px 16px 16px 4px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              <Text size="sm">{text}</Text>
            </Box>
          </Stack>
        </Paper>
      </Paper>
    </Center>
  );
}
