import { Button, Group, Text } from '@mantine/core';
import { useVerifyCustomer } from '../../api/customers.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { monthsDaysAgo } from '../../lib/format.ts';
import { useNotify } from '../Notifications.tsx';

/**
 * "Last verified: 2 months, 3 days ago" and the Verified button, so agents need not ask a
 * customer who calls twice a week to confirm their details every time.
 */
export function LastVerified({ customerId, lastVerifiedAt }: { customerId: number; lastVerifiedAt: string | null }) {
  const verify = useVerifyCustomer(customerId);
  const notify = useNotify();
  const at = lastVerifiedAt ? new Date(lastVerifiedAt) : null;

  const onVerify = () =>
    verify.mutate(undefined, {
      onSuccess: () =>
        notify({ color: 'green', title: 'Verified', message: 'Contact information marked as verified.' }),
      onError: (e) => notify({ color: 'red', title: 'Could not record verification', message: errorMessage(e) }),
    });

  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" data-testid="last-verified" title={at ? at.toLocaleString() : undefined}>
        <Text span c="dimmed" size="sm">
          Last verified:
        </Text>{' '}
        {at ? monthsDaysAgo(at, new Date()) : 'never'}
      </Text>
      <Button size="xs" variant="light" color="green" onClick={onVerify} loading={verify.isPending}>
        Verified
      </Button>
    </Group>
  );
}
