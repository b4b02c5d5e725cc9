import { Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useHistory } from '../../api/delivery.queries.ts';
import type { MessageFilters as Filters } from '../../api/delivery.types.ts';
import { hasFilters } from '../../lib/history-filters.ts';
import { MessageDrawer } from './MessageDrawer.tsx';
import { MessageFilters } from './MessageFilters.tsx';
import { MessageList } from './MessageList.tsx';
import { RepliesList } from './RepliesList.tsx';
import { CallResultsList } from '../calls/CallResultsList.tsx';

/**
 * The profile's "Contact history": what the customer sent us, the calls agents logged (under
 * their names), and every message to this customer, newest first, with filters.
 */
export function ContactHistory({
  customerId,
  timeZone,
  storeName,
}: {
  customerId: number;
  timeZone: string;
  storeName: string;
}) {
  const [filters, setFilters] = useState<Filters>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const history = useHistory(customerId, filters);
  return (
    <section aria-label="Contact history">
      <RepliesList customerId={customerId} timeZone={timeZone} />
      <Paper withBorder p="sm" mb="md" component="section" aria-label="Calls logged">
        <Title order={3} size="h6" mb="xs">
          Calls logged
        </Title>
        <CallResultsList customerId={customerId} timeZone={timeZone} />
      </Paper>
      <Group justify="space-between" align="center" mb="xs" wrap="wrap">
        <MessageFilters value={filters} onChange={setFilters} />
        <Text size="xs" c="dimmed">
          Times in the store’s zone. Click a message to see it as sent.
        </Text>
      </Group>
      <MessageList
        query={history}
        label="Contact history"
        timeZone={timeZone}
        onOpen={setOpenId}
        emptyText={
          hasFilters(filters) ? 'No messages match these filters.' : 'Nothing has been sent to this customer yet.'
        }
      />
      <MessageDrawer messageId={openId} timeZone={timeZone} storeName={storeName} onClose={() => setOpenId(null)} />
    </section>
  );
}
