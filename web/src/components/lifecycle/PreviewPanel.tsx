import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { lifecycleCsvUrl } from '../../api/exports.ts';
import { usePreviewLifecycle, useRunLifecycle } from '../../api/lifecycle.queries.ts';
import { LIFECYCLE_STEPS, type LifecycleRunReport } from '../../api/lifecycle.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatShortDateTimeInZone } from '../../lib/format.ts';
import { decisionText, lifecycleReasonLabel, runOutcomeText, STEP_LABELS } from '../../lib/lifecycle.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useNotify } from '../Notifications.tsx';

const OUTCOME_COLOR = { send: 'green', skip: 'gray', already_sent: 'blue' } as const;

/**
 * The Preview tab: what today's run would send, per step and per customer with the reasons it
 * would not; managers can run it now (confirmed). Previews use the saved set-up.
 */
export function PreviewPanel({
  storeId,
  timeZone,
  canManage,
  unsaved,
  onShowStatistics,
}: {
  storeId: number;
  timeZone: string;
  canManage: boolean;
  unsaved: boolean;
  onShowStatistics: () => void;
}) {
  const preview = usePreviewLifecycle(storeId);
  const run = useRunLifecycle(storeId);
  const [confirming, setConfirming] = useState(false);
  const notify = useNotify();
  const report = preview.data;
  const result = run.data && run.data.outcome !== 'dry_run' ? runOutcomeText(run.data) : null;

  const runNow = () =>
    run.mutate(undefined, {
      onSuccess: (r) => {
        setConfirming(false);
        notify(runOutcomeText(r));
        preview.reset();
      },
      onError: (e) => {
        setConfirming(false);
        notify({ color: 'red', title: 'Not run', message: errorMessage(e) });
      },
    });

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Preview today’s run">
        <Stack gap="sm">
          <Group justify="space-between">
            <Stack gap={0}>
              <Title order={2} size="h4">
                Preview today’s run
              </Title>
              <Text size="sm" c="dimmed">
                Who is due today for each step, which channel they would get, and why the others would be skipped.
                Nothing is sent.
              </Text>
            </Stack>
            <Group gap="xs">
              <Button variant="light" onClick={() => preview.mutate()} loading={preview.isPending}>
                {report ? 'Preview again' : 'Preview today’s run'}
              </Button>
              {canManage && (
                <Button color="orange" onClick={() => setConfirming(true)} loading={run.isPending}>
                  Run now
                </Button>
              )}
            </Group>
          </Group>
          {unsaved && (
            <Alert color="yellow" p="xs" role="status">
              The preview and the run use the saved set-up: save your changes first.
            </Alert>
          )}
          {preview.isError && (
            <Alert color="red" title="Cannot preview" role="alert" p="xs">
              {errorMessage(preview.error)}
            </Alert>
          )}
          {result && (
            <Alert color={result.color} p="xs" data-testid="run-result">
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {result.title}:
                </Text>
                <Text size="sm">{result.message}</Text>
                <Anchor component="button" type="button" size="sm" onClick={onShowStatistics}>
                  Show Statistics
                </Anchor>
              </Group>
            </Alert>
          )}
        </Stack>
      </Paper>
      {report && <PreviewReport report={report} timeZone={timeZone} csvStoreId={canManage ? storeId : null} />}
      <ConfirmDialog
        opened={confirming}
        title="Run 360° Customer Contact now?"
        confirmLabel="Run now"
        onConfirm={runNow}
        onCancel={() => setConfirming(false)}
        loading={run.isPending}
      >
        Today’s e-mails and postcards are queued now instead of at the run time. A day that has run sends nothing more.
      </ConfirmDialog>
    </Stack>
  );
}

/** The preview's counts and decisions; managers get each step's list (and the whole day's) as a mail-merge CSV. */
function PreviewReport({
  report,
  timeZone,
  csvStoreId,
}: {
  report: LifecycleRunReport;
  timeZone: string;
  csvStoreId: number | null;
}) {
  const steps = LIFECYCLE_STEPS.filter((s) => report.byStep[s]);
  const total = report.decisionsTotal ?? report.decisions.length;
  return (
    <Paper withBorder p="md" component="section" aria-label="Preview">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" data-testid="preview-as-of">
          {formatDate(report.runDate)}
          {report.windowFrom !== report.runDate ? ` (catching up from ${formatDate(report.windowFrom)})` : ''} · as of{' '}
          {formatShortDateTimeInZone(report.asOf, timeZone)} · {report.due} due,{' '}
          {report.due - report.skipped - report.alreadySent} to send, {report.skipped} skipped, {report.alreadySent}{' '}
          already sent
        </Text>
        {csvStoreId !== null && steps.length > 0 && (
          <Anchor href={lifecycleCsvUrl(csvStoreId, report.runDate)} download size="sm" w="fit-content">
            Export today’s list for mail merge (CSV)
          </Anchor>
        )}
        {steps.length === 0 ? (
          <Text size="sm" role="status">
            Nobody is due today.
          </Text>
        ) : (
          <Table aria-label="Due per step" verticalSpacing={4} fz="sm" maw={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Step</Table.Th>
                <Table.Th ta="right">Due</Table.Th>
                <Table.Th ta="right">E-mail</Table.Th>
                <Table.Th ta="right">Postcard</Table.Th>
                <Table.Th ta="right">Skipped</Table.Th>
                <Table.Th ta="right">Already sent</Table.Th>
                <Table.Th>Skipped because</Table.Th>
                {csvStoreId !== null && <Table.Th>Mail merge</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {steps.map((s) => {
                const c = report.byStep[s];
                if (!c) return null;
                return (
                  <Table.Tr key={s}>
                    <Table.Td>{STEP_LABELS[s]}</Table.Td>
                    <Table.Td ta="right">{c.due}</Table.Td>
                    <Table.Td ta="right">{c.email}</Table.Td>
                    <Table.Td ta="right">{c.postcard}</Table.Td>
                    <Table.Td ta="right">{c.skipped}</Table.Td>
                    <Table.Td ta="right">{c.alreadySent}</Table.Td>
                    <Table.Td>
                      {Object.entries(c.reasons)
                        .sort((a, b) => b[1] - a[1])
                        .map(([code, n]) => `${lifecycleReasonLabel(code)} (${n})`)
                        .join(', ')}
                    </Table.Td>
                    {csvStoreId !== null && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor
                          href={lifecycleCsvUrl(csvStoreId, report.runDate, s)}
                          download
                          size="sm"
                          aria-label={`Export ${STEP_LABELS[s]} for mail merge (CSV)`}
                        >
                          CSV
                        </Anchor>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {report.decisions.length > 0 && (
          <Table aria-label="Decisions" verticalSpacing={4} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.decisions.map((d) => (
                <Table.Tr key={`${d.customerId}|${d.step}|${d.dueDate}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${d.customerId}`} size="sm">
                      {d.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{STEP_LABELS[d.step]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.dueDate)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={OUTCOME_COLOR[d.outcome]} style={{ textTransform: 'none' }}>
                      {decisionText(d)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.reasons.map(lifecycleReasonLabel).join('; ') || d.detail}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {total > report.decisions.length && (
          <Text size="xs" c="dimmed">
            The first {report.decisions.length} of {total} decisions are listed; the counts cover them all.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
