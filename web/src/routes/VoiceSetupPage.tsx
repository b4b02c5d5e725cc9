import { Alert, Stack, Text, Title } from '@mantine/core';
import { CallerIdsSection } from '../components/voice/CallerIdsSection.tsx';
import { RecordingsSection } from '../components/voice/RecordingsSection.tsx';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

/**
 * /voice: Voice Drop set-up. The recordings voice drops play and the caller IDs they show; a
 * store needs one active of each before it can schedule voice drops. Managers and administrators
 * change them; others can listen.
 */
export function VoiceSetupPage() {
  const { store, user } = useStores();
  const canManage = canManageStore(user.role);
  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h3">
          Voice drops
        </Title>
        <Text size="sm" c="dimmed">
          Ringless voice drops leave a recorded voicemail without ringing the phone. Batches and campaigns choose a
          recording and a caller ID from here{store ? ` for ${store.name}` : ''}.
        </Text>
      </Stack>
      {!store ? (
        <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
      ) : (
        <>
          {!canManage && (
            <Alert color="yellow" role="status" p="xs">
              Only managers and administrators can add or change recordings and caller IDs; you can listen to them.
            </Alert>
          )}
          <RecordingsSection key={`r${store.id}`} storeId={store.id} canManage={canManage} />
          <CallerIdsSection key={`c${store.id}`} storeId={store.id} canManage={canManage} />
        </>
      )}
    </Stack>
  );
}
