import { Alert, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  useCreateTemplate,
  useMergeTags,
  useTemplateVersionLoader,
  useUpdateTemplate,
} from '../../api/templates.queries.ts';
import type { SavedTemplate, TemplateDetail } from '../../api/templates.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import {
  newTemplateForm,
  toTemplateFormValues,
  toTemplateInput,
  validateTemplateForm,
  type TemplateFormValues,
} from '../../lib/template-form.ts';
import { conversionMessages, removedSummary } from '../../lib/template-labels.ts';
import { templateProblemsOf, type TemplateProblem } from '../../lib/template-problems.ts';
import { useNotify } from '../Notifications.tsx';
import { useStores } from '../../session/StoreContext.tsx';
import { MergeTagPicker } from './MergeTagPicker.tsx';
import { PreviewPanel, type PreviewSource } from './PreviewPanel.tsx';
import type { PreviewCustomer } from './PreviewCustomerPicker.tsx';
import { TemplateFields } from './TemplateFields.tsx';
import { useLivePreview } from './useLivePreview.ts';
import { useTemplateForm } from './useTemplateForm.ts';
import { TestSendButton } from './TestSendButton.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

/** A refused save, remembered with the text it was about: it shows until that text changes. */
interface SaveFailure {
  values: TemplateFormValues;
  problems: TemplateProblem[];
  message: string | null;
}

/**
 * The template editor: settings and text on the left with the merge-field picker, the live
 * preview and the versions on the right. Managers and administrators save; agents read and preview.
 */
export function TemplateEditor({
  storeId,
  storeName,
  timeZone,
  template,
  readOnly,
}: {
  storeId: number;
  storeName: string;
  timeZone: string;
  /** null for a new template. */
  template: TemplateDetail | null;
  readOnly: boolean;
}) {
  const isNew = template === null;
  const [initial] = useState(() => (template ? toTemplateFormValues(template) : newTemplateForm()));
  const form = useTemplateForm(initial, template ? initial : null);
  const [customer, setCustomer] = useState<PreviewCustomer | null>(null);
  const { user } = useStores();
  const [viewing, setViewing] = useState<number | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const live = useLivePreview(storeId, form.values, customer?.id ?? null);
  const create = useCreateTemplate(storeId);
  const update = useUpdateTemplate(template?.id ?? 0);
  const loadVersion = useTemplateVersionLoader();
  const knownPaths = (useMergeTags().data ?? []).map((t) => t.path);
  const notify = useNotify();
  const navigate = useNavigate();
  const saving = create.isPending || update.isPending;

  const shownFailure = failure && failure.values === form.values ? failure : null;
  const problems = shownFailure ? shownFailure.problems : live.problems;
  const started = form.values.name.trim() !== '' || form.values.body.trim() !== '';
  const unsaved = !readOnly && (isNew ? started : form.dirty);

  // Closing the tab or reloading with unsaved changes asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const announce = (saved: SavedTemplate, created: boolean) => {
    notify({
      color: 'green',
      title: created ? 'Template created' : 'Template saved',
      message: created
        ? `“${saved.name}” is saved as version 1.`
        : saved.newVersion
          ? `“${saved.name}” is saved as version ${saved.currentVersion}.`
          : `“${saved.name}”: settings saved; the text is unchanged, so no new version.`,
    });
    const conversions = conversionMessages(saved.converted);
    if (conversions.length > 0)
      notify({
        color: 'blue',
        title: 'Merge fields converted',
        message: (
          <Stack gap={2} component="span">
            {conversions.map((c) => (
              <Text key={c} size="sm" component="span" display="block">
                {c}
              </Text>
            ))}
          </Stack>
        ),
      });
    const removed = removedSummary(saved.removed);
    if (removed) notify({ color: 'yellow', title: 'Unsafe HTML removed', message: removed });
  };

  const onError = (values: TemplateFormValues) => (error: Error) => {
    if (isApiError(error) && error.code === 'conflict') {
      form.setErrors({ name: error.message });
      setFailure({ values, problems: [], message: error.message });
      return;
    }
    const found = templateProblemsOf(error);
    setFailure({ values, problems: found, message: found.length > 0 ? null : errorMessage(error) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || saving) return;
    const errors = validateTemplateForm(form.values);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    const values = form.values;
    if (isNew) {
      create.mutate(toTemplateInput(values), {
        onSuccess: (saved) => {
          announce(saved, true);
          void navigate(`/templates/${saved.id}`, { replace: true });
        },
        onError: onError(values),
      });
    } else if (form.change && form.dirty) {
      update.mutate(form.change, {
        onSuccess: (saved) => {
          form.reset(toTemplateFormValues(saved));
          setViewing(null);
          announce(saved, false);
        },
        onError: onError(values),
      });
    }
  };

  const cancel = () => {
    if (isNew || !form.saved) {
      void navigate('/templates');
      return;
    }
    form.reset(form.saved);
    setFailure(null);
  };

  const replaceSmartQuotes = () => {
    const n = form.replaceSmartQuotes();
    notify({ color: 'green', message: `Replaced ${n} smart ${n === 1 ? 'character' : 'characters'} with plain ones.` });
  };

  const restoreVersion = async (version: number) => {
    if (!template) return;
    try {
      const v = await loadVersion(template.id, version);
      form.set('subject', v.subject ?? '');
      form.set('body', v.body);
      setViewing(null);
      notify({
        color: 'blue',
        title: `Version ${version} copied into the editor`,
        message: 'Save to make it the current version; the versions in between are kept.',
      });
    } catch (e) {
      notify({ color: 'red', title: 'Could not load that version', message: errorMessage(e) });
    }
  };

  const source: PreviewSource =
    viewing !== null && template
      ? { kind: 'version', templateId: template.id, version: viewing }
      : { kind: 'draft', live };
  const saveMessage = shownFailure?.message ?? null;

  return (
    <form onSubmit={submit} noValidate aria-label="Template">
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-label="Template settings and text">
              <TemplateFields
                form={form}
                isNew={isNew}
                readOnly={readOnly}
                problems={problems}
                knownPaths={knownPaths}
                sms={{ figures: live.preview?.sms ?? null, updating: live.updating }}
                onReplaceSmartQuotes={replaceSmartQuotes}
              />
            </Paper>
            {!readOnly && (
              <MergeTagPicker language={form.values.language} target={form.insertInto} onInsert={form.insert} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md" pos="sticky" top={68}>
            <PreviewPanel
              storeId={storeId}
              storeName={storeName}
              channel={form.values.channel}
              source={source}
              customer={customer}
              onCustomerChange={setCustomer}
              onBackToDraft={() => setViewing(null)}
              onRestoreVersion={readOnly || viewing === null ? undefined : () => void restoreVersion(viewing)}
            />
            {template && (
              <VersionsPanel
                versions={template.versions}
                currentVersion={template.currentVersion}
                viewing={viewing}
                timeZone={timeZone}
                onView={setViewing}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {!readOnly && (
        <Stack
          gap="sm"
          mt="md"
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ zIndex: 3, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          {saveMessage && (
            <Alert color="red" title="Not saved" role="alert" p="xs">
              {saveMessage}
            </Alert>
          )}
          {shownFailure && shownFailure.problems.length > 0 && (
            <Alert color="red" title="Not saved" role="alert" p="xs">
              {problemSummary(shownFailure.problems)}
            </Alert>
          )}
          <Group justify="flex-end">
            {unsaved && (
              <Text size="sm" c="dimmed" mr="auto" data-testid="unsaved">
                Unsaved changes
              </Text>
            )}
            {template && (template.channel === 'email' || template.channel === 'sms') && (
              <TestSendButton
                templateId={template.id}
                channel={template.channel}
                defaultTo={user.email}
                customerId={customer?.id ?? null}
                unsaved={unsaved}
              />
            )}
            <Button variant="default" onClick={cancel} disabled={saving || (!isNew && !form.dirty)}>
              {isNew ? 'Discard' : 'Cancel'}
            </Button>
            <Button type="submit" disabled={!isNew && !form.dirty} loading={saving}>
              {isNew ? 'Create template' : 'Save'}
            </Button>
          </Group>
        </Stack>
      )}
    </form>
  );
}

/** "The template has 2 problems, marked under the text." */
function problemSummary(problems: TemplateProblem[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const where = problems.every((p) => p.field === 'subject') ? 'subject' : 'text';
  return `The template has ${count}, marked under the ${where}.`;
}
