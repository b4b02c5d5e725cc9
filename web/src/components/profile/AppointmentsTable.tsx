import { Badge, Table, Text } from '@mantine/core';
import type { Appointment, Vehicle } from '../../api/types.ts';
import { formatDateTimeInZone, vehicleLabel } from '../../lib/format.ts';

const STATUS: Record<string, { label: string; color: string }> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  completed: { label: 'Completed', color: 'green' },
  no_show: { label: 'No-show', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** Appointments with their times in the store's zone, whatever the agent's computer says. */
export function AppointmentsTable({
  appointments,
  vehicles,
  timeZone,
}: {
  appointments: Appointment[];
  vehicles: Vehicle[];
  timeZone: string;
}) {
  if (appointments.length === 0) return <Text c="dimmed">No appointments on file.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped aria-label="Appointments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Appt #</Table.Th>
            <Table.Th>Date and time</Table.Th>
            <Table.Th>Vehicle</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appointments.map((a) => {
            const vehicle = vehicles.find((v) => v.id === a.vehicleId);
            const status = STATUS[a.status] ?? { label: a.status, color: 'gray' };
            return (
              <Table.Tr key={a.id}>
                <Table.Td ff="monospace">{a.number}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeInZone(a.scheduledAt, timeZone)}</Table.Td>
                <Table.Td>{vehicle ? vehicleLabel(vehicle) : ''}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={status.color}>
                    {status.label}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.notes}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
