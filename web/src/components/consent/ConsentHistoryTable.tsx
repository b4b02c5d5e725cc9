import { Badge, Table, Text } from '@mantine/core';
import type { ConsentEvent } from '../../api/consent.types.ts';
import { BASIS_LABEL, CHANNEL_LABEL, PURPOSE_LABEL, SOURCE_LABEL, consentActor } from '../../lib/contact-labels.ts';
import { formatDateTimeInZone } from '../../lib/format.ts';

/** The consent ledger, newest first: who changed what, when, on what basis and with what wording. */
export function ConsentHistoryTable({ history, timeZone }: { history: ConsentEvent[]; timeZone: string }) {
  if (history.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No consent has been recorded for this customer.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label="Consent history" verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Basis</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Wording shown</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((e) => (
            <Table.Tr key={e.id} style={{ verticalAlign: 'top' }}>
              <Table.Td
                style={{ whiteSpace: 'nowrap' }}
                title={`Recorded ${formatDateTimeInZone(e.recordedAt, timeZone)}`}
              >
                {formatDateTimeInZone(e.occurredAt, timeZone)}
              </Table.Td>
              <Table.Td>{CHANNEL_LABEL[e.channel]}</Table.Td>
              <Table.Td>{PURPOSE_LABEL[e.purpose]}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={e.granted ? 'green' : 'red'} style={{ textTransform: 'none' }}>
                  {e.granted ? 'Granted' : 'Withdrawn'}
                </Badge>
              </Table.Td>
              <Table.Td>{e.basis ? BASIS_LABEL[e.basis] : '—'}</Table.Td>
              <Table.Td>{SOURCE_LABEL[e.source]}</Table.Td>
              <Table.Td>{consentActor(e)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>{e.wording ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
