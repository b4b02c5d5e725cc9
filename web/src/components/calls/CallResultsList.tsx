import { Alert, Badge, Loader, Table, Text } from '@mantine/core';
import { useCallResults } from '../../api/calls.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone, formatShortDateTimeInZone } from '../../lib/format.ts';

/** A customer's logged calls, newest first: when, who, the result, the number and the note. */
export function CallResultsList({ customerId, timeZone }: { customerId: number; timeZone: string }) {
  const calls = useCallResults(customerId);
  if (calls.isPending) return <Loader size="sm" aria-label="Loading the call results" />;
  if (calls.isError)
    return (
      <Alert color="red" title="Cannot load the call results" role="alert">
        {errorMessage(calls.error)}
      </Alert>
    );
  if (calls.data.length === 0)
    return (
      <Text size="sm" c="dimmed" role="status">
        No calls logged yet.
      </Text>
    );
  return (
    <Table aria-label="Call results" verticalSpacing={4} fz="sm" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Agent</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Number</Table.Th>
          <Table.Th>Note</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calls.data.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortDateTimeInZone(c.createdAt, timeZone)}</Table.Td>
            <Table.Td>{c.agentName}</Table.Td>
            <Table.Td>
              {c.recycleCodeName}{' '}
              {c.productive && (
                <Badge size="xs" color="green" variant="light">
                  Productive
                </Badge>
              )}
              {c.appointmentId !== null && (
                <Badge size="xs" color="indigo" variant="light">
                  Appointment
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.phone ? formatPhone(c.phone) : ''}</Table.Td>
            <Table.Td>{c.note ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
