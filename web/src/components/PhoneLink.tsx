import type { MouseEvent } from 'react';
import { Anchor } from '@mantine/core';
import { formatPhone } from '../lib/format.ts';

/** A phone number as North Americans read it, dialable with one click. */
export function PhoneLink({ phone, onClick }: { phone: string; onClick?: (e: MouseEvent) => void }) {
  return (
    <Anchor href={`tel:${phone}`} size="sm" c="inherit" onClick={onClick} style={{ whiteSpace: 'nowrap' }}>
      {formatPhone(phone)}
    </Anchor>
  );
}
