import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTemplates } from '../api/templates.queries.ts';
import {
  filtersFromParams,
  TemplateFilters,
  type TemplateFilterValues,
} from '../components/templates/TemplateFilters.tsx';
import { TemplatesTable } from '../components/templates/TemplatesTable.tsx';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { contactTypeLabel } from '../lib/template-labels.ts';
import { useStores } from '../session/StoreContext.tsx';

/** /templates: the chosen store's templates, filtered by channel and language (kept in the URL). */
export function TemplatesPage() {
  const { store, user } = useStores();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const templates = useTemplates(store?.id, { channel: filters.channel, language: filters.language });

  const setFilters = (next: TemplateFilterValues) => {
    const p: Record<string, string> = {};
    if (next.channel) p.channel = next.channel;
    if (next.language) p.language = next.language;
    if (next.search) p.q = next.search;
    setParams(p, { replace: true });
  };

  const search = filters.search.trim().toLowerCase();
  const shown = useMemo(
    () =>
      (templates.data ?? []).filter(
        (t) =>
          search === '' ||
          t.name.toLowerCase().includes(search) ||
          contactTypeLabel(t.contactType).toLowerCase().includes(search),
      ),
    [templates.data, search],
  );

  let body;
  if (!store) {
    body = (
      <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
    );
  } else if (templates.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading templates" />
      </Center>
    );
  } else if (templates.isError) {
    body = (
      <Alert color="red" title="Cannot load the templates" role="alert">
        {errorMessage(templates.error)}
      </Alert>
    );
  } else if (shown.length === 0) {
    body = (
      <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
        {templates.data.length === 0 && !filters.channel && !filters.language
          ? `${store.name} has no templates yet.`
          : 'No templates match these filters.'}
      </Paper>
    );
  } else {
    body = (
      <Stack gap={4}>
        <Text size="xs" c="dimmed" role="status">
          {shown.length} {shown.length === 1 ? 'template' : 'templates'}
        </Text>
        <TemplatesTable templates={shown} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Templates
          </Title>
          <Text size="sm" c="dimmed">
            Letters, e-mails, texts and voice scripts{store ? ` for ${store.name}` : ''}, with merge fields filled in
            for each customer.
          </Text>
        </Stack>
        {store && canManageStore(user.role) && (
          <Button component={Link} to="/templates/new">
            New template
          </Button>
        )}
      </Group>
      <TemplateFilters value={filters} onChange={setFilters} />
      {body}
    </Stack>
  );
}
