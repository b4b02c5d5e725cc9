import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePreviewBatchSchedule } from '../../api/batches.queries.ts';
import { exclusionRows } from '../../lib/batch-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatShortDateTimeInZone } from '../../lib/format.ts';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * "Preview next run": a dry run of the saved batch at its next run; sends nothing. Managers also
 * get the next run's list as a mail-merge CSV (`csvUrl`).
 */
export function BatchPreviewPanel({
  scheduleId,
  timeZone,
  csvUrl = null,
}: {
  scheduleId: number;
  timeZone: string;
  csvUrl?: string | null;
}) {
  const preview = usePreviewBatchSchedule(scheduleId);
  const report = preview.data;
  const rows = report ? exclusionRows(report.excluded) : [];

  return (
    <Paper withBorder p="md" component="section" aria-label="Preview next run">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Preview next run
          </Title>
          <Button size="xs" variant="light" onClick={() => preview.mutate()} loading={preview.isPending}>
            {report ? 'Preview again' : 'Preview next run'}
          </Button>
        </Group>
        {!report && !preview.isError && (
          <Text size="sm" c="dimmed">
            Who the saved batch would take at its next run, and who is held back and why. Nothing is sent.
          </Text>
        )}
        {csvUrl && (
          <Anchor href={csvUrl} download size="sm" w="fit-content">
            Export next run’s list for mail merge (CSV)
          </Anchor>
        )}
        {preview.isError && (
          <Alert color="red" title="Cannot preview" role="alert" p="xs">
            {errorMessage(preview.error)}
          </Alert>
        )}
        {report && (
          <>
            <Text size="sm" c="dimmed" data-testid="preview-as-of">
              As of {formatShortDateTimeInZone(report.asOf, timeZone)}
            </Text>
            <SimpleGrid cols={report.heldOut > 0 ? 4 : 3}>
              <Figure label="In audience" value={report.matched} testId="preview-matched" />
              <Figure label="Eligible" value={report.eligible} testId="preview-eligible" />
              <Figure label="Would be taken" value={report.selected} testId="preview-selected" />
              {report.heldOut > 0 && <Figure label="Held out" value={report.heldOut} testId="preview-held-out" />}
            </SimpleGrid>
            {rows.length > 0 && (
              <Table aria-label="Held back" verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Held back because</Table.Th>
                    <Table.Th ta="right">Customers</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.code}>
                      <Table.Td>{r.label}</Table.Td>
                      <Table.Td ta="right">{r.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {rows.length > 0 && (
              <Text size="xs" c="dimmed">
                A customer held back for several reasons counts under each.
              </Text>
            )}
            {report.sample.length > 0 && (
              <Table aria-label="Sample customers" verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>First customers it would take</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.sample.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${c.id}`} size="sm">
                          {c.name}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
