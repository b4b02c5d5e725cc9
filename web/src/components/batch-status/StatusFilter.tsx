import { Button, CheckIcon, Group, Text } from '@mantine/core';
import type { BatchContactStatus, StatusCounts } from '../../api/batch-status.types.ts';
import { BATCH_STATUS_LABEL } from '../../lib/batch-status.ts';

/**
 * One toggle per status, as DealerMine's Batch Contact Status has them: a green check keeps the
 * status in the search, a grey check leaves it out.
 */
export function StatusFilter({
  statuses,
  counts,
  excluded,
  onToggle,
}: {
  statuses: readonly BatchContactStatus[];
  counts: StatusCounts;
  excluded: readonly BatchContactStatus[];
  onToggle: (status: BatchContactStatus) => void;
}) {
  if (statuses.length === 0) return null;
  return (
    <Group gap="xs" role="group" aria-label="Statuses to include">
      {statuses.map((s) => {
        const included = !excluded.includes(s);
        return (
          <Button
            key={s}
            size="compact-sm"
            radius="xl"
            variant={included ? 'light' : 'default'}
            color={included ? 'green' : 'gray'}
            aria-pressed={included}
            data-testid={`status-filter-${s}`}
            leftSection={
              <CheckIcon size={10} color={included ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-gray-5)'} />
            }
            onClick={() => onToggle(s)}
          >
            <Text span size="sm" c={included ? undefined : 'dimmed'} td={included ? undefined : 'line-through'}>
              {BATCH_STATUS_LABEL[s]}
            </Text>
            <Text span size="xs" c="dimmed" ml={6}>
              {counts[s] ?? 0}
            </Text>
          </Button>
        );
      })}
    </Group>
  );
}
