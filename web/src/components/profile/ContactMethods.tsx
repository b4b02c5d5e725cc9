import { Anchor, Group, Stack, Tooltip } from '@mantine/core';
import { useContactability } from '../../api/consent.queries.ts';
import type { ContactMethod, CustomerDetail } from '../../api/types.ts';
import { METHOD_SWITCH } from '../../lib/contact-labels.ts';
import { Field } from '../Field.tsx';
import { PhoneLink } from '../PhoneLink.tsx';
import { ContactMethodToggle } from './ContactMethodToggle.tsx';
import { ContactSettingsMenu } from './ContactSettingsMenu.tsx';
import { MethodsOffInfo } from './MethodsOffInfo.tsx';
import { PreferredStar } from './PreferredStar.tsx';

const PHONES: { key: 'homePhone' | 'workPhone' | 'cellPhone'; method: ContactMethod; label: string }[] = [
  { key: 'homePhone', method: 'home_phone', label: 'Home' },
  { key: 'workPhone', method: 'work_phone', label: 'Work' },
  { key: 'cellPhone', method: 'cell_phone', label: 'Cell' },
];

/**
 * Home, work and cell phones and e-mail, each with its on/off switch (green tick / red X), the
 * yellow star on the preferred one and the information icon when any method is off.
 */
export function ContactMethods({ customer: c }: { customer: CustomerDetail }) {
  const methods = c.contactMethods;
  const preferred = methods.preferredContactMethod;
  // Red when it bounced within the store's window (90 days) and nobody verified it since (seed item 8).
  const emailRed = useContactability(c.id).data?.emailRed === true;
  const toggle = (method: ContactMethod) => (
    <ContactMethodToggle customerId={c.id} method={method} on={methods[METHOD_SWITCH[method]]} />
  );
  return (
    <Stack gap={4}>
      {PHONES.map(({ key, method, label }) => {
        const phone = c[key];
        return (
          <Field key={key} label={label} testId={`contact-${method}`}>
            {phone && (
              <Group gap={6} wrap="nowrap">
                <PhoneLink phone={phone} />
                {toggle(method)}
                {preferred === method && <PreferredStar />}
              </Group>
            )}
          </Field>
        );
      })}
      <Field label="E-mail" testId="contact-email">
        {c.email && (
          <Group gap={6} wrap="nowrap">
            <Tooltip label="Bounced in the last 90 days and not verified since" disabled={!emailRed}>
              <Anchor
                href={`mailto:${c.email}`}
                size="sm"
                c={emailRed ? 'red' : 'inherit'}
                style={{ wordBreak: 'break-all' }}
                data-bounced={emailRed ? 'true' : undefined}
                aria-description={emailRed ? 'bounced recently, not verified since' : undefined}
              >
                {c.email}
              </Anchor>
            </Tooltip>
            {toggle('email')}
            {preferred === 'email' && <PreferredStar />}
            <MethodsOffInfo methods={methods} />
          </Group>
        )}
      </Field>
      <ContactSettingsMenu customerId={c.id} methods={methods} />
    </Stack>
  );
}
