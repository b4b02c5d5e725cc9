import { Alert, Anchor, Breadcrumbs, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useRecycleCodes } from '../api/batches.queries.ts';
import { useStoreSenders, useStoreStaff } from '../api/campaigns.queries.ts';
import { useSavedQuery } from '../api/segments.queries.ts';
import { useTemplates } from '../api/templates.queries.ts';
import { SendCampaignForm } from '../components/campaigns/SendCampaignForm.tsx';
import { CHANNEL_INFO, isCampaignChannel } from '../lib/campaign-form.ts';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** /queries/:queryId/send/:channel: a one-off campaign to a saved query's customers (managers and administrators). */
export function SendCampaignPage() {
  const { queryId, channel } = useParams();
  const id = Number(queryId);
  const valid = Number.isInteger(id) && id > 0 && isCampaignChannel(channel);
  const { user, storeById } = useStores();
  const query = useSavedQuery(valid ? id : null);
  const storeId = query.data?.storeId;
  const templates = useTemplates(storeId, { active: true });
  const staff = useStoreStaff(storeId);
  const senders = useStoreSenders(storeId);
  const recycleCodes = useRecycleCodes(storeId);

  if (!valid) return <NotFoundPage />;
  const info = CHANNEL_INFO[channel];

  const crumbs = (name: string) => (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to="/queries" size="sm">
        Queries
      </Anchor>
      <Anchor component={Link} to={`/queries/${id}`} size="sm">
        {name}
      </Anchor>
      <Text size="sm" c="dimmed">
        {info.action}
      </Text>
    </Breadcrumbs>
  );

  if (!canManageStore(user.role))
    return (
      <Alert color="yellow" title="Only managers and administrators can send campaigns" role="alert">
        <Anchor component={Link} to={`/queries/${id}`}>
          Back to the query
        </Anchor>
      </Alert>
    );

  const failed = [query, templates, staff, senders, recycleCodes].find((q) => q.isError);
  if (failed)
    return (
      <Alert color="red" title="Cannot load what the campaign needs" role="alert">
        {errorMessage(failed.error)}
      </Alert>
    );
  const q = query.data;
  const store = q ? storeById(q.storeId) : undefined;
  if (!q || !templates.data || !staff.data || !senders.data || !recycleCodes.data)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the campaign form" />
      </Center>
    );
  if (!store) return <NotFoundPage />;

  return (
    <Stack gap="md">
      {crumbs(q.name)}
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          {info.action}
        </Title>
        <Text size="sm" c="dimmed">
          {store.name} · to the customers of “{q.name}”
        </Text>
      </Group>
      {q.archived ? (
        <Alert color="yellow" role="alert" title="This query is archived">
          Restore it to send a campaign to its customers.
        </Alert>
      ) : (
        <SendCampaignForm
          key={`${q.id}-${channel}`}
          store={store}
          query={q}
          channel={channel}
          templates={templates.data}
          staff={staff.data}
          senders={senders.data}
          recycleCodes={recycleCodes.data}
        />
      )}
    </Stack>
  );
}
