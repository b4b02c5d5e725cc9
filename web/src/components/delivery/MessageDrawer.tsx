import {
  Alert,
  Badge,
  Center,
  Code,
  Divider,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMessage } from '../../api/delivery.queries.ts';
import type { MessageDetail } from '../../api/delivery.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTimeInZone, formatPhone } from '../../lib/format.ts';
import { providerLabel, reasonLabel, sourceLabel } from '../../lib/message-status.ts';
import { contactTypeLabel, PURPOSE_LABELS } from '../../lib/template-labels.ts';
import { Field } from '../Field.tsx';
import { ChannelBadge } from '../templates/ChannelBadge.tsx';
import { MessageContent } from './MessageContent.tsx';
import { MessageEvents } from './MessageEvents.tsx';
import { MessageStatusBadge } from './MessageStatusBadge.tsx';

/** One message as it was sent, opened from the history or the Outbox; id null keeps it closed. */
export function MessageDrawer({
  messageId,
  timeZone,
  storeName,
  onClose,
}: {
  messageId: number | null;
  timeZone: string;
  storeName: string;
  onClose: () => void;
}) {
  const message = useMessage(messageId);
  let body;
  if (message.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading the message" />
      </Center>
    );
  } else if (message.isError) {
    body = (
      <Alert color="red" title="Cannot load this message" role="alert">
        {errorMessage(message.error)}
      </Alert>
    );
  } else {
    body = <MessageDetails message={message.data} timeZone={timeZone} storeName={storeName} />;
  }
  return (
    <Drawer
      opened={messageId !== null}
      onClose={onClose}
      position="right"
      size={720}
      title={
        <Title order={2} size="h4">
          Message
        </Title>
      }
      aria-label="Message"
      closeButtonProps={{ 'aria-label': 'Close the message' }}
    >
      {messageId !== null && body}
    </Drawer>
  );
}

const when = (iso: string | null, timeZone: string) => (iso ? formatDateTimeInZone(iso, timeZone) : null);

function MessageDetails({
  message: m,
  timeZone,
  storeName,
}: {
  message: MessageDetail;
  timeZone: string;
  storeName: string;
}) {
  const email = m.channel === 'email';
  const from = m.sender ?? (email ? `${storeName} (the store’s address)` : storeName);
  return (
    <Stack gap="md" data-testid="message-drawer">
      <Stack gap={6}>
        <Text fw={600} size="lg" data-testid="message-subject" style={{ overflowWrap: 'anywhere' }}>
          {m.subject ?? (email ? '(no subject)' : 'Text message')}
        </Text>
        <Group gap={6}>
          <MessageStatusBadge message={m} timeZone={timeZone} />
          <ChannelBadge channel={m.channel} />
          <Badge variant="dot" color={m.purpose === 'marketing' ? 'violet' : 'blue'}>
            {PURPOSE_LABELS[m.purpose]}
          </Badge>
          {m.contactType && (
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {contactTypeLabel(m.contactType)}
            </Badge>
          )}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={4}>
        <Stack gap={4}>
          <Field label="From">{from}</Field>
          <Field label="To" testId="message-to">
            {m.channel === 'sms' ? formatPhone(m.target) : m.target}
          </Field>
          {email && <Field label="CC">{m.cc.join(', ')}</Field>}
          {email && <Field label="BCC">{m.bcc.join(', ')}</Field>}
          <Field label="Sent by">
            {m.sentBy}
            <Text span size="xs" c="dimmed">
              {' '}
              · {sourceLabel(m.source)}
            </Text>
          </Field>
        </Stack>
        <Stack gap={4}>
          <Field label="Created">{when(m.createdAt, timeZone)}</Field>
          <Field label="Sent">{when(m.sentAt, timeZone)}</Field>
          {m.finishedAt && m.finishedAt !== m.sentAt && <Field label="Finished">{when(m.finishedAt, timeZone)}</Field>}
          <Field label="Attempts">{String(m.attempts)}</Field>
          <Field label="Provider">{providerLabel(m.provider)}</Field>
          <Field label="Provider id" testId="provider-id">
            {m.providerMessageId && <Code style={{ overflowWrap: 'anywhere' }}>{m.providerMessageId}</Code>}
          </Field>
        </Stack>
      </SimpleGrid>
      {m.statusDetail && (
        <Alert
          color={m.status === 'failed' || m.status === 'bounced' ? 'red' : 'yellow'}
          variant="light"
          p="xs"
          title={m.statusReason ? reasonLabel(m.statusReason).replace(/^./, (c) => c.toUpperCase()) : undefined}
        >
          <Text size="sm">{m.statusDetail}</Text>
        </Alert>
      )}
      <MessageContent message={m} senderLabel={m.sender ?? storeName} />
      <Divider label="Events" labelPosition="left" />
      <MessageEvents events={m.events} timeZone={timeZone} />
    </Stack>
  );
}
