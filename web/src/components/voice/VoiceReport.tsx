import { Alert, Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchVoiceReport } from '../../api/voice.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone } from '../../lib/format.ts';
import { durationLabel, VOICE_RESULT_LABELS } from '../../lib/voice.ts';

/** The voice drop report of one run: how long the job took, the count per result, the numbers it blocked. */
export function VoiceReport({ runId }: { runId: number }) {
  const report = useQuery({
    queryKey: ['voice-report', runId],
    queryFn: ({ signal }) => fetchVoiceReport(runId, signal),
    // A job in progress: keep the counts moving.
    refetchInterval: (q) =>
      (q.state.data?.byStatus.in_progress ?? 0) + (q.state.data?.byStatus.waiting ?? 0) > 0 ? 5000 : false,
  });
  if (report.isPending) return <Loader size="sm" aria-label="Loading the voice report" />;
  if (report.isError)
    return (
      <Alert color="red" p="xs" role="alert">
        {errorMessage(report.error)}
      </Alert>
    );
  const r = report.data;
  return (
    <Stack gap={6} data-testid="voice-report">
      <Text size="sm">
        {r.drops} drops
        {r.durationMs !== null
          ? ` · the job took ${durationLabel(r.durationMs)} from the first drop to the last result`
          : ''}
      </Text>
      <Group gap={6}>
        {Object.entries(r.byStatus).map(([status, n]) => (
          <Badge
            key={status}
            variant="light"
            color={status === 'delivered' ? 'green' : status === 'in_progress' || status === 'waiting' ? 'blue' : 'red'}
          >
            {VOICE_RESULT_LABELS[status] ?? status}: {n}
          </Badge>
        ))}
      </Group>
      {r.newlyBlocked.length > 0 && (
        <Table aria-label="Numbers blocked by this job" fz="sm" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Number blocked</Table.Th>
              <Table.Th>Line</Table.Th>
              <Table.Th>Until</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.newlyBlocked.map((b) => (
              <Table.Tr key={b.number}>
                <Table.Td>{formatPhone(b.number)}</Table.Td>
                <Table.Td>{b.line === 'home_phone' ? 'Home' : 'Cell'}</Table.Td>
                <Table.Td>{b.forever ? 'For good' : b.until ? new Date(b.until).toLocaleDateString() : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
