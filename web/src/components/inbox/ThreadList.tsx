import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TextThreadSummary } from '../../api/inbox.types.ts';
import { formatPhone, formatShortDateTimeInZone } from '../../lib/format.ts';

/** The store's text threads, the latest first: who, the last text, unread count, the agent on it. */
export function ThreadList({
  threads,
  selected,
  onSelect,
  timeZone,
}: {
  threads: readonly TextThreadSummary[];
  selected: number | null;
  onSelect: (customerId: number) => void;
  timeZone: string;
}) {
  return (
    <Stack gap={4} role="list" aria-label="Text threads">
      {threads.map((t) => {
        const active = t.customerId === selected;
        return (
          <Paper
            key={t.customerId}
            withBorder
            p={0}
            role="listitem"
            bg={active ? 'indigo.0' : undefined}
            style={{ borderColor: active ? 'var(--mantine-color-indigo-4)' : undefined }}
          >
            <UnstyledButton
              w="100%"
              p="xs"
              onClick={() => onSelect(t.customerId)}
              aria-current={active ? 'true' : undefined}
              aria-label={`${t.customerName}${t.unread ? `, ${t.unread} unread` : ''}`}
              data-testid={`thread-${t.customerId}`}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={t.unread ? 700 : 500} truncate>
                  {t.customerName}
                </Text>
                {t.unread > 0 && (
                  <Badge size="sm" color="red" circle={t.unread < 10} data-testid="unread">
                    {t.unread}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {t.lastBody}
              </Text>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t.number ? formatPhone(t.number) : ''} · {formatShortDateTimeInZone(t.lastInboundAt, timeZone)}
                </Text>
                <Text size="xs" c={t.assignedTo ? 'indigo' : 'dimmed'} data-testid="assigned-to">
                  {t.assignedTo ? t.assignedTo.name : 'Unassigned'}
                </Text>
              </Group>
            </UnstyledButton>
          </Paper>
        );
      })}
    </Stack>
  );
}
