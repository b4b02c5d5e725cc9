import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useBatchSchedules, useUpdateBatchSchedule } from '../api/batches.queries.ts';
import type { BatchChannel, BatchRun, BatchSchedule } from '../api/batches.types.ts';
import { useNotify } from '../components/Notifications.tsx';
import {
  BATCH_CHANNEL_TABS,
  isBatchChannel,
  RUN_STATUS_LABELS,
  runDaysLabel,
  runTimeLabel,
} from '../lib/batch-labels.ts';
import { errorMessage } from '../lib/errors.ts';
import { formatDate, formatShortDateTimeInZone } from '../lib/format.ts';
import { canManageStore } from '../lib/roles.ts';
import { formatCallerIdName } from '../lib/voice.ts';
import { useStores } from '../session/StoreContext.tsx';

const stop = (e: MouseEvent) => e.stopPropagation();

/** /batches?channel=email: the store's Batch Contacts, one tab per channel (Letters, Emails, Texts, Voice Drops). */
export function BatchSchedulesPage() {
  const { store, user } = useStores();
  const [params, setParams] = useSearchParams();
  const requested = params.get('channel');
  const channel: BatchChannel = isBatchChannel(requested) ? requested : 'letter';
  const canManage = canManageStore(user.role);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Batch contacts
          </Title>
          <Text size="sm" c="dimmed">
            Letters, e-mails, texts and voice drops sent every run day{store ? ` for ${store.name}` : ''}.
          </Text>
        </Stack>
        {store && canManage && (
          <Button component={Link} to={`/batches/new?channel=${channel}`}>
            Add batch
          </Button>
        )}
      </Group>
      <Tabs
        value={channel}
        onChange={(v) => isBatchChannel(v) && setParams({ channel: v }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {BATCH_CHANNEL_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {BATCH_CHANNEL_TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {store ? (
              <BatchTable
                storeId={store.id}
                storeName={store.name}
                timeZone={store.timeZone}
                channel={t.value}
                canManage={canManage}
              />
            ) : (
              <Alert color="yellow">
                You have no store assigned yet. Ask an administrator to give you access to one.
              </Alert>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function BatchTable({
  storeId,
  storeName,
  timeZone,
  channel,
  canManage,
}: {
  storeId: number;
  storeName: string;
  timeZone: string;
  channel: BatchChannel;
  canManage: boolean;
}) {
  const schedules = useBatchSchedules(storeId, channel);
  const update = useUpdateBatchSchedule();
  const notify = useNotify();
  const navigate = useNavigate();
  const tab = BATCH_CHANNEL_TABS.find((t) => t.value === channel);

  if (schedules.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading batches" />
      </Center>
    );
  if (schedules.isError)
    return (
      <Alert color="red" title="Cannot load the batches" role="alert">
        {errorMessage(schedules.error)}
      </Alert>
    );
  if (schedules.data.length === 0)
    return (
      <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
        {storeName} has no {tab?.singular ?? channel} batches yet.
      </Paper>
    );

  const typeLabel = (s: BatchSchedule) =>
    s.kind === 'fetch'
      ? `Fetch Automation: ${s.names.savedQuery ?? `query #${s.savedQueryId}`}`
      : (s.names.contactType ?? '…');

  const setActive = (s: BatchSchedule, active: boolean) =>
    update.mutate(
      { id: s.id, patch: { active } },
      {
        onSuccess: () =>
          notify({
            color: 'green',
            title: active ? 'Batch switched on' : 'Batch switched off',
            message: active ? `“${s.name}” runs again on its run days.` : `“${s.name}” will not run until switched on.`,
          }),
        onError: (e) => notify({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
      },
    );

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover aria-label={`${tab?.label ?? channel} batches`} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>{channel === 'voice' ? 'Recording' : 'Template'}</Table.Th>
            <Table.Th ta="right"># to send</Table.Th>
            <Table.Th ta="right">Days between</Table.Th>
            <Table.Th>Runs</Table.Th>
            <Table.Th>Next run</Table.Th>
            <Table.Th>Last run</Table.Th>
            <Table.Th>Active</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.data.map((s) => (
            <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/batches/${s.id}`)}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/batches/${s.id}`} fw={500} size="sm" onClick={stop}>
                    {s.name}
                  </Anchor>
                  {s.problems.length > 0 && (
                    <Tooltip
                      multiline
                      w={320}
                      withArrow
                      label={
                        <List size="xs" spacing={2}>
                          {s.problems.map((p) => (
                            <List.Item key={p}>{p}</List.Item>
                          ))}
                        </List>
                      }
                    >
                      <Badge color="red" variant="light" size="sm" data-testid="batch-problems">
                        {s.problems.length === 1 ? '1 problem' : `${s.problems.length} problems`}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{typeLabel(s)}</Text>
              </Table.Td>
              <Table.Td>
                {s.channel === 'voice' ? (
                  <Stack gap={0} data-testid="voice-drop">
                    <Text size="sm">{s.names.recording ?? 'No recording'}</Text>
                    <Text size="xs" c="dimmed">
                      {s.names.callerId ? `Caller ID ${formatCallerIdName(s.names.callerId)}` : 'No caller ID'}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm">{s.names.template ?? `Template #${s.templateId}`}</Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{s.dailyLimit}</Table.Td>
              <Table.Td ta="right">{s.daysBetween}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {runDaysLabel(s.runDays)} · {runTimeLabel(s.runTime)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="next-run">
                {s.nextRunAt ? (
                  <Text size="sm">{formatShortDateTimeInZone(s.nextRunAt, timeZone)}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <LastRun run={s.lastRun} />
              </Table.Td>
              <Table.Td onClick={stop}>
                <Switch
                  aria-label={`${s.name} active`}
                  checked={s.active}
                  disabled={!canManage || (update.isPending && update.variables.id === s.id)}
                  onChange={(e) => setActive(s, e.currentTarget.checked)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The latest run's day, status and counts (from the list's own response). */
function LastRun({ run }: { run: BatchRun | null }) {
  if (!run)
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  const status = RUN_STATUS_LABELS[run.status];
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(run.runDate)}</Text>
      <Badge size="sm" variant="light" color={status.color}>
        {status.label}
      </Badge>
      {run.status === 'done' && (
        <Text size="xs" c="dimmed">
          {run.enqueued ?? 0} queued
        </Text>
      )}
    </Group>
  );
}
