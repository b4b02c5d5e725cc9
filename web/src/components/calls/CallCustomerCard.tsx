import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CallEntry } from '../../api/calls.types.ts';
import { useCustomerProfile } from '../../api/customers.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { lineLabel } from '../../lib/calls.ts';
import { formatPhone } from '../../lib/format.ts';
import { useStores } from '../../session/StoreContext.tsx';
import { ContactPermissionsCard } from '../consent/ContactPermissionsCard.tsx';
import { CustomerHeaderCard } from '../profile/CustomerHeaderCard.tsx';
import { ProfileTabs, type ProfileTab } from '../profile/ProfileTabs.tsx';
import { HoldTimer } from './HoldTimer.tsx';

/**
 * The customer an agent has taken: the number to dial (big, one click), the hold's time left, the
 * result form (`children`), then the profile as on the customer page: the summary, the calls
 * logged, the contact permissions, and the vehicles, visits (with deferred work) and history.
 */
export function CallCustomerCard({ entry, children }: { entry: CallEntry; children: ReactNode }) {
  const profile = useCustomerProfile(entry.customerId);
  const { store: currentStore, storeById } = useStores();
  const [tab, setTab] = useState<ProfileTab>('history');
  const customerStore = profile.data ? storeById(profile.data.customer.storeId) : currentStore;
  const timeZone = customerStore?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Customer to call">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={2} size="h3" data-testid="call-customer">
              {entry.customerName}
            </Title>
            {entry.dial ? (
              <Group gap="xs" align="baseline">
                <Anchor href={entry.dial.href} fz={28} fw={700} data-testid="dial-link">
                  {formatPhone(entry.dial.number)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {lineLabel(entry.dial.line)}
                </Text>
              </Group>
            ) : (
              <Alert color="yellow" p="xs" role="status">
                None of this customer’s numbers can be called: log what you did or give them back.
              </Alert>
            )}
            <Anchor component={Link} to={`/customers/${entry.customerId}`} size="sm" target="_blank">
              Open the profile in a new tab
            </Anchor>
          </Stack>
          <HoldTimer key={entry.entryId} lockUntil={entry.lockUntil} />
        </Group>
      </Paper>
      {children}
      {profile.isPending ? (
        <Center p="md">
          <Loader aria-label="Loading customer" />
        </Center>
      ) : profile.isError ? (
        <Alert color="red" title="Cannot load this customer" role="alert">
          {errorMessage(profile.error)}
        </Alert>
      ) : (
        <>
          <CustomerHeaderCard
            customer={profile.data.customer}
            store={customerStore}
            showStore={customerStore !== undefined && customerStore.id !== currentStore?.id}
          />
          <ContactPermissionsCard customerId={entry.customerId} timeZone={timeZone} />
          <ProfileTabs profile={profile.data} store={customerStore} tab={tab} onTabChange={setTab} />
        </>
      )}
    </Stack>
  );
}
