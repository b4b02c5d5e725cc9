import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useProductivity } from '../api/calls.queries.ts';
import { ProductivityChart } from '../components/calls/ProductivityChart.tsx';
import { ProductivityTable } from '../components/calls/ProductivityTable.tsx';
import { defaultProductivityRange, productivitySeries } from '../lib/calls.ts';
import { errorMessage } from '../lib/errors.ts';
import { statisticsRangeProblem } from '../lib/lifecycle.ts';
import { useStores } from '../session/StoreContext.tsx';

function ProductivityReport({ storeId, timeZone }: { storeId: number; timeZone: string }) {
  const initial = useMemo(() => defaultProductivityRange(new Date(), timeZone), [timeZone]);
  const [draft, setDraft] = useState(initial);
  const [range, setRange] = useState(initial);
  const report = useProductivity(storeId, range);
  const problem = statisticsRangeProblem(draft);
  const series = useMemo(() => productivitySeries(report.data?.rows ?? [], range), [report.data, range]);

  return (
    <Paper withBorder p="md" component="section" aria-label="Productivity">
      <Stack gap="sm">
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
          <Button
            onClick={() => problem === null && setRange(draft)}
            disabled={problem !== null}
            loading={report.isFetching}
          >
            Show
          </Button>
          {problem && (
            <Text size="sm" c="red" role="alert">
              {problem}
            </Text>
          )}
        </Group>
        {report.isPending ? (
          <Loader size="sm" aria-label="Loading the productivity report" />
        ) : report.isError ? (
          <Alert color="red" title="Cannot load the productivity report" role="alert">
            {errorMessage(report.error)}
          </Alert>
        ) : report.data.rows.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            No calls logged or texts answered in these days.
          </Text>
        ) : (
          <>
            <ProductivityChart series={series} range={range} />
            <ProductivityTable rows={report.data.rows} totals={series.agents} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * /productivity: per agent and store-local day, the calls logged, productive contacts, appointments
 * booked, texts answered and the median time to answer a text, as a chart and a table.
 */
export function ProductivityPage() {
  const { store } = useStores();
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Productivity
          </Title>
          <Text size="sm" c="dimmed">
            What each agent did per day: calls logged from Call Select, productive contacts, appointments booked, texts
            answered and the median time from a customer’s text to the reply.
          </Text>
        </Stack>
        {store && (
          <Text size="sm" c="dimmed">
            {store.name} ({store.code})
          </Text>
        )}
      </Group>
      {store ? (
        <ProductivityReport key={store.id} storeId={store.id} timeZone={store.timeZone} />
      ) : (
        <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
      )}
    </Stack>
  );
}
