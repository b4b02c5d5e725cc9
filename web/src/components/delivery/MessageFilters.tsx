import { Group, Select } from '@mantine/core';
import type { MessageFilters as Filters } from '../../api/delivery.types.ts';
import { ALL, CHANNEL_FILTER_OPTIONS, filtersFrom, STATUS_FILTER_OPTIONS } from '../../lib/history-filters.ts';

/** Channel and status selects above a list of messages. */
export function MessageFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  return (
    <Group gap="sm" wrap="wrap">
      <Select
        aria-label="Channel"
        size="xs"
        w={170}
        data={CHANNEL_FILTER_OPTIONS}
        value={value.channel ?? ALL}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, channel: filtersFrom(v, null).channel })}
      />
      <Select
        aria-label="Status"
        size="xs"
        w={170}
        data={STATUS_FILTER_OPTIONS}
        value={value.status ?? ALL}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, status: filtersFrom(null, v).status })}
      />
    </Group>
  );
}
