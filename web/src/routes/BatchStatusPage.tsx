import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useBatchContacts, useBatchRoi, useScheduleSummary, useStatusSeries } from '../api/batch-status.queries.ts';
import type { BatchContactStatus, DayRangeInput } from '../api/batch-status.types.ts';
import { ContactsGrid } from '../components/batch-status/ContactsGrid.tsx';
import { RoiPanel } from '../components/batch-status/RoiPanel.tsx';
import { StatusChart } from '../components/batch-status/StatusChart.tsx';
import { StatusFilter } from '../components/batch-status/StatusFilter.tsx';
import { defaultRange, rangeProblem, toggleStatus, visibleStatuses } from '../lib/batch-status.ts';
import { errorMessage } from '../lib/errors.ts';
import { useStores } from '../session/StoreContext.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * /batches/:scheduleId/status: what became of each customer a batch schedule (or campaign) took
 * over a range of days — a grid, a chart by status, status toggles — and the schedule's ROI.
 */
export function BatchStatusPage() {
  const id = Number(useParams().scheduleId);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <BatchStatus key={id} scheduleId={id} />;
}

function BatchStatus({ scheduleId }: { scheduleId: number }) {
  const { store } = useStores();
  const initial = useMemo(
    () => defaultRange(new Date(), store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
    [store?.timeZone],
  );
  const [draft, setDraft] = useState<DayRangeInput>(initial);
  const [range, setRange] = useState<DayRangeInput>(initial);
  const [excluded, setExcluded] = useState<BatchContactStatus[]>([]);
  const [page, setPage] = useState(1);
  const [tab, setTab] = useState<string | null>('status');
  const schedule = useScheduleSummary(scheduleId);
  const contacts = useBatchContacts(scheduleId, range, excluded, page);
  const series = useStatusSeries(scheduleId, range);
  const roi = useBatchRoi(scheduleId, range, tab === 'roi');
  const problem = rangeProblem(draft);

  const toggle = (s: BatchContactStatus) => {
    setExcluded((prev) => toggleStatus(prev, s));
    setPage(1);
  };
  const search = () => {
    if (problem) return;
    setRange(draft);
    setPage(1);
  };

  if (schedule.isError) {
    return (
      <Alert color="red" title="Cannot open this batch" role="alert">
        {errorMessage(schedule.error)}
      </Alert>
    );
  }
  const counts = contacts.data?.statuses ?? {};
  const statuses = visibleStatuses(counts, excluded);
  const name = schedule.data?.name ?? '…';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Breadcrumbs>
          <Anchor component={Link} to="/batches" size="sm">
            Batches
          </Anchor>
          <Text size="sm">{name}</Text>
        </Breadcrumbs>
        <Title order={1} size="h3">
          Batch Contact Status: {name}
        </Title>
        <Text size="sm" c="dimmed">
          Who the {schedule.data?.recurrence === 'once' ? 'campaign' : 'batch'} contacted, day by day, and what became
          of each message. Days are {store?.name ?? 'the store'}’s days (
          {contacts.data?.range.timeZone ?? store?.timeZone}).
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
        <Button onClick={search} disabled={problem !== null}>
          Search
        </Button>
        {problem && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="status">Status</Tabs.Tab>
          <Tabs.Tab value="roi">ROI</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="status" pt="md">
          <Stack gap="md">
            <StatusFilter statuses={statuses} counts={counts} excluded={excluded} onToggle={toggle} />
            {series.data && (
              <StatusChart series={series.data} statuses={statuses} excluded={excluded} onToggle={toggle} />
            )}
            {contacts.isError ? (
              <Alert color="red" title="Cannot load the contacts" role="alert">
                {errorMessage(contacts.error)}
              </Alert>
            ) : contacts.data ? (
              <ContactsGrid data={contacts.data} onPage={setPage} />
            ) : (
              <Group justify="center" p="xl">
                <Loader aria-label="Loading the contacts" />
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="roi" pt="md">
          <RoiPanel
            roi={roi.data}
            isPending={roi.isPending}
            error={roi.isError ? errorMessage(roi.error) : null}
            country={store?.country}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
