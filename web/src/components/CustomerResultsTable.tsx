import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CustomerListRow } from '../api/types.ts';
import { vehicleLabel } from '../lib/format.ts';
import { CustomerBadges } from './CustomerBadges.tsx';
import { PhoneLink } from './PhoneLink.tsx';

const PHONES = [
  ['cellPhone', 'C', 'Cell'],
  ['homePhone', 'H', 'Home'],
  ['workPhone', 'W', 'Work'],
] as const;

const stop = (e: MouseEvent) => e.stopPropagation();

/** Search results; a click anywhere on a row opens the profile (the name is the keyboard link). */
export function CustomerResultsTable({ customers }: { customers: CustomerListRow[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Customers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>DMS #</Table.Th>
            <Table.Th>Phones</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th>City</Table.Th>
            <Table.Th>Vehicles</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/customers/${c.id}`)}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/customers/${c.id}`} fw={500} size="sm" onClick={stop}>
                    {c.displayName}
                  </Anchor>
                  <CustomerBadges customerType={c.customerType} isProspect={c.isProspect} />
                </Group>
              </Table.Td>
              <Table.Td ff="monospace">{c.dmsCustomerNumber}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {PHONES.map(([key, short, long]) => {
                    const phone = c[key];
                    return phone ? (
                      <Group key={key} gap={4} wrap="nowrap">
                        <Text span size="xs" c="dimmed" title={long} w={12}>
                          {short}
                        </Text>
                        <PhoneLink phone={phone} onClick={stop} />
                      </Group>
                    ) : null;
                  })}
                </Stack>
              </Table.Td>
              <Table.Td>{c.email}</Table.Td>
              <Table.Td>{c.city}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {c.vehicles.slice(0, 3).map((v) => (
                    <Text key={v.vin} size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {vehicleLabel(v) || v.vin}
                      {v.plate ? ` · ${v.plate}` : ''}
                    </Text>
                  ))}
                  {c.vehicles.length > 3 && (
                    <Text size="xs" c="dimmed">
                      +{c.vehicles.length - 3} more
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
