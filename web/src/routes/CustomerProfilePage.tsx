import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCustomerProfile } from '../api/customers.queries.ts';
import { isApiError } from '../api/client.ts';
import { ContactPermissionsCard } from '../components/consent/ContactPermissionsCard.tsx';
import { CustomerHeaderCard } from '../components/profile/CustomerHeaderCard.tsx';
import { ProfileTabs } from '../components/profile/ProfileTabs.tsx';
import { errorMessage } from '../lib/errors.ts';
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
  const { store: currentStore, storeById } = useStores();
  const profile = useCustomerProfile(id);

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
  const customerStore = storeById(profile.data.customer.storeId);
  return (
    <Stack gap="md">
      <CustomerHeaderCard
        customer={profile.data.customer}
        store={customerStore}
        showStore={customerStore !== undefined && customerStore.id !== currentStore?.id}
      />
      <ContactPermissionsCard
        customerId={profile.data.customer.id}
        timeZone={customerStore?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
      />
      <ProfileTabs profile={profile.data} store={customerStore} />
    </Stack>
  );
}
