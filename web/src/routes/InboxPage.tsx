import { Alert, Center, Grid, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useInbox } from '../api/inbox.queries.ts';
import { ThreadList } from '../components/inbox/ThreadList.tsx';
import { ThreadView } from '../components/inbox/ThreadView.tsx';
import { errorMessage } from '../lib/errors.ts';
import { useStores } from '../session/StoreContext.tsx';

/**
 * /inbox: two-way texts. The store's threads (unread counts, the agent each is assigned to, or only
 * mine) and the chosen thread (?customer=): the texts both ways, the assignment and the reply box.
 * A reply the server refuses (quiet hours, no consent) shows why.
 */
export function InboxPage() {
  const { store } = useStores();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === 'true';
  const raw = params.get('customer');
  const selected = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const inbox = useInbox(store?.id, mine);
  const timeZone = store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const update = (change: { mine?: boolean; customer?: number | null }) => {
    const next = new URLSearchParams(params);
    if (change.mine !== undefined) {
      if (change.mine) next.set('mine', 'true');
      else next.delete('mine');
    }
    if (change.customer !== undefined) {
      if (change.customer === null) next.delete('customer');
      else next.set('customer', String(change.customer));
    }
    setParams(next, { replace: true });
  };

  let body;
  if (!store) {
    body = (
      <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
    );
  } else if (inbox.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading the texts" />
      </Center>
    );
  } else if (inbox.isError) {
    body = (
      <Alert color="red" title="Cannot load the texts" role="alert">
        {errorMessage(inbox.error)}
      </Alert>
    );
  } else {
    const summary = inbox.data.find((t) => t.customerId === selected);
    body = (
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          {inbox.data.length === 0 ? (
            <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
              {mine ? 'No threads are assigned to you.' : 'No texts from customers yet.'}
            </Paper>
          ) : (
            <ThreadList
              threads={inbox.data}
              selected={selected}
              onSelect={(id) => update({ customer: id })}
              timeZone={timeZone}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected === null ? (
            <Paper withBorder p="xl" ta="center" c="dimmed">
              Pick a thread to read it and reply.
            </Paper>
          ) : (
            <ThreadView key={selected} customerId={selected} summary={summary} storeId={store.id} timeZone={timeZone} />
          )}
        </Grid.Col>
      </Grid>
    );
  }

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Texts
          </Title>
          <Text size="sm" c="dimmed">
            Customers’ texts to the store’s numbers, one thread per customer. STOP, START and HELP are answered
            automatically and never show here.
          </Text>
        </Stack>
        <SegmentedControl
          aria-label="Which threads"
          value={mine ? 'mine' : 'all'}
          onChange={(v) => update({ mine: v === 'mine' })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'mine', label: 'Mine' },
          ]}
        />
      </Group>
      {body}
    </Stack>
  );
}
