import { Alert, Anchor, Button, Center, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCustomerProfile } from '../api/customers.queries.ts';
import { isApiError } from '../api/client.ts';
import { ContactPermissionsCard } from '../components/consent/ContactPermissionsCard.tsx';
import { CustomerHeaderCard } from '../components/profile/CustomerHeaderCard.tsx';
import { SendMessageModal } from '../components/delivery/SendMessageModal.tsx';
import { useNotify } from '../components/Notifications.tsx';
import { ProfileTabs, type ProfileTab } from '../components/profile/ProfileTabs.tsx';
import { ChannelIcon } from '../components/templates/ChannelBadge.tsx';
import type { HistoryItem } from '../api/delivery.types.ts';
import { errorMessage } from '../lib/errors.ts';
import { formatPhone, formatShortDateTimeInZone } from '../lib/format.ts';
import { useStores } from '../session/StoreContext.tsx';

function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

function NotFound() {
  return (
    <Alert color="yellow" title="Customer not found" role="alert">
      There is no such customer in your stores.{' '}
      <Anchor component={Link} to="/customers" size="sm">
        Back to the search
      </Anchor>
    </Alert>
  );
}

export function CustomerProfilePage() {
  const id = parseId(useParams().customerId);
  const { store: currentStore, storeById, user } = useStores();
  const profile = useCustomerProfile(id);
  const [tab, setTab] = useState<ProfileTab>('vehicles');
  const [sending, setSending] = useState(false);
  const notify = useNotify();

  if (id === null) return <NotFound />;
  if (profile.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading customer" />
      </Center>
    );
  }
  if (profile.isError) {
    if (isApiError(profile.error) && profile.error.status === 404) return <NotFound />;
    return (
      <Alert color="red" title="Cannot load this customer" role="alert">
        {errorMessage(profile.error)}
      </Alert>
    );
  }
  const customer = profile.data.customer;
  const customerStore = storeById(customer.storeId);
  const timeZone = customerStore?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const onSent = (m: HistoryItem) => {
    setSending(false);
    setTab('history');
    const to = m.channel === 'sms' ? formatPhone(m.target) : (m.target ?? '');
    notify({
      color: 'green',
      title: m.status === 'deferred' ? 'Message scheduled' : 'Message queued',
      message:
        m.status === 'deferred' && m.dueAt
          ? `${m.channel === 'sms' ? 'Text' : 'E-mail'} to ${to} waits for quiet hours to end: ${formatShortDateTimeInZone(m.dueAt, timeZone)}.`
          : `${m.channel === 'sms' ? 'Text' : 'E-mail'} to ${to} is queued and goes out in a moment.`,
    });
  };

  return (
    <Stack gap="md">
      <CustomerHeaderCard
        customer={customer}
        store={customerStore}
        showStore={customerStore !== undefined && customerStore.id !== currentStore?.id}
        actions={
          <Button size="xs" leftSection={<ChannelIcon channel="email" />} onClick={() => setSending(true)}>
            Send
          </Button>
        }
      />
      <ContactPermissionsCard customerId={profile.data.customer.id} timeZone={timeZone} />
      <ProfileTabs profile={profile.data} store={customerStore} tab={tab} onTabChange={setTab} />
      <SendMessageModal
        opened={sending}
        onClose={() => setSending(false)}
        onSent={onSent}
        customerId={customer.id}
        customerName={customer.displayName}
        storeId={customer.storeId}
        storeName={customerStore?.name ?? ''}
        userEmail={user.email}
      />
    </Stack>
  );
}
