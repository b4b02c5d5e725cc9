import { List, Table, Text } from '@mantine/core';
import type { Vehicle, Visit } from '../../api/types.ts';
import { departmentLabel, formatDate, formatMoney, formatNumber, vehicleLabel } from '../../lib/format.ts';

export function VisitsTable({
  visits,
  vehicles,
  country,
}: {
  visits: Visit[];
  vehicles: Vehicle[];
  country: string | undefined;
}) {
  if (visits.length === 0) return <Text c="dimmed">No service visits on file.</Text>;
  const vehicleOf = (id: number | null) => vehicles.find((v) => v.id === id);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label="Service visits">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>RO #</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Dept</Table.Th>
            <Table.Th>Vehicle</Table.Th>
            <Table.Th ta="right">Odometer</Table.Th>
            <Table.Th ta="right">Labour</Table.Th>
            <Table.Th ta="right">Parts</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Deferred items</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visits.map((v) => {
            const vehicle = vehicleOf(v.vehicleId);
            return (
              <Table.Tr key={v.id} style={{ verticalAlign: 'top' }}>
                <Table.Td ff="monospace">{v.roNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.date)}</Table.Td>
                <Table.Td>{departmentLabel(v.department)}</Table.Td>
                <Table.Td>{vehicle ? vehicleLabel(vehicle) : ''}</Table.Td>
                <Table.Td ta="right">{formatNumber(v.odometer)}</Table.Td>
                <Table.Td ta="right">{formatMoney(v.labourTotal, country)}</Table.Td>
                <Table.Td ta="right">{formatMoney(v.partsTotal, country)}</Table.Td>
                <Table.Td>{v.description}</Table.Td>
                <Table.Td>
                  {v.deferredItems.length > 0 && (
                    <List size="sm" spacing={0} aria-label={`Deferred items on RO ${v.roNumber}`}>
                      {v.deferredItems.map((item, i) => (
                        <List.Item key={i}>{item}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
