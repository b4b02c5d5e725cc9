import { Alert, Badge, Center, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useExportRuns, useExportTargets } from '../api/exports.queries.ts';
import { EXPORT_KINDS, type ExportKind } from '../api/exports.types.ts';
import { useStoreSettings } from '../api/store-settings.queries.ts';
import { ExportRunsTable } from '../components/exports/ExportRunsTable.tsx';
import { ExportTargetCard } from '../components/exports/ExportTargetCard.tsx';
import { errorMessage } from '../lib/errors.ts';
import { PARTNERS } from '../lib/exports.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

const isKind = (v: string | null): v is ExportKind => v !== null && (EXPORT_KINDS as readonly string[]).includes(v);

/**
 * /exports: Partner exports (CustomerLink, MechanicNET, CARFAX): a nightly file of the store's
 * data uploaded to each partner switched on, Run now, and the runs with their files. Managers and
 * administrators only; only administrators may allow a private or loopback server.
 */
export function ExportsPage() {
  const { store, user } = useStores();
  const canManage = canManageStore(user.role);
  const targets = useExportTargets(store?.id, canManage);
  const settings = useStoreSettings(canManage ? store?.id : undefined);
  const runs = useExportRuns(store?.id, canManage);
  const [params, setParams] = useSearchParams();
  const raw = params.get('partner');
  const tab: ExportKind = isKind(raw) ? raw : 'customerlink';

  let body;
  if (!canManage) {
    body = (
      <Alert color="yellow" title="Only managers and administrators can set up partner exports" role="alert">
        Ask a manager of your store.
      </Alert>
    );
  } else if (!store) {
    body = (
      <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
    );
  } else if (targets.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading the partner exports" />
      </Center>
    );
  } else if (targets.isError) {
    body = (
      <Alert color="red" title="Cannot load the partner exports" role="alert">
        {errorMessage(targets.error)}
      </Alert>
    );
  } else {
    body = (
      <>
        <Tabs
          value={tab}
          onChange={(v) => setParams(isKind(v) && v !== 'customerlink' ? { partner: v } : {}, { replace: true })}
        >
          <Tabs.List mb="md">
            {targets.data.map((t) => (
              <Tabs.Tab
                key={t.kind}
                value={t.kind}
                rightSection={
                  <Badge size="xs" variant="light" color={t.enabled ? 'green' : 'gray'}>
                    {t.enabled ? 'On' : 'Off'}
                  </Badge>
                }
              >
                {PARTNERS[t.kind].label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {targets.data.map((t) => (
            // Switching to another store starts the forms afresh; unsaved edits survive a change of tab.
            <Tabs.Panel key={`${store.id}:${t.kind}`} value={t.kind}>
              <ExportTargetCard
                storeId={store.id}
                target={t}
                store={settings.data}
                timeZone={store.timeZone}
                isAdmin={user.role === 'admin'}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        <Paper withBorder p="md" component="section" aria-label="Recent exports">
          <Stack gap="sm">
            <Stack gap={0}>
              <Title order={2} size="h4">
                Recent exports
              </Title>
              <Text size="sm" c="dimmed">
                Every file written for a partner, kept in the data folder: download it to see what was sent. A failed
                upload is tried again after 5, 15 and 45 minutes.
              </Text>
            </Stack>
            {runs.isPending ? (
              <Loader size="sm" aria-label="Loading the exports" />
            ) : runs.isError ? (
              <Alert color="red" title="Cannot load the exports" role="alert">
                {errorMessage(runs.error)}
              </Alert>
            ) : (
              <ExportRunsTable runs={runs.data} timeZone={store.timeZone} />
            )}
          </Stack>
        </Paper>
      </>
    );
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Partner exports
          </Title>
          <Text size="sm" c="dimmed">
            Send this store’s customer and service data to CustomerLink, MechanicNET or CARFAX every night, by FTP, FTPS
            or SFTP.
          </Text>
        </Stack>
        {store && (
          <Text size="sm" c="dimmed">
            {store.name} ({store.code})
          </Text>
        )}
      </Group>
      {body}
    </Stack>
  );
}
