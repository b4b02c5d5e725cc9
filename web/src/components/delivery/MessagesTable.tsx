import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import type { HistoryItem, StoreMessage } from '../../api/delivery.types.ts';
import { formatClockInZone, formatDateInZone, formatPhone } from '../../lib/format.ts';
import { sourceLabel } from '../../lib/message-status.ts';
import { CHANNEL_LABELS, contactTypeLabel, PURPOSE_LABELS } from '../../lib/template-labels.ts';
import { ChannelIcon } from '../templates/ChannelBadge.tsx';
import { MessageStatusBadge } from './MessageStatusBadge.tsx';

const stop = (e: MouseEvent) => e.stopPropagation();
const isStoreMessage = (m: HistoryItem | StoreMessage): m is StoreMessage => 'customerName' in m;

/** "Your Forester is ready" over the first line of the text; a text message shows its text. */
function MessageSummary({ m, onOpen }: { m: HistoryItem; onOpen: () => void }) {
  const title = m.subject ?? m.preview ?? '(no content)';
  return (
    <Stack gap={0} maw={320} miw={180}>
      <Anchor
        component="button"
        type="button"
        size="sm"
        fw={500}
        ta="left"
        c="var(--mantine-color-text)"
        lineClamp={1}
        onClick={(e: MouseEvent) => {
          stop(e);
          onOpen();
        }}
        aria-label={`Open message: ${title}`}
      >
        {title}
      </Anchor>
      {m.subject && m.preview && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {m.preview}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Messages newest first, one row each; a click on a row (or its message, for the keyboard) opens
 * it. With `withCustomer` (the Outbox) the customer's name links to the profile.
 */
export function MessagesTable({
  messages,
  timeZone,
  onOpen,
  withCustomer = false,
  label,
}: {
  messages: readonly (HistoryItem | StoreMessage)[];
  timeZone: string;
  onOpen: (id: number) => void;
  withCustomer?: boolean;
  label: string;
}) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover aria-label={label} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            {withCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Channel</Table.Th>
            <Table.Th>Reason</Table.Th>
            {!withCustomer && <Table.Th>Contact type</Table.Th>}
            <Table.Th>Message</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Sent by</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((m) => (
            <Table.Tr
              key={m.id}
              style={{ cursor: 'pointer', verticalAlign: 'top' }}
              onClick={() => onOpen(m.id)}
              data-testid="message-row"
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateInZone(m.createdAt, timeZone)}</Text>
                <Text size="xs" c="dimmed">
                  {formatClockInZone(m.createdAt, timeZone)}
                </Text>
              </Table.Td>
              {withCustomer && (
                <Table.Td>
                  {isStoreMessage(m) && m.customerId !== null ? (
                    <Anchor
                      component={Link}
                      to={`/customers/${m.customerId}`}
                      size="sm"
                      onClick={stop}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {m.customerName ?? `Customer #${m.customerId}`}
                    </Anchor>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      Test send
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ChannelIcon channel={m.channel} />
                  <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {CHANNEL_LABELS[m.channel]}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="dot"
                  color={m.purpose === 'marketing' ? 'violet' : 'blue'}
                  size="sm"
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {PURPOSE_LABELS[m.purpose]}
                </Badge>
              </Table.Td>
              {!withCustomer && (
                <Table.Td>
                  <Text span size="sm" c={m.contactType ? undefined : 'dimmed'}>
                    {m.contactType ? contactTypeLabel(m.contactType) : 'Written'}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <MessageSummary m={m} onOpen={() => onOpen(m.id)} />
              </Table.Td>
              <Table.Td>
                <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {m.channel === 'sms' ? formatPhone(m.target) : m.target}
                </Text>
              </Table.Td>
              <Table.Td>
                <Tooltip label={`From: ${sourceLabel(m.source)}`} withArrow>
                  <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {m.sentBy}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <MessageStatusBadge message={m} timeZone={timeZone} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
