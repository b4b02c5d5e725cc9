import { Alert, Badge, Group, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ExportRun } from '../../api/exports.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { runStatusText, STATUS_COLOR, STATUS_LABEL } from '../../lib/exports.ts';

/** What "Run now" did: the run's status and its result in words, or why it did not run. */
export function RunResult({ run, timeZone }: { run: UseMutationResult<ExportRun, Error, void>; timeZone: string }) {
  if (run.isError)
    return (
      <Alert color="red" title="Not run" role="alert" p="xs">
        {errorMessage(run.error)}
      </Alert>
    );
  if (!run.data) return null;
  const r = run.data;
  const color = STATUS_COLOR[r.status];
  return (
    <Alert color={color} p="xs" data-testid="export-run-result">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="light" color={color} style={{ textTransform: 'none', flexShrink: 0 }}>
          {STATUS_LABEL[r.status]}
        </Badge>
        <Text size="sm">
          {r.fileName && !r.destination?.includes(r.fileName) ? `${r.fileName}: ` : ''}
          {runStatusText(r, timeZone)}
        </Text>
      </Group>
    </Alert>
  );
}
