import { Anchor, Group, Stack } from '@mantine/core';
import type { ContactMethod, CustomerDetail } from '../../api/types.ts';
import { Field } from '../Field.tsx';
import { PhoneLink } from '../PhoneLink.tsx';
import { PreferredStar } from './PreferredStar.tsx';

const PHONES: { key: 'homePhone' | 'workPhone' | 'cellPhone'; method: ContactMethod; label: string }[] = [
  { key: 'homePhone', method: 'home_phone', label: 'Home' },
  { key: 'workPhone', method: 'work_phone', label: 'Work' },
  { key: 'cellPhone', method: 'cell_phone', label: 'Cell' },
];

/** Home, work and cell phones and e-mail, with the yellow star on the preferred one. */
export function ContactMethods({ customer: c }: { customer: CustomerDetail }) {
  const preferred = c.preferredContactMethod;
  return (
    <Stack gap={4}>
      {PHONES.map(({ key, method, label }) => {
        const phone = c[key];
        return (
          <Field key={key} label={label} testId={`contact-${method}`}>
            {phone && (
              <Group gap={6} wrap="nowrap">
                <PhoneLink phone={phone} />
                {preferred === method && <PreferredStar />}
              </Group>
            )}
          </Field>
        );
      })}
      <Field label="E-mail" testId="contact-email">
        {c.email && (
          <Group gap={6} wrap="nowrap">
            <Anchor href={`mailto:${c.email}`} size="sm" c="inherit" style={{ wordBreak: 'break-all' }}>
              {c.email}
            </Anchor>
            {preferred === 'email' && <PreferredStar />}
          </Group>
        )}
      </Field>
    </Stack>
  );
}
