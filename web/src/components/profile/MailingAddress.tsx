import { Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { CustomerDetail } from '../../api/types.ts';
import { Field, LABEL_WIDTH } from '../Field.tsx';
import { ContactMethodToggle } from './ContactMethodToggle.tsx';
import { PreferredStar } from './PreferredStar.tsx';

/** The lines an envelope carries, in order; empty parts dropped. */
export function addressLines(c: CustomerDetail): string[] {
  const a = c.address;
  const cityLine = [[a.city, a.region].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join('  ');
  return [c.mailingName ?? c.displayName, a.line1, a.line2, cityLine, a.country].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
}

/** "Address To" and the mailing address as plain, selectable text, with its on/off switch and a copy button. */
export function MailingAddress({ customer: c }: { customer: CustomerDetail }) {
  const lines = addressLines(c);
  const hasAddress = Boolean(c.address.line1 || c.address.city);
  return (
    <Stack gap={4}>
      <Field label="Address To" testId="address-to">
        {c.addressTo}
      </Field>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text span size="xs" c="dimmed" miw={LABEL_WIDTH} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          Mailing address
        </Text>
        {hasAddress ? (
          <Stack gap={2}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text
                component="address"
                size="sm"
                aria-label="Mailing address"
                style={{ fontStyle: 'normal', userSelect: 'text', whiteSpace: 'pre' }}
              >
                {lines.join('\n')}
              </Text>
              <ContactMethodToggle customerId={c.id} method="mail" on={c.contactMethods.mailOn} />
              {c.contactMethods.preferredContactMethod === 'mail' && <PreferredStar />}
            </Group>
            <CopyButton value={lines.join('\n')}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy} w="fit-content" px={0}>
                  {copied ? 'Copied' : 'Copy address'}
                </Button>
              )}
            </CopyButton>
          </Stack>
        ) : (
          <Text span size="sm">
            —
          </Text>
        )}
      </Group>
    </Stack>
  );
}
