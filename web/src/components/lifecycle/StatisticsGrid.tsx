import { Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { LifecycleStep } from '../../api/lifecycle.types.ts';
import { formatDate } from '../../lib/format.ts';
import { resultsText, STEP_LABELS, tallyText, type StatisticsCell, type StatisticsTable } from '../../lib/lifecycle.ts';

export interface ChosenCell {
  day: string;
  step: LifecycleStep;
}

/** One cell: e-mails and postcards with what became of them; a button that lists its messages. */
function Cell({
  cell,
  label,
  chosen,
  onChoose,
}: {
  cell: StatisticsCell | undefined;
  label: string;
  chosen: boolean;
  onChoose?: () => void;
}) {
  if (!cell) return <Text c="dimmed">—</Text>;
  const lines = (['email', 'postcard'] as const)
    .filter((ch) => cell[ch].total > 0)
    .map((ch) => (
      <Stack gap={0} key={ch}>
        <Text size="sm" fw={500}>
          {tallyText(cell[ch].total, ch)}
        </Text>
        <Text size="xs" c="dimmed">
          {resultsText(cell[ch].byStatus)}
        </Text>
      </Stack>
    ));
  if (!onChoose) return <Stack gap={4}>{lines}</Stack>;
  return (
    <UnstyledButton
      onClick={onChoose}
      aria-label={label}
      aria-pressed={chosen}
      p={4}
      style={{
        borderRadius: 4,
        outline: chosen ? '2px solid var(--mantine-color-indigo-5)' : undefined,
        textDecoration: 'none',
      }}
    >
      <Stack gap={4}>{lines}</Stack>
    </UnstyledButton>
  );
}

/** Show Statistics: the messages of each day (rows) and step (columns); a cell lists that day's messages. */
export function StatisticsGrid({
  table,
  chosen,
  onChoose,
}: {
  table: StatisticsTable;
  chosen: ChosenCell | null;
  onChoose: (cell: ChosenCell) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label="Messages per day and step" withColumnBorders verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            {table.steps.map((s) => (
              <Table.Th key={s}>{STEP_LABELS[s]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.days.map(({ day, cells }) => (
            <Table.Tr key={day}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(day)}</Table.Td>
              {table.steps.map((step) => (
                <Table.Td key={step}>
                  <Cell
                    cell={cells[step]}
                    label={`${STEP_LABELS[step]} on ${formatDate(day)}`}
                    chosen={chosen?.day === day && chosen.step === step}
                    onChoose={() => onChoose({ day, step })}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {table.days.length > 1 && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Total</Table.Th>
              {table.steps.map((s) => (
                <Table.Td key={s}>
                  <Cell cell={table.totals[s]} label={`${STEP_LABELS[s]} in total`} chosen={false} />
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
