import { Alert, Anchor, Button, Center, Group, Loader, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { savedQueryCsvUrl } from '../api/exports.ts';
import { useSavedQueries, useUpdateSavedQuery } from '../api/segments.queries.ts';
import type { QuerySummary } from '../api/segments.types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useNotify } from '../components/Notifications.tsx';
import { errorMessage } from '../lib/errors.ts';
import { formatShortDateTimeInZone } from '../lib/format.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

const stop = (e: MouseEvent) => e.stopPropagation();

/** /queries: the chosen store's saved queries ("Fetch"), with archiving and restoring for managers. */
export function QueriesPage() {
  const { store, user } = useStores();
  const [archived, setArchived] = useState(false);
  const queries = useSavedQueries(store?.id, archived);
  const update = useUpdateSavedQuery();
  const notify = useNotify();
  const navigate = useNavigate();
  const [archiving, setArchiving] = useState<QuerySummary | null>(null);
  const canManage = canManageStore(user.role);

  const setArchivedFlag = (q: QuerySummary, flag: boolean) =>
    update.mutate(
      { id: q.id, patch: { archived: flag } },
      {
        onSuccess: () => {
          setArchiving(null);
          notify({
            color: 'green',
            title: flag ? 'Query archived' : 'Query restored',
            message: flag ? `“${q.name}” is archived.` : `“${q.name}” is back in the list.`,
          });
        },
        onError: (e) => {
          setArchiving(null);
          notify({ color: 'red', title: flag ? 'Not archived' : 'Not restored', message: errorMessage(e) });
        },
      },
    );

  let body;
  if (!store) {
    body = (
      <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
    );
  } else if (queries.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading queries" />
      </Center>
    );
  } else if (queries.isError) {
    body = (
      <Alert color="red" title="Cannot load the queries" role="alert">
        {errorMessage(queries.error)}
      </Alert>
    );
  } else if (queries.data.length === 0) {
    body = (
      <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
        {archived ? `${store.name} has no archived queries.` : `${store.name} has no saved queries yet.`}
      </Paper>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover aria-label="Saved queries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Updated</Table.Th>
              {canManage && <Table.Th w={290} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queries.data.map((q) => (
              <Table.Tr key={q.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/queries/${q.id}`)}>
                <Table.Td>
                  <Anchor component={Link} to={`/queries/${q.id}`} fw={500} size="sm" onClick={stop}>
                    {q.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {q.description}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text span size="sm" c="dimmed">
                    {formatShortDateTimeInZone(q.updatedAt, store.timeZone)}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td ta="right" onClick={stop} style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      href={savedQueryCsvUrl(q.id)}
                      download
                      size="sm"
                      mr="sm"
                      title={`The customers of “${q.name}”, one line each, for a mail merge`}
                    >
                      Export for mail merge (CSV)
                    </Anchor>
                    {archived ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-label={`Restore ${q.name}`}
                        loading={update.isPending && update.variables.id === q.id}
                        onClick={() => setArchivedFlag(q, false)}
                      >
                        Restore
                      </Button>
                    ) : (
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        aria-label={`Archive ${q.name}`}
                        onClick={() => setArchiving(q)}
                      >
                        Archive
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Queries
          </Title>
          <Text size="sm" c="dimmed">
            Saved customer lists{store ? ` for ${store.name}` : ''}: rules on customers, vehicles, visits and deals,
            counted live.
          </Text>
        </Stack>
        {store && canManage && (
          <Button component={Link} to="/queries/new">
            New query
          </Button>
        )}
      </Group>
      <Switch
        label="Show archived queries"
        checked={archived}
        onChange={(e) => setArchived(e.currentTarget.checked)}
        w="fit-content"
      />
      {body}
      <ConfirmDialog
        opened={archiving !== null}
        title="Archive this query?"
        confirmLabel="Archive"
        loading={update.isPending}
        onConfirm={() => archiving && setArchivedFlag(archiving, true)}
        onCancel={() => setArchiving(null)}
      >
        “{archiving?.name}” leaves the list of queries. You can restore it from the archived queries.
      </ConfirmDialog>
    </Stack>
  );
}
