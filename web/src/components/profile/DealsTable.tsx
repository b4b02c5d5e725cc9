import { Table, Text } from '@mantine/core';
import type { Deal } from '../../api/types.ts';
import { formatDate } from '../../lib/format.ts';

const SALE_TYPE: Record<string, string> = { new: 'New', used: 'Used', lease: 'Lease' };

export function DealsTable({ deals }: { deals: Deal[] }) {
  if (deals.length === 0) return <Text c="dimmed">No deals on file.</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped aria-label="Deals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deal #</Table.Th>
            <Table.Th>Sold on</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Salesperson</Table.Th>
            <Table.Th>Vehicle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td ff="monospace">{d.dealNumber}</Table.Td>
              <Table.Td>{formatDate(d.soldOn)}</Table.Td>
              <Table.Td>{d.saleType ? (SALE_TYPE[d.saleType] ?? d.saleType) : ''}</Table.Td>
              <Table.Td>{d.salesperson}</Table.Td>
              <Table.Td>{d.vehicle}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
