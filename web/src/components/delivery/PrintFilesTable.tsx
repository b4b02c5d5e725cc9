import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { PrintFile } from '../../api/print-files.types.ts';
import { formatShortDateTimeInZone } from '../../lib/format.ts';
import {
  PRINT_STATUS_COLOR,
  PRINT_STATUS_LABEL,
  printFileActions,
  printGroupLabel,
  printSizeLabel,
} from '../../lib/print-files.ts';
import { CHANNEL_LABELS } from '../../lib/template-labels.ts';

/** Print files newest first, with what can be done to each: download, close now, mark printed. */
export function PrintFilesTable({
  files,
  timeZone,
  canManage,
  closingId,
  onClose,
  onMarkPrinted,
}: {
  files: readonly PrintFile[];
  timeZone: string;
  canManage: boolean;
  /** The file being closed now (its button shows a spinner). */
  closingId: number | null;
  onClose: (file: PrintFile) => void;
  onMarkPrinted: (file: PrintFile) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label="Print files" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Contents</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Printed</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((f) => {
            const can = printFileActions(f, canManage);
            return (
              <Table.Tr key={f.id} data-testid="print-file-row" data-file-id={f.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {printGroupLabel(f)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      #{f.id}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{CHANNEL_LABELS[f.channel]}</Table.Td>
                <Table.Td data-testid="print-file-size">{printSizeLabel(f)}</Table.Td>
                <Table.Td>
                  <Badge
                    color={PRINT_STATUS_COLOR[f.status]}
                    variant="light"
                    data-testid="print-file-status"
                    data-status={f.status}
                  >
                    {PRINT_STATUS_LABEL[f.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatShortDateTimeInZone(f.createdAt, timeZone)}</Text>
                  {f.closesAt && (
                    <Text size="xs" c="dimmed">
                      closes {formatShortDateTimeInZone(f.closesAt, timeZone)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-testid="print-file-printed">
                  {f.printedAt ? (
                    <Text size="sm">
                      {formatShortDateTimeInZone(f.printedAt, timeZone)}
                      {f.printedBy ? ` by ${f.printedBy}` : ''}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {can.download && f.downloadUrl && (
                      <Button component="a" href={f.downloadUrl} download size="compact-sm" variant="default">
                        Download
                      </Button>
                    )}
                    {can.close && (
                      <Button size="compact-sm" variant="light" loading={closingId === f.id} onClick={() => onClose(f)}>
                        Close now
                      </Button>
                    )}
                    {can.markPrinted && (
                      <Button size="compact-sm" onClick={() => onMarkPrinted(f)}>
                        Mark printed &amp; mailed
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
