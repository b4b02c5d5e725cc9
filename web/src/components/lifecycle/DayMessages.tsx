import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { lifecycleCsvUrl } from '../../api/exports.ts';
import { useLifecycleMessages } from '../../api/lifecycle.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatShortDateTimeInZone } from '../../lib/format.ts';
import { channelLabel, STEP_LABELS } from '../../lib/lifecycle.ts';
import { isMessageStatus, reasonLabel, STATUS_COLOR, STATUS_LABEL } from '../../lib/message-status.ts';
import type { ChosenCell } from './StatisticsGrid.tsx';

/**
 * The messages of one day and step: who, by which channel, what became of it and why; managers
 * can export that day's list of the step for a mail merge.
 */
export function DayMessages({
  storeId,
  cell,
  timeZone,
  canExport = false,
}: {
  storeId: number;
  cell: ChosenCell;
  timeZone: string;
  canExport?: boolean;
}) {
  const list = useLifecycleMessages(storeId, cell);
  const title = `${STEP_LABELS[cell.step]} on ${formatDate(cell.day)}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={`Messages: ${title}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title}
          </Title>
          {canExport && (
            <Anchor
              href={lifecycleCsvUrl(storeId, cell.day, cell.step)}
              download
              size="sm"
              title="Who is due for this step on this day, one line each, for a mail merge"
            >
              Export for mail merge (CSV)
            </Anchor>
          )}
        </Group>
        {list.isPending ? (
          <Loader size="sm" aria-label="Loading the messages" />
        ) : list.isError ? (
          <Alert color="red" title="Cannot load the messages" role="alert">
            {errorMessage(list.error)}
          </Alert>
        ) : list.data.messages.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            No messages.
          </Text>
        ) : (
          <Table aria-label="Day’s messages" verticalSpacing={4} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Queued</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.messages.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${m.customerId}`} size="sm">
                      {m.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {channelLabel(m.channel)}
                    {m.purpose === 'marketing' ? ' (marketing)' : ''}
                  </Table.Td>
                  <Table.Td>{m.target ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={isMessageStatus(m.status) ? STATUS_COLOR[m.status] : 'gray'}
                      style={{ textTransform: 'none' }}
                      data-testid="message-status"
                    >
                      {isMessageStatus(m.status) ? STATUS_LABEL[m.status] : m.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {[m.reason ? reasonLabel(m.reason) : '', m.detail ?? ''].filter((x) => x !== '').join(': ')}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatShortDateTimeInZone(m.createdAt, timeZone)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
