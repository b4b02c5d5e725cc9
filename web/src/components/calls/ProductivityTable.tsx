import { Table } from '@mantine/core';
import type { ProductivityRow } from '../../api/calls.types.ts';
import { formatMinutes, type AgentTotals } from '../../lib/calls.ts';
import { formatDate } from '../../lib/format.ts';

/** Per agent and day: calls, productive contacts, appointments, texts answered, median response; totals last. */
export function ProductivityTable({
  rows,
  totals,
}: {
  rows: readonly ProductivityRow[];
  totals: readonly AgentTotals[];
}) {
  const sorted = [...rows].sort((a, b) =>
    a.day < b.day ? 1 : a.day > b.day ? -1 : a.agentName.localeCompare(b.agentName),
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Productivity per agent and day" verticalSpacing={4} fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            <Table.Th>Agent</Table.Th>
            <Table.Th ta="right">Calls logged</Table.Th>
            <Table.Th ta="right">Productive</Table.Th>
            <Table.Th ta="right">Appointments</Table.Th>
            <Table.Th ta="right">Texts answered</Table.Th>
            <Table.Th ta="right">Median response</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={`${r.day}-${r.userId}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.day)}</Table.Td>
              <Table.Td>{r.agentName}</Table.Td>
              <Table.Td ta="right">{r.callsLogged}</Table.Td>
              <Table.Td ta="right">{r.productive}</Table.Td>
              <Table.Td ta="right">{r.appointmentsBooked}</Table.Td>
              <Table.Td ta="right">{r.textsAnswered}</Table.Td>
              <Table.Td ta="right">{formatMinutes(r.medianResponseMinutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {totals.map((a) => (
            <Table.Tr key={a.userId} fw={600}>
              <Table.Td>Total</Table.Td>
              <Table.Td>{a.agentName}</Table.Td>
              <Table.Td ta="right">{a.callsLogged}</Table.Td>
              <Table.Td ta="right">{a.productive}</Table.Td>
              <Table.Td ta="right">{a.appointmentsBooked}</Table.Td>
              <Table.Td ta="right">{a.textsAnswered}</Table.Td>
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
