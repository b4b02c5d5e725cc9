import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useConsent, useContactability } from '../../api/consent.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTimeInZone } from '../../lib/format.ts';
import { useSessionQuery } from '../../session/session.queries.ts';
import { useNotify } from '../Notifications.tsx';
import { ChangeConsentModal } from './ChangeConsentModal.tsx';
import { ConsentHistoryTable } from './ConsentHistoryTable.tsx';
import { ContactabilityGrid } from './ContactabilityGrid.tsx';

/**
 * "Contact permissions": may we contact this customer now, per channel and purpose, and why not;
 * the consent on record; the form to change it; and the history of every change.
 */
export function ContactPermissionsCard({ customerId, timeZone }: { customerId: number; timeZone: string }) {
  const contactability = useContactability(customerId);
  const consent = useConsent(customerId);
  const role = useSessionQuery().data?.user.role;
  const notify = useNotify();
  const [changing, setChanging] = useState(false);

  let body;
  if (contactability.isPending || consent.isPending) {
    body = (
      <Center p="md">
        <Loader size="sm" aria-label="Loading contact permissions" />
      </Center>
    );
  } else if (contactability.isError || consent.isError) {
    body = (
      <Alert color="red" title="Cannot load the contact permissions" role="alert">
        {errorMessage(contactability.error ?? consent.error)}
      </Alert>
    );
  } else {
    body = (
      <Stack gap="md">
        <ContactabilityGrid decisions={contactability.data.decisions} states={consent.data.states} />
        <Text size="xs" c="dimmed">
          Decided for {formatDateTimeInZone(contactability.data.at, timeZone)}. Hover over or focus a status to see why.
        </Text>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Consent history
          </Title>
          <ConsentHistoryTable history={consent.data.history} timeZone={timeZone} />
        </Stack>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Contact permissions">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Contact permissions
        </Title>
        <Button size="xs" variant="light" onClick={() => setChanging(true)}>
          Change consent
        </Button>
      </Group>
      {body}
      <ChangeConsentModal
        customerId={customerId}
        role={role}
        opened={changing}
        onClose={() => setChanging(false)}
        onRecorded={(message) => notify({ color: 'green', title: 'Consent recorded', message })}
      />
    </Paper>
  );
}
