import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useBatchRuns, useRunBatchSchedule } from '../../api/batches.queries.ts';
import type { BatchSchedule } from '../../api/batches.types.ts';
import { RUN_STATUS_LABELS, runOutcomeMessage } from '../../lib/batch-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { VoiceReport } from '../voice/VoiceReport.tsx';

const count = (n: number | null) => (n === null ? '—' : n);

/** "Run now" (managers and administrators) and the latest runs. */
export function BatchRunsPanel({ schedule, canRun }: { schedule: BatchSchedule; canRun: boolean }) {
  const voice = schedule.channel === 'voice';
  const [reportOf, setReportOf] = useState<number | null>(null);
  const runs = useBatchRuns(schedule.id, 10);
  const run = useRunBatchSchedule(schedule.id);
  const [confirming, setConfirming] = useState(false);

  const runNow = () =>
    run.mutate(undefined, {
      onSettled: () => setConfirming(false),
    });

  return (
    <Paper withBorder p="md" component="section" aria-label="Runs">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Runs
          </Title>
          {canRun && (
            <Button size="xs" color="orange" onClick={() => setConfirming(true)} disabled={run.isPending}>
              Run now
            </Button>
          )}
        </Group>
        {run.data && (
          <Alert
            color={run.data.outcome === 'done' ? 'green' : 'yellow'}
            role="status"
            p="xs"
            data-testid="run-outcome"
          >
            {runOutcomeMessage(run.data)}
          </Alert>
        )}
        {run.isError && (
          <Alert color="red" title="Not run" role="alert" p="xs">
            {errorMessage(run.error)}
          </Alert>
        )}
        {runs.isPending ? (
          <Center p="sm">
            <Loader size="sm" aria-label="Loading runs" />
          </Center>
        ) : runs.isError ? (
          <Alert color="red" role="alert" p="xs">
            {errorMessage(runs.error)}
          </Alert>
        ) : runs.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not run yet.
          </Text>
        ) : (
          <Table aria-label="Run history" verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Taken</Table.Th>
                <Table.Th ta="right">Queued</Table.Th>
                <Table.Th ta="right">Held out</Table.Th>
                {voice && <Table.Th>Voice drops</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.map((r) => {
                const status = RUN_STATUS_LABELS[r.status];
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.runDate)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={status.color} title={r.error ?? undefined}>
                        {status.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{count(r.selected)}</Table.Td>
                    <Table.Td ta="right">{count(r.enqueued)}</Table.Td>
                    <Table.Td ta="right">{count(r.heldOut)}</Table.Td>
                    {voice && (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setReportOf(r.id)}>
                          Report
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={reportOf !== null} onClose={() => setReportOf(null)} title="Voice drop report" size="lg">
        {reportOf !== null && <VoiceReport runId={reportOf} />}
      </Modal>
      <ConfirmDialog
        opened={confirming}
        title="Run this batch now?"
        confirmLabel="Run now"
        loading={run.isPending}
        onConfirm={runNow}
        onCancel={() => setConfirming(false)}
      >
        “{schedule.name}” takes up to {schedule.dailyLimit} customers and queues their messages for sending now. A batch
        runs once a day: if it already ran today, nothing more is sent.
      </ConfirmDialog>
    </Paper>
  );
}
