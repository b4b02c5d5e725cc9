import { Badge, Table, Text } from '@mantine/core';
import type { LifecycleRun } from '../../api/lifecycle.types.ts';
import { formatDate, formatShortDateTimeInZone } from '../../lib/format.ts';

const RUN_COLOR: Record<string, string> = { done: 'green', running: 'blue', failed: 'red' };

/** The store's recent daily runs: the day, what they found and queued, and any error. */
export function RunsTable({ runs, timeZone }: { runs: LifecycleRun[]; timeZone: string }) {
  if (runs.length === 0)
    return (
      <Text size="sm" c="dimmed" role="status">
        No runs yet.
      </Text>
    );
  return (
    <Table aria-label="Recent runs" verticalSpacing={4} fz="sm" striped maw={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Day</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th ta="right">Due</Table.Th>
          <Table.Th ta="right">Queued</Table.Th>
          <Table.Th ta="right">Skipped</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>Finished</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(r.runDate)}
              {r.windowFrom !== r.runDate ? ` (from ${formatDate(r.windowFrom)})` : ''}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={RUN_COLOR[r.status] ?? 'gray'} style={{ textTransform: 'none' }}>
                {r.status.charAt(0).toUpperCase() + r.status.slice(1).replace(/_/g, ' ')}
              </Badge>
              {r.error && (
                <Text size="xs" c="red">
                  {r.error}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{r.due ?? ''}</Table.Td>
            <Table.Td ta="right">{r.enqueued ?? ''}</Table.Td>
            <Table.Td ta="right">{r.skipped ?? ''}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortDateTimeInZone(r.startedAt, timeZone)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {r.finishedAt ? formatShortDateTimeInZone(r.finishedAt, timeZone) : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
