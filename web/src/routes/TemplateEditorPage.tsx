import { Alert, Anchor, Badge, Breadcrumbs, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTemplate } from '../api/templates.queries.ts';
import { TemplateEditor } from '../components/templates/TemplateEditor.tsx';
import { errorMessage } from '../lib/errors.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** /templates/new and /templates/:templateId: the editor, read-only for agents. */
export function TemplateEditorPage() {
  const { templateId } = useParams();
  const isNew = templateId === undefined;
  const id = isNew ? null : Number(templateId);
  const valid = id === null || (Number.isInteger(id) && id > 0);
  const { store, user, storeById } = useStores();
  const template = useTemplate(valid ? id : null);
  const navigate = useNavigate();
  const readOnly = !canManageStore(user.role);

  // Switching to another store leaves the editor for that store's list.
  const storeId = store?.id;
  const openedIn = useRef(storeId);
  useEffect(() => {
    if (openedIn.current !== storeId) void navigate('/templates');
  }, [storeId, navigate]);

  if (!valid) return <NotFoundPage />;

  const crumbs = (name: string) => (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to="/templates" size="sm">
        Templates
      </Anchor>
      <Text size="sm" c="dimmed">
        {name}
      </Text>
    </Breadcrumbs>
  );

  if (isNew) {
    if (!store) return <Alert color="yellow">You have no store to write templates for.</Alert>;
    if (readOnly)
      return (
        <Alert color="yellow" title="Only managers and administrators can create templates" role="alert">
          <Anchor component={Link} to="/templates">
            Back to the templates
          </Anchor>
        </Alert>
      );
    return (
      <Stack gap="md">
        {crumbs('New template')}
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h3">
            New template
          </Title>
          <Text size="sm" c="dimmed">
            {store.name}
          </Text>
        </Group>
        <TemplateEditor
          storeId={store.id}
          storeName={store.name}
          timeZone={store.timeZone}
          template={null}
          readOnly={false}
        />
      </Stack>
    );
  }

  if (template.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the template" />
      </Center>
    );
  if (template.isError)
    return (
      <Alert color="red" title="Cannot load the template" role="alert">
        {errorMessage(template.error)}
      </Alert>
    );

  const t = template.data;
  const owner = storeById(t.storeId);
  return (
    <Stack gap="md">
      {crumbs(t.name)}
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <Title order={1} size="h3" data-testid="template-title">
            {t.name}
          </Title>
          <Badge variant="light" color="gray" ff="monospace">
            v{t.currentVersion}
          </Badge>
          {t.isDefault && (
            <Badge variant="outline" color="gray">
              Default
            </Badge>
          )}
          {!t.active && (
            <Badge variant="light" color="gray">
              Inactive
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {owner?.name}
        </Text>
      </Group>
      {readOnly && (
        <Alert color="yellow" role="status" p="xs">
          Only managers and administrators can change templates; you can read and preview them.
        </Alert>
      )}
      <TemplateEditor
        key={t.id}
        storeId={t.storeId}
        storeName={owner?.name ?? ''}
        timeZone={owner?.timeZone ?? 'UTC'}
        template={t}
        readOnly={readOnly}
      />
    </Stack>
  );
}
