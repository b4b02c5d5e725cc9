import { Text } from '@mantine/core';
import type { CustomerDetail, SalespersonSource } from '../../api/types.ts';
import { formatDate } from '../../lib/format.ts';
import { Field } from '../Field.tsx';

const SOURCE: Record<SalespersonSource, string> = {
  deal: 'from last sold deal',
  reassignment: 'from reassignment',
  activity: 'from last activity',
};

/**
 * The salesperson from the most recent of last sold deal, reassignment and sales activity; a
 * prospect file says so and names who entered it.
 */
export function SalespersonInfo({ customer: c }: { customer: CustomerDetail }) {
  const sp = c.salesperson;
  return (
    <>
      <Field label="Salesperson" testId="salesperson">
        {c.isProspect && !sp ? (
          'Prospect'
        ) : sp ? (
          <>
            {sp.name}
            {c.isProspect ? ' · Prospect' : ''}
            <Text span size="xs" c="dimmed">
              {' '}
              ({SOURCE[sp.source]}, since {formatDate(sp.since)})
            </Text>
          </>
        ) : null}
      </Field>
      {c.isProspect && <Field label="Entered by">{c.prospectEnteredBy}</Field>}
    </>
  );
}
