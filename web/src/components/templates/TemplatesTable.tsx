import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TemplateSummary } from '../../api/templates.types.ts';
import { formatDate } from '../../lib/format.ts';
import { contactTypeLabel, LANGUAGE_LABELS, PURPOSE_LABELS } from '../../lib/template-labels.ts';
import { ChannelBadge } from './ChannelBadge.tsx';

const stop = (e: MouseEvent) => e.stopPropagation();

/** A store's templates; a click anywhere on a row opens the editor (the name is the keyboard link). */
export function TemplatesTable({ templates }: { templates: TemplateSummary[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label="Templates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Contact type</Table.Th>
            <Table.Th>Language</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Version</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((t) => (
            <Table.Tr key={t.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/templates/${t.id}`)}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/templates/${t.id}`} fw={500} size="sm" onClick={stop}>
                    {t.name}
                  </Anchor>
                  {t.isDefault && (
                    <Tooltip label="Shipped with Forecourt (360° letters); yours to edit">
                      <Badge variant="outline" color="gray" size="xs">
                        Default
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <ChannelBadge channel={t.channel} />
              </Table.Td>
              <Table.Td>
                <Text span size="sm">
                  {contactTypeLabel(t.contactType)}
                </Text>
              </Table.Td>
              <Table.Td>{LANGUAGE_LABELS[t.language]}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={t.purpose === 'marketing' ? 'violet' : 'blue'} size="sm">
                  {PURPOSE_LABELS[t.purpose]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {t.active ? (
                  <Badge color="green" variant="light" size="sm">
                    Active
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light" size="sm">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                v{t.currentVersion}
              </Table.Td>
              <Table.Td>
                <Text span size="sm" c="dimmed">
                  {formatDate(t.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
