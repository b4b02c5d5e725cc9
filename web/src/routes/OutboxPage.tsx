import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useChannels } from '../api/channels.queries.ts';
import { useStoreMessages } from '../api/delivery.queries.ts';
import { MessageDrawer } from '../components/delivery/MessageDrawer.tsx';
import { MessageFilters } from '../components/delivery/MessageFilters.tsx';
import { MessageList } from '../components/delivery/MessageList.tsx';
import { filtersFromParams, filtersToParams, hasFilters } from '../lib/history-filters.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

/**
 * /outbox: every message of the chosen store, newest first, with its status, filtered by status
 * and channel (kept in the URL). Says so when e-mail only goes to the local outbox folder.
 */
export function OutboxPage() {
  const { store, user } = useStores();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const messages = useStoreMessages(store?.id, filters);
  // Only managers and administrators may read the providers; for agents the notice is left out.
  const channels = useChannels(store?.id, canManageStore(user.role));
  const [openId, setOpenId] = useState<number | null>(null);
  const timeZone = store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const localOnly = (channels.data ?? []).filter((c) => c.provider === 'outbox' && c.channel !== 'print');

  return (
    <Stack gap="md">
      <Stack gap={0}>
        <Title order={1} size="h3">
          Outbox
        </Title>
        <Text size="sm" c="dimmed">
          Every message {store ? `${store.name} has` : 'the store has'} queued, sent or held back, newest first. Click
          one to see it as sent, with each attempt.
        </Text>
      </Stack>
      {localOnly.some((c) => c.channel === 'email') && (
        <Alert
          color="blue"
          variant="light"
          title="Local outbox: nothing leaves this computer"
          data-testid="outbox-local-notice"
        >
          Messages are written to the local outbox folder and not sent: e-mails as <code>.eml</code> files
          {localOnly.some((c) => c.channel === 'sms') ? ', texts as JSON' : ''}. An administrator can choose a real
          provider under Store settings → Sending channels.
        </Alert>
      )}
      {!store ? (
        <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
      ) : (
        <>
          <Group justify="space-between" align="center">
            <MessageFilters value={filters} onChange={(next) => setParams(filtersToParams(next), { replace: true })} />
          </Group>
          <MessageList
            query={messages}
            label="Outbox"
            timeZone={timeZone}
            onOpen={setOpenId}
            withCustomer
            emptyText={hasFilters(filters) ? 'No messages match these filters.' : `${store.name} has sent nothing yet.`}
          />
          <MessageDrawer
            messageId={openId}
            timeZone={timeZone}
            storeName={store.name}
            onClose={() => setOpenId(null)}
          />
        </>
      )}
    </Stack>
  );
}
