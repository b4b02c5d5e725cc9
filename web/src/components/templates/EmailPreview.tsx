import { Box, Group, Paper, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import type { TemplatePreview } from '../../api/templates.types.ts';

/**
 * An e-mail as the customer would see it: the header lines, then the HTML in a sandboxed iframe
 * (an empty `sandbox`: no scripts, no forms, no same-origin access), or its plain-text part.
 */
export function EmailPreview({ preview, storeName }: { preview: TemplatePreview; storeName: string }) {
  return (
    <Tabs defaultValue="html" variant="outline" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="html">HTML</Tabs.Tab>
        <Tabs.Tab value="text">Plain text</Tabs.Tab>
      </Tabs.List>
      <Paper withBorder style={{ borderTop: 0, borderTopLeftRadius: 0, borderTopRightRadius: 0 }}>
        <Stack
          gap={2}
          px="sm"
          py={8}
          bg="var(--mantine-color-gray-0)"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <HeaderLine label="From" value={storeName} />
          <HeaderLine label="To" value={preview.customer.label} />
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="xs" c="dimmed" w={52}>
              Subject
            </Text>
            <Text size="sm" fw={600} data-testid="preview-subject">
              {preview.subject}
            </Text>
          </Group>
        </Stack>
        <Tabs.Panel value="html">
          <Box
            component="iframe"
            title="E-mail preview"
            sandbox=""
            srcDoc={preview.html ?? ''}
            w="100%"
            h={560}
            display="block"
            bg="white"
            style={{ border: 0 }}
            data-testid="email-preview-frame"
          />
        </Tabs.Panel>
        <Tabs.Panel value="text">
          <ScrollArea h={560} p="sm">
            <Text component="pre" size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {preview.text}
            </Text>
          </ScrollArea>
        </Tabs.Panel>
      </Paper>
    </Tabs>
  );
}

function HeaderLine({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={52}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
}
