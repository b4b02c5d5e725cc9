import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Width of the label column, shared so label/value pairs line up across a card. */
export const LABEL_WIDTH = 100;

/** One "label: value" line of a dense details card; an empty value shows a dash. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Group gap={6} wrap="nowrap" align="baseline" data-testid={testId}>
      <Text span size="xs" c="dimmed" miw={LABEL_WIDTH} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Text span size="sm" component="div">
        {empty ? '—' : children}
      </Text>
    </Group>
  );
}
