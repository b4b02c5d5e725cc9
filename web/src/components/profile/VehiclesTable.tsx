import { Badge, Table, Text } from '@mantine/core';
import type { Vehicle } from '../../api/types.ts';
import { formatNumber, vehicleLabel } from '../../lib/format.ts';

export function VehiclesTable({ vehicles }: { vehicles: Vehicle[] }) {
  if (vehicles.length === 0) return <Text c="dimmed">No vehicles on file.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Vehicles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vehicle</Table.Th>
            <Table.Th>Engine</Table.Th>
            <Table.Th>VIN</Table.Th>
            <Table.Th>Plate</Table.Th>
            <Table.Th ta="right">Odometer</Table.Th>
            <Table.Th>Contact</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vehicles.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                {vehicleLabel(v)}
                {v.subModel ? ` ${v.subModel}` : ''}
              </Table.Td>
              <Table.Td>{v.engine}</Table.Td>
              <Table.Td ff="monospace">{v.vin}</Table.Td>
              <Table.Td>
                {v.plate}
                {v.plate && v.plateRegion ? ` (${v.plateRegion})` : ''}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(v.odometer)}</Table.Td>
              <Table.Td>
                {v.contactOff && (
                  <Badge color="red" variant="filled" size="sm">
                    Off for contact ({v.contactOffReason === 'body_shop' ? 'body shop' : 'user'})
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
