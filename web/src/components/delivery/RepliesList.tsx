import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useReplies } from '../../api/delivery.queries.ts';
import type { Reply } from '../../api/delivery.types.ts';
import { formatShortDateTimeInZone } from '../../lib/format.ts';

const KEYWORD: Record<Reply['keyword'], { label: string; color: string } | null> = {
  stop: { label: 'STOP: texting turned off', color: 'red' },
  start: { label: 'START', color: 'green' },
  help: { label: 'HELP: help text sent', color: 'blue' },
  message: null,
};

/** Texts the customer sent us: replies an agent should read, and the STOP/START/HELP keywords. */
export function RepliesList({ customerId, timeZone }: { customerId: number; timeZone: string }) {
  const replies = useReplies(customerId);
  const items = replies.data ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" mb="md" component="section" aria-label="Replies from the customer">
      <Title order={3} size="h6" mb="xs">
        Replies from the customer
      </Title>
      <Stack gap={6}>
        {items.map((r) => {
          const k = KEYWORD[r.keyword];
          return (
            <Group key={r.id} gap="sm" wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" w={140} style={{ flexShrink: 0 }}>
                {formatShortDateTimeInZone(r.receivedAt, timeZone)}
              </Text>
              <Text size="sm" style={{ flex: 1 }}>
                {r.body}
              </Text>
              {k && (
                <Badge size="sm" variant="light" color={k.color}>
                  {k.label}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
