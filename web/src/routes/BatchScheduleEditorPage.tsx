import { Alert, Anchor, Badge, Breadcrumbs, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useBatchSchedule } from '../api/batches.queries.ts';
import { batchCsvUrl } from '../api/exports.ts';
import type { BatchChannel } from '../api/batches.types.ts';
import { BatchPreviewPanel } from '../components/batches/BatchPreviewPanel.tsx';
import { BatchRunsPanel } from '../components/batches/BatchRunsPanel.tsx';
import { BatchScheduleForm } from '../components/batches/BatchScheduleForm.tsx';
import { BATCH_CHANNEL_TABS, isBatchChannel } from '../lib/batch-labels.ts';
import { errorMessage } from '../lib/errors.ts';
import { formatShortDateTimeInZone } from '../lib/format.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** /batches/new?channel=… and /batches/:scheduleId: a batch schedule, with its preview and runs once saved. */
export function BatchScheduleEditorPage() {
  const { scheduleId } = useParams();
  const [params] = useSearchParams();
  const isNew = scheduleId === undefined;
  const id = isNew ? null : Number(scheduleId);
  const valid = id === null || (Number.isInteger(id) && id > 0);
  const { store, user, storeById } = useStores();
  const schedule = useBatchSchedule(valid ? id : null);
  const navigate = useNavigate();
  const canManage = canManageStore(user.role);

  // Switching to another store leaves the editor for that store's list.
  const storeId = store?.id;
  const openedIn = useRef(storeId);
  useEffect(() => {
    if (openedIn.current !== storeId) void navigate('/batches');
  }, [storeId, navigate]);

  if (!valid) return <NotFoundPage />;

  const crumbs = (channel: BatchChannel, name: string) => (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to={`/batches?channel=${channel}`} size="sm">
        Batch contacts · {BATCH_CHANNEL_TABS.find((t) => t.value === channel)?.label}
      </Anchor>
      <Text size="sm" c="dimmed">
        {name}
      </Text>
    </Breadcrumbs>
  );

  if (isNew) {
    const requested = params.get('channel');
    const channel: BatchChannel = isBatchChannel(requested) ? requested : 'letter';
    const tab = BATCH_CHANNEL_TABS.find((t) => t.value === channel);
    if (!store) return <Alert color="yellow">You have no store to add batches to.</Alert>;
    if (!canManage)
      return (
        <Alert color="yellow" title="Only managers and administrators can add batches" role="alert">
          <Anchor component={Link} to={`/batches?channel=${channel}`}>
            Back to the batches
          </Anchor>
        </Alert>
      );
    return (
      <Stack gap="md" maw={900}>
        {crumbs(channel, 'New batch')}
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h3">
            New {tab?.singular ?? channel} batch
          </Title>
          <Text size="sm" c="dimmed">
            {store.name}
          </Text>
        </Group>
        <BatchScheduleForm storeId={store.id} channel={channel} schedule={null} readOnly={false} />
      </Stack>
    );
  }

  if (schedule.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the batch" />
      </Center>
    );
  if (schedule.isError)
    return (
      <Alert color="red" title="Cannot load the batch" role="alert">
        {errorMessage(schedule.error)}
      </Alert>
    );

  const s = schedule.data;
  const scheduleStore = storeById(s.storeId);
  const timeZone = scheduleStore?.timeZone ?? store?.timeZone ?? 'UTC';
  return (
    <Stack gap="md">
      {crumbs(s.channel, s.name)}
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <Title order={1} size="h3" data-testid="batch-title">
            {s.name}
          </Title>
          {!s.active && (
            <Badge variant="light" color="gray">
              Off
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="batch-next-run">
          {s.nextRunAt ? `Next run ${formatShortDateTimeInZone(s.nextRunAt, timeZone)}` : 'No next run'} ·{' '}
          {scheduleStore?.name}
        </Text>
      </Group>
      {!canManage && (
        <Alert color="yellow" role="status" p="xs">
          Only managers and administrators can change or run batches; you can read them and preview their next run.
        </Alert>
      )}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <BatchScheduleForm key={s.id} storeId={s.storeId} channel={s.channel} schedule={s} readOnly={!canManage} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <BatchPreviewPanel
              scheduleId={s.id}
              timeZone={timeZone}
              csvUrl={canManage ? batchCsvUrl(s.id, s.nextRunAt) : null}
            />
            <BatchRunsPanel schedule={s} canRun={canManage} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
