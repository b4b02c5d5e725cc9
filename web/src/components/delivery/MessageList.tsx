import { Alert, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { HistoryItem, HistoryPage } from '../../api/delivery.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { countLabel, flattenPages } from '../../lib/history-filters.ts';
import { MessagesTable } from './MessagesTable.tsx';

/**
 * A paged list of messages: loading, failure and empty states, the table, and "Load more" for
 * the next (older) page.
 */
export function MessageList<T extends HistoryItem>({
  query,
  label,
  timeZone,
  onOpen,
  withCustomer = false,
  emptyText,
}: {
  query: UseInfiniteQueryResult<InfiniteData<HistoryPage<T>>>;
  label: string;
  timeZone: string;
  onOpen: (id: number) => void;
  withCustomer?: boolean;
  emptyText: string;
}) {
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={`Loading ${label.toLowerCase()}`} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={`Cannot load the ${label.toLowerCase()}`} role="alert">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  const messages = flattenPages(query.data.pages);
  if (messages.length === 0) {
    return (
      <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
        {emptyText}
      </Paper>
    );
  }
  return (
    <Stack gap={4}>
      <MessagesTable
        messages={messages}
        timeZone={timeZone}
        onOpen={onOpen}
        withCustomer={withCustomer}
        label={label}
      />
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed" role="status">
          {countLabel(messages.length, query.hasNextPage)}
        </Text>
        {query.hasNextPage && (
          <Button
            variant="default"
            size="xs"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            Load more
          </Button>
        )}
      </Group>
    </Stack>
  );
}
