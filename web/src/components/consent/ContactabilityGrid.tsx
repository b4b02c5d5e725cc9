import { Table } from '@mantine/core';
import {
  CHANNELS,
  PURPOSES,
  type Channel,
  type ConsentState,
  type ContactDecision,
  type Purpose,
} from '../../api/consent.types.ts';
import { CHANNEL_LABEL, PURPOSE_LABEL } from '../../lib/contact-labels.ts';
import { ConsentStateText } from './ConsentStateText.tsx';
import { DecisionBadge } from './DecisionBadge.tsx';

const find = <T extends { channel: Channel; purpose: Purpose }>(list: T[], channel: Channel, purpose: Purpose) =>
  list.find((x) => x.channel === channel && x.purpose === purpose);

/** Channels × purposes: may we contact now (with why not), and the recorded consent behind it. */
export function ContactabilityGrid({ decisions, states }: { decisions: ContactDecision[]; states: ConsentState[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Contact permissions by channel" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Channel</Table.Th>
            {PURPOSES.map((p) => (
              <Table.Th key={p}>{PURPOSE_LABEL[p]} now</Table.Th>
            ))}
            {PURPOSES.map((p) => (
              <Table.Th key={p}>{PURPOSE_LABEL[p]} consent</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHANNELS.map((channel) => (
            <Table.Tr key={channel} data-testid={`permissions-${channel}`}>
              <Table.Th scope="row" fw={500}>
                {CHANNEL_LABEL[channel]}
              </Table.Th>
              {PURPOSES.map((purpose) => {
                const d = find(decisions, channel, purpose);
                return <Table.Td key={purpose}>{d ? <DecisionBadge decision={d} /> : '—'}</Table.Td>;
              })}
              {PURPOSES.map((purpose) => (
                <Table.Td key={purpose}>
                  <ConsentStateText state={find(states, channel, purpose)} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
