import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TemplateVersionRef } from '../../api/templates.types.ts';
import { formatDateTimeInZone } from '../../lib/format.ts';

/**
 * Every saved version, newest first. Saving a new subject or body adds one; old versions never
 * change, so what history says was sent can always be shown again.
 */
export function VersionsPanel({
  versions,
  currentVersion,
  viewing,
  timeZone,
  onView,
}: {
  versions: TemplateVersionRef[];
  currentVersion: number;
  viewing: number | null;
  timeZone: string;
  onView: (version: number | null) => void;
}) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Paper withBorder p="md" component="section" aria-label="Versions">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Versions
        </Title>
        <Table aria-label="Template versions" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Saved</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((v) => {
              const shown = viewing === v.version;
              return (
                <Table.Tr key={v.version} bg={shown ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" mr={6}>
                      v{v.version}
                    </Text>
                    {v.version === currentVersion && (
                      <Badge size="xs" variant="light" color="green">
                        Current
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text span size="xs">
                      {formatDateTimeInZone(v.createdAt, timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text span size="xs" c="dimmed">
                      {v.createdBy === null ? 'Forecourt' : `User #${v.createdBy}`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant={shown ? 'filled' : 'default'}
                      onClick={() => onView(shown ? null : v.version)}
                      aria-label={shown ? `Stop viewing version ${v.version}` : `View version ${v.version}`}
                    >
                      {shown ? 'Viewing' : 'View'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
