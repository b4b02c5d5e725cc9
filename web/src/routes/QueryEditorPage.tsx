import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { savedQueryCsvUrl } from '../api/exports.ts';
import { useSavedQuery, useSegmentFields } from '../api/segments.queries.ts';
import { QueryEditor } from '../components/segments/QueryEditor.tsx';
import { CAMPAIGN_CHANNELS, CHANNEL_INFO } from '../lib/campaign-form.ts';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** /queries/new and /queries/:queryId: the query builder with its live count, read-only for agents. */
export function QueryEditorPage() {
  const { queryId } = useParams();
  const isNew = queryId === undefined;
  const id = isNew ? null : Number(queryId);
  const valid = id === null || (Number.isInteger(id) && id > 0);
  const { store, user, storeById } = useStores();
  const query = useSavedQuery(valid ? id : null);
  const fields = useSegmentFields();
  const navigate = useNavigate();
  const readOnly = !canManageStore(user.role);

  // Switching to another store leaves the editor for that store's list.
  const storeId = store?.id;
  const openedIn = useRef(storeId);
  useEffect(() => {
    if (openedIn.current !== storeId) void navigate('/queries');
  }, [storeId, navigate]);

  if (!valid) return <NotFoundPage />;

  const crumbs = (name: string) => (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to="/queries" size="sm">
        Queries
      </Anchor>
      <Text size="sm" c="dimmed">
        {name}
      </Text>
    </Breadcrumbs>
  );

  if ((!isNew && query.isPending) || fields.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the query" />
      </Center>
    );
  if (fields.isError)
    return (
      <Alert color="red" title="Cannot load the fields to filter on" role="alert">
        {errorMessage(fields.error)}
      </Alert>
    );

  if (isNew) {
    if (!store) return <Alert color="yellow">You have no store to build queries for.</Alert>;
    if (readOnly)
      return (
        <Alert color="yellow" title="Only managers and administrators can create queries" role="alert">
          <Anchor component={Link} to="/queries">
            Back to the queries
          </Anchor>
        </Alert>
      );
    return (
      <Stack gap="md">
        {crumbs('New query')}
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h3">
            New query
          </Title>
          <Text size="sm" c="dimmed">
            {store.name}
          </Text>
        </Group>
        <QueryEditor storeId={store.id} query={null} fields={fields.data} readOnly={false} />
      </Stack>
    );
  }

  if (query.isError)
    return (
      <Alert color="red" title="Cannot load the query" role="alert">
        {errorMessage(query.error)}
      </Alert>
    );

  const q = query.data;
  if (!q) return null;
  return (
    <Stack gap="md">
      {crumbs(q.name)}
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <Title order={1} size="h3" data-testid="query-title">
            {q.name}
          </Title>
          {q.archived && (
            <Badge variant="light" color="gray">
              Archived
            </Badge>
          )}
        </Group>
        <Group gap="sm" align="center">
          <Text size="sm" c="dimmed">
            {storeById(q.storeId)?.name}
          </Text>
          {!readOnly && (
            <Button
              component="a"
              href={savedQueryCsvUrl(q.id)}
              download
              variant="default"
              size="sm"
              title="The saved query’s customers, one line each, for a mail merge"
            >
              Export for mail merge (CSV)
            </Button>
          )}
          {!readOnly && <QueryTools queryId={q.id} archived={q.archived} />}
        </Group>
      </Group>
      {readOnly && (
        <Alert color="yellow" role="status" p="xs">
          Only managers and administrators can change queries; you can read them and see who they match.
        </Alert>
      )}
      <QueryEditor key={q.id} storeId={q.storeId} query={q} fields={fields.data} readOnly={readOnly} />
    </Stack>
  );
}

/** "Tools": a one-off campaign to the saved query's customers on each channel (the seeds' Send Text …). */
function QueryTools({ queryId, archived }: { queryId: number; archived: boolean }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm">
          Tools
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {archived && <Menu.Label>Restore the query to send to it</Menu.Label>}
        {CAMPAIGN_CHANNELS.map((c) => (
          <Menu.Item key={c} component={Link} to={`/queries/${queryId}/send/${c}`} disabled={archived}>
            {CHANNEL_INFO[c].action}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
