import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One "label: value" line of a dense details card; an empty value shows a dash. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Group gap={6} wrap="nowrap" align="baseline" data-testid={testId}>
      <Text span size="xs" c="dimmed" miw={92} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text span size="sm" component="div">
        {empty ? '—' : children}
      </Text>
    </Group>
  );
}
