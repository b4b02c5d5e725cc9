import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useLifecycleStatistics } from '../../api/lifecycle.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { defaultStatisticsRange, statisticsRangeProblem, statisticsTable } from '../../lib/lifecycle.ts';
import { DayMessages } from './DayMessages.tsx';
import { RunsTable } from './RunsTable.tsx';
import { StatisticsGrid, type ChosenCell } from './StatisticsGrid.tsx';

/**
 * Show Statistics: the 360° messages of a range of store-local days per step, with e-mail and
 * postcard counts and their delivery results; a cell lists that day's messages; the recent runs.
 */
export function StatisticsPanel({
  storeId,
  timeZone,
  canExport = false,
}: {
  storeId: number;
  timeZone: string;
  /** Managers: the chosen day and step's list as a mail-merge CSV. */
  canExport?: boolean;
}) {
  const initial = useMemo(() => defaultStatisticsRange(new Date(), timeZone), [timeZone]);
  const [draft, setDraft] = useState(initial);
  const [range, setRange] = useState(initial);
  const [chosen, setChosen] = useState<ChosenCell | null>(null);
  const stats = useLifecycleStatistics(storeId, range);
  const problem = statisticsRangeProblem(draft);
  const table = useMemo(() => statisticsTable(stats.data?.rows ?? []), [stats.data]);

  const show = () => {
    if (problem) return;
    setRange(draft);
    setChosen(null);
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Statistics">
        <Stack gap="sm">
          <Stack gap={0}>
            <Title order={2} size="h4">
              Statistics
            </Title>
            <Text size="sm" c="dimmed">
              The messages 360° Customer Contact queued each day, by step, and what became of them. Days are the store’s
              ({timeZone}). Click a count to list the customers.
            </Text>
          </Stack>
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label="From"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="To"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
            <Button onClick={show} disabled={problem !== null} loading={stats.isFetching}>
              Show Statistics
            </Button>
            {problem && (
              <Text size="sm" c="red" role="alert">
                {problem}
              </Text>
            )}
          </Group>
          {stats.isPending ? (
            <Loader size="sm" aria-label="Loading the statistics" />
          ) : stats.isError ? (
            <Alert color="red" title="Cannot load the statistics" role="alert">
              {errorMessage(stats.error)}
            </Alert>
          ) : table.days.length === 0 ? (
            <Text size="sm" c="dimmed" role="status">
              No 360° messages in these days.
            </Text>
          ) : (
            <StatisticsGrid table={table} chosen={chosen} onChoose={setChosen} />
          )}
        </Stack>
      </Paper>
      {chosen && <DayMessages storeId={storeId} cell={chosen} timeZone={timeZone} canExport={canExport} />}
      <Paper withBorder p="md" component="section" aria-label="Recent runs">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Recent runs
          </Title>
          {stats.data && <RunsTable runs={stats.data.runs} timeZone={timeZone} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
