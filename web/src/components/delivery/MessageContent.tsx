import { Box, Paper, ScrollArea, Tabs, Text } from '@mantine/core';
import type { MessageDetail } from '../../api/delivery.types.ts';
import { SmsPreview } from '../templates/SmsPreview.tsx';

/**
 * The message exactly as it was sent: an e-mail's HTML in a sandboxed frame (an empty `sandbox`:
 * no scripts, forms or same-origin access) and its plain-text part; a text as a bubble.
 */
export function MessageContent({ message: m, senderLabel }: { message: MessageDetail; senderLabel: string }) {
  if (m.channel === 'sms') return <SmsPreview text={m.text ?? ''} storeName={senderLabel} />;
  const text = (
    <Text
      component="pre"
      size="sm"
      ff="monospace"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
      data-testid="message-text"
    >
      {m.text ?? ''}
    </Text>
  );
  if (!m.html) {
    return (
      <Paper withBorder p="sm">
        {text}
      </Paper>
    );
  }
  return (
    <Tabs defaultValue="html" variant="outline">
      <Tabs.List>
        <Tabs.Tab value="html">As sent</Tabs.Tab>
        <Tabs.Tab value="text">Plain text</Tabs.Tab>
      </Tabs.List>
      <Paper withBorder style={{ borderTop: 0, borderTopLeftRadius: 0, borderTopRightRadius: 0 }}>
        <Tabs.Panel value="html">
          <Box
            component="iframe"
            title="The e-mail as sent"
            sandbox=""
            srcDoc={m.html}
            w="100%"
            h={420}
            display="block"
            bg="white"
            style={{ border: 0 }}
            data-testid="message-html"
          />
        </Tabs.Panel>
        <Tabs.Panel value="text">
          <ScrollArea h={420} p="sm">
            {text}
          </ScrollArea>
        </Tabs.Panel>
      </Paper>
    </Tabs>
  );
}
