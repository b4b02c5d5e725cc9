import { Alert, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useStoreSettings } from '../api/store-settings.queries.ts';
import { StoreSettingsForm } from '../components/settings/StoreSettingsForm.tsx';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

/** /settings/store: the chosen store's settings; agents may look but not change them. */
export function StoreSettingsPage() {
  const { store, user } = useStores();
  const settings = useStoreSettings(store?.id);
  const readOnly = !canManageStore(user.role);

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
      {body}
    </Stack>
  );
}
