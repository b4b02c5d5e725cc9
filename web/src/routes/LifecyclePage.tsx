import { Alert, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useLifecycleSetup } from '../api/lifecycle.queries.ts';
import { LifecycleTabs } from '../components/lifecycle/LifecycleTabs.tsx';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

/**
 * /lifecycle: 360° Customer Contact (Tools → Location → CRM Setup): the signature, the intervals
 * and switches of the automated service e-mails and postcards, a preview of today's run, and the
 * statistics. Everybody with a store may look; managers and administrators change and run it.
 */
export function LifecyclePage() {
  const { store, user } = useStores();
  const setup = useLifecycleSetup(store?.id);
  const canManage = canManageStore(user.role);

  let body;
  if (!store) {
    body = (
      <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
    );
  } else if (setup.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading 360° Customer Contact" />
      </Center>
    );
  } else if (setup.isError) {
    body = (
      <Alert color="red" title="Cannot load 360° Customer Contact" role="alert">
        {errorMessage(setup.error)}
      </Alert>
    );
  } else {
    // Switching to another store starts the form afresh.
    body = (
      <LifecycleTabs
        key={store.id}
        setup={setup.data}
        storeId={store.id}
        timeZone={store.timeZone}
        canManage={canManage}
      />
    );
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            360° Customer Contact
          </Title>
          <Text size="sm" c="dimmed">
            Automated service follow-up: reminders before the next visit, no-show and thank-you notes, deferred work and
            inactive customers, by e-mail or postcard, every day at the run time.
          </Text>
        </Stack>
        {store && (
          <Text size="sm" c="dimmed">
            {store.name} ({store.code})
          </Text>
        )}
      </Group>
      {store && !canManage && (
        <Alert color="yellow" role="status" p="xs">
          Only managers and administrators can change or run 360° Customer Contact; you can look and preview.
        </Alert>
      )}
      {body}
    </Stack>
  );
}
