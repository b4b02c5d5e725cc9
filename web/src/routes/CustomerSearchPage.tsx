import { Alert, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_LIMIT, searchCustomers } from '../api/customers.ts';
import { CustomerResultsTable } from '../components/CustomerResultsTable.tsx';
import { errorMessage } from '../lib/errors.ts';
import { useStores } from '../session/StoreContext.tsx';

const DEBOUNCE_MS = 250;

/** One box for name, phone, e-mail, DMS #, VIN or plate; the query lives in the URL (?q=). */
export function CustomerSearchPage() {
  const { store } = useStores();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);

  // Keep the URL in step so Back from a profile returns to the same results.
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, params, setParams]);

  const storeId = store?.id;
  const results = useQuery({
    queryKey: ['customers', 'search', storeId, debounced],
    queryFn: ({ signal }) => searchCustomers(storeId ?? 0, debounced, signal),
    enabled: storeId !== undefined && debounced !== '',
    // While typing, keep the last results on screen; never show another store's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === storeId ? previous : undefined),
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          Customers
        </Title>
        {store && (
          <Text size="sm" c="dimmed">
            {store.name}
          </Text>
        )}
      </Group>
      <TextInput
        label="Search customers"
        placeholder="Name, phone, e-mail, DMS #, VIN or plate"
        type="search"
        autoFocus
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        rightSection={results.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
        maw={560}
      />
      {!store ? (
        <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
      ) : debounced === '' ? (
        <Paper withBorder p="xl" ta="center" c="dimmed">
          Find a customer by name, phone, e-mail, DMS #, VIN or plate.
        </Paper>
      ) : results.isError ? (
        <Alert color="red" title="Search failed">
          {errorMessage(results.error)}
        </Alert>
      ) : results.data === undefined ? null : results.data.length === 0 ? (
        <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
          No customers match “{debounced}” in {store.name}.
        </Paper>
      ) : (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" role="status">
            {results.data.length === SEARCH_LIMIT
              ? `Showing the first ${SEARCH_LIMIT} matches — add more to narrow the search.`
              : `${results.data.length} ${results.data.length === 1 ? 'match' : 'matches'}`}
          </Text>
          <CustomerResultsTable customers={results.data} />
        </Stack>
      )}
    </Stack>
  );
}
