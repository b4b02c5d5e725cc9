import { Alert, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useStoreSettings } from '../api/store-settings.queries.ts';
import { ChannelsSection } from '../components/settings/channels/ChannelsSection.tsx';
import { StoreSettingsForm } from '../components/settings/StoreSettingsForm.tsx';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

/**
 * /settings/store: the chosen store's settings; agents may look but not change them. Managers and
 * administrators also see the sending channels (?tab=channels), which only administrators change.
 */
export function StoreSettingsPage() {
  const { store, user } = useStores();
  const settings = useStoreSettings(store?.id);
  const readOnly = !canManageStore(user.role);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'channels' && !readOnly ? 'channels' : 'general';

  let body;
  if (!store) {
    body = <Alert color="yellow">You have no store to set up.</Alert>;
  } else if (settings.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading store settings" />
      </Center>
    );
  } else if (settings.isError) {
    body = (
      <Alert color="red" title="Cannot load the store settings" role="alert">
        {errorMessage(settings.error)}
      </Alert>
    );
  } else {
    // Switching to another store starts the form afresh.
    body = <StoreSettingsForm key={store.id} settings={settings.data} readOnly={readOnly} />;
  }

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          Store settings
        </Title>
        {store && (
          <Text size="sm" c="dimmed">
            {store.name} ({store.code})
          </Text>
        )}
      </Group>
      {readOnly && (
        <Alert color="yellow" role="status">
          Only managers and administrators can change store settings.
        </Alert>
      )}
      {readOnly || !store ? (
        body
      ) : (
        <Tabs
          value={tab}
          onChange={(v) => setParams(v === 'channels' ? { tab: 'channels' } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="general">General</Tabs.Tab>
            <Tabs.Tab value="channels">Sending channels</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="general">{body}</Tabs.Panel>
          <Tabs.Panel value="channels">
            <ChannelsSection
              key={store.id}
              storeId={store.id}
              readOnly={user.role !== 'admin'}
              timeZone={store.timeZone}
            />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
