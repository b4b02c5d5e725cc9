import { Anchor, Box, Group, Stack, Text } from '@mantine/core';

/** A letter or postcard PDF in the browser's viewer, with a link to open it in a tab. */
export function PdfPreview({ url, title }: { url: string; title: string }) {
  return (
    <Stack gap={4}>
      <Group justify="flex-end">
        <Anchor href={url} target="_blank" rel="noopener" size="xs">
          Open the PDF in a new tab
        </Anchor>
      </Group>
      <Box
        component="iframe"
        title={title}
        src={url}
        w="100%"
        h={640}
        display="block"
        style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
        data-testid="pdf-preview-frame"
      />
      <Text size="xs" c="dimmed">
        Print-ready PDF as the printer gets it.
      </Text>
    </Stack>
  );
}
