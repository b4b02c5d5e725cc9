import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomerDetail, Store } from '../../api/types.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { Field } from '../Field.tsx';
import { ContactFlagBadges } from './ContactFlagBadges.tsx';
import { ContactMethods } from './ContactMethods.tsx';
import { LastVerified } from './LastVerified.tsx';
import { LikelyToBuy } from './LikelyToBuy.tsx';
import { MailingAddress } from './MailingAddress.tsx';
import { ProfileBadges } from './ProfileBadges.tsx';
import { SalespersonInfo } from './SalespersonInfo.tsx';

const languageLabel = (language: string | null) => (language ? language.slice(0, 2).toUpperCase() : 'none');

/** Everything from the DMS "Customer Information" block, in one dense card. */
export function CustomerHeaderCard({
  customer: c,
  store,
  showStore,
  actions,
}: {
  customer: CustomerDetail;
  store: Store | undefined;
  showStore: boolean;
  /** Buttons beside the verification date (the profile's "Send"). */
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label="Customer information">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs" align="center" wrap="wrap">
            <Title order={1} size="h3">
              {c.displayName}
            </Title>
            {c.likelyToBuy !== null && <LikelyToBuy level={c.likelyToBuy} />}
            <ProfileBadges customer={c} />
            <ContactFlagBadges methods={c.contactMethods} />
            {showStore && store && (
              <Badge variant="outline" color="gray">
                {store.name}
              </Badge>
            )}
          </Group>
          {c.contactName && (
            <Text size="sm" c="dimmed" data-testid="contact-name">
              Contact: {c.contactName}
            </Text>
          )}
        </Stack>
        <Group gap="sm" align="center" wrap="wrap">
          <LastVerified customerId={c.id} lastVerifiedAt={c.lastVerifiedAt} />
          {actions}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" mt="sm">
        <Stack gap={4}>
          <Field label="DMS customer #" testId="dms-number">
            <Text span ff="monospace" size="sm">
              {c.dmsCustomerNumber}
            </Text>
          </Field>
          <Field label="Date of birth">{formatDate(c.dateOfBirth)}</Field>
          {c.otherName && c.otherName !== c.displayName && <Field label="Other name">{c.otherName}</Field>}
          <Field label="Language">{languageLabel(c.language)}</Field>
          <Field label="Labour sales" testId="labour-sales">
            {formatMoney(c.totalLabourSales, store?.country)}
          </Field>
        </Stack>
        <MailingAddress customer={c} />
        <ContactMethods customer={c} />
        <Stack gap={4}>
          <SalespersonInfo customer={c} />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
