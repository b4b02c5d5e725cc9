import { Alert, Anchor, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import type { LiveResults } from './useLiveResults.ts';

/** The live count and a sample of the customers the query matches; each name opens the profile. */
export function QueryResults({ live, hasProblems }: { live: LiveResults; hasProblems: boolean }) {
  const { result } = live;
  const count = result?.count ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Results">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h5">
            Results
          </Title>
          {live.updating && <Loader size="xs" aria-label="Counting" />}
        </Group>
        <Group gap="xs" align="baseline" style={{ opacity: live.stale ? 0.55 : 1 }}>
          <Text fz={34} fw={700} lh={1} data-testid="match-count">
            {count === null ? '…' : formatNumber(count)}
          </Text>
          <Text size="sm" c="dimmed">
            {count === 1 ? 'customer matches' : 'customers match'}
          </Text>
        </Group>
        {live.skipped > 0 && (
          <Text size="xs" c="dimmed" data-testid="skipped-rules">
            {live.skipped === 1 ? '1 unfinished rule is' : `${live.skipped} unfinished rules are`} left out of the
            count.
          </Text>
        )}
        {hasProblems && (
          <Alert color="red" p="xs" role="alert" data-testid="results-alert">
            Fix the problems marked in the query. The count shown is from the last query that worked.
          </Alert>
        )}
        {live.otherError && (
          <Alert color="red" p="xs" role="alert" title="Cannot count the customers">
            {live.otherError}
          </Alert>
        )}
        {result && result.sample.length > 0 && (
          <Stack gap={4} style={{ opacity: live.stale ? 0.55 : 1 }}>
            <Table striped highlightOnHover aria-label="Sample customers" fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>City</Table.Th>
                  <Table.Th>Last service</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.sample.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${c.id}`} size="sm" fw={500}>
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.city ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {c.lastServiceOn ? formatDate(c.lastServiceOn) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {result.count > result.sample.length && (
              <Text size="xs" c="dimmed">
                The first {result.sample.length} of {formatNumber(result.count)}.
              </Text>
            )}
          </Stack>
        )}
        {result && result.count === 0 && (
          <Text size="sm" c="dimmed" role="status">
            No customer matches these rules.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
