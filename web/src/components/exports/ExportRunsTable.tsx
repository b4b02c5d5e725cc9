import { Anchor, Badge, Table, Text } from '@mantine/core';
import { exportRunFileUrl } from '../../api/exports.ts';
import type { ExportRun } from '../../api/exports.types.ts';
import { PARTNERS, clockText, formatBytes, STATUS_COLOR, STATUS_LABEL, TRIGGER_LABEL } from '../../lib/exports.ts';
import { formatNumber, formatShortDateTimeInZone } from '../../lib/format.ts';

/** The store's latest export runs: when, which partner, the file (to download), rows, bytes, where, the result. */
export function ExportRunsTable({ runs, timeZone }: { runs: ExportRun[]; timeZone: string }) {
  if (runs.length === 0)
    return (
      <Text size="sm" c="dimmed" role="status">
        No exports yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label="Export runs" verticalSpacing={4} fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Trigger</Table.Th>
            <Table.Th miw={110}>Status</Table.Th>
            <Table.Th>File</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th miw={200}>Destination</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((r) => (
            <Table.Tr key={r.id} data-testid="export-run">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortDateTimeInZone(r.startedAt, timeZone)}</Table.Td>
              <Table.Td>{PARTNERS[r.kind].label}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{TRIGGER_LABEL[r.trigger]}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[r.status]} style={{ textTransform: 'none' }}>
                  {STATUS_LABEL[r.status]}
                </Badge>
                {r.status === 'retrying' && r.nextAttemptAt && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    Retrying at {clockText(r.nextAttemptAt, timeZone)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {r.fileName && r.status !== 'running' ? (
                  <Anchor href={exportRunFileUrl(r.id)} download={r.fileName} size="sm">
                    {r.fileName}
                  </Anchor>
                ) : (
                  (r.fileName ?? '')
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.rowCount)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(r.bytes)}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.destination ?? ''}</Table.Td>
              <Table.Td ta="right">{r.attempts}</Table.Td>
              <Table.Td>
                {r.error && (
                  <Text size="xs" c={r.status === 'failed' ? 'red' : 'dimmed'}>
                    {r.error}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
