import { Alert, Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useCreateSavedQuery, useUpdateSavedQuery } from '../../api/segments.queries.ts';
import type { QueryDetail, SegmentField } from '../../api/segments.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import {
  fieldMap,
  filterProblemsOf,
  fromApiFilter,
  incompleteRules,
  newTree,
  problemsByNode,
  toApiFilter,
  type NodeProblem,
  type UiGroup,
} from '../../lib/filter-tree.ts';
import { useNotify } from '../Notifications.tsx';
import { QueryBuilder } from './QueryBuilder.tsx';
import { QueryResults } from './QueryResults.tsx';
import { useLiveResults } from './useLiveResults.ts';

/** A refused save, remembered with the tree it was about: it shows until the tree changes. */
interface SaveFailure {
  tree: UiGroup;
  problems: Map<string, NodeProblem[]>;
  message: string;
}

const NO_INCOMPLETE = new Map<string, string>();

/** What a save would send, to tell whether anything changed since the last save. */
const snapshot = (name: string, description: string, tree: UiGroup, fields: ReadonlyMap<string, SegmentField>) =>
  JSON.stringify([name.trim(), description.trim(), toApiFilter(tree, fields, { skipIncomplete: false }).filter]);

/**
 * The query editor: name and description, the builder, and the live results beside it.
 * Managers and administrators save; agents read and count.
 */
export function QueryEditor({
  storeId,
  query,
  fields,
  readOnly,
}: {
  storeId: number;
  /** null for a new query. */
  query: QueryDetail | null;
  fields: readonly SegmentField[];
  readOnly: boolean;
}) {
  const byKey = useMemo(() => fieldMap(fields), [fields]);
  const [name, setName] = useState(query?.name ?? '');
  const [description, setDescription] = useState(query?.description ?? '');
  const [tree, setTree] = useState<UiGroup>(() => (query ? fromApiFilter(query.filter) : newTree()));
  const [saved, setSaved] = useState(() => (query ? snapshot(name, description, tree, byKey) : null));
  const [nameError, setNameError] = useState<string | null>(null);
  const [triedSave, setTriedSave] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const live = useLiveResults(storeId, tree, fields);
  const create = useCreateSavedQuery(storeId);
  const update = useUpdateSavedQuery();
  const notify = useNotify();
  const navigate = useNavigate();
  const saving = create.isPending || update.isPending;

  const current = snapshot(name, description, tree, byKey);
  const dirty = saved === null ? current !== snapshot('', '', newTree(), byKey) : current !== saved;
  const unsaved = !readOnly && dirty;
  const shownFailure = failure && failure.tree === tree ? failure : null;
  const problems = shownFailure ? shownFailure.problems : live.problems;
  const incomplete = useMemo(
    () => (triedSave ? new Map(incompleteRules(tree, byKey).map((r) => [r.id, r.reason])) : NO_INCOMPLETE),
    [triedSave, tree, byKey],
  );
  const rootProblems = problems.get(tree.id) ?? [];

  // Closing the tab or reloading with unsaved changes asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || saving) return;
    setTriedSave(true);
    const trimmed = name.trim();
    if (!trimmed) setNameError('Give the query a name.');
    const unfinished = incompleteRules(tree, byKey);
    if (!trimmed || unfinished.length > 0) {
      if (unfinished.length > 0)
        setFailure({
          tree,
          problems: live.problems,
          message: `Finish or remove the ${unfinished.length === 1 ? 'rule' : `${unfinished.length} rules`} marked in the query.`,
        });
      return;
    }
    const sent = toApiFilter(tree, byKey, { skipIncomplete: false });
    const body = { name: trimmed, description: description.trim() || null, filter: sent.filter };
    const onError = (error: Error) => {
      if (isApiError(error) && error.status === 409) {
        setNameError(error.message);
        setFailure({ tree, problems: live.problems, message: error.message });
        return;
      }
      const found = filterProblemsOf(error);
      setFailure({
        tree,
        problems: problemsByNode(found, sent.paths),
        message: found.length > 0 ? 'The query has problems, marked in the builder.' : errorMessage(error),
      });
    };
    if (!query) {
      create.mutate(body, {
        onSuccess: (q) => {
          notify({ color: 'green', title: 'Query saved', message: `“${q.name}” is saved.` });
          void navigate(`/queries/${q.id}`, { replace: true });
        },
        onError,
      });
    } else {
      update.mutate(
        { id: query.id, patch: body },
        {
          onSuccess: (q) => {
            setSaved(snapshot(q.name, q.description ?? '', tree, byKey));
            setName(q.name);
            setDescription(q.description ?? '');
            setFailure(null);
            setTriedSave(false);
            notify({ color: 'green', title: 'Query saved', message: `“${q.name}” is saved.` });
          },
          onError,
        },
      );
    }
  };

  const cancel = () => {
    if (!query) {
      void navigate('/queries');
      return;
    }
    setName(query.name);
    setDescription(query.description ?? '');
    setTree(fromApiFilter(query.filter));
    setFailure(null);
    setTriedSave(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Query">
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-label="Name and description">
              <Stack gap="sm">
                <TextInput
                  label="Name"
                  required
                  maxLength={120}
                  value={name}
                  error={nameError}
                  readOnly={readOnly}
                  onChange={(e) => {
                    setName(e.currentTarget.value);
                    setNameError(null);
                  }}
                />
                <Textarea
                  label="Description"
                  description="What the list is for, so others can reuse it."
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={2000}
                  value={description}
                  readOnly={readOnly}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-label="Rules">
              {rootProblems.length > 0 && (
                <Alert color="red" p="xs" mb="sm" role="alert">
                  {rootProblems.map((p) => p.message).join(' ')}
                </Alert>
              )}
              <QueryBuilder
                tree={tree}
                fields={fields}
                onChange={setTree}
                problems={problems}
                incomplete={incomplete}
                readOnly={readOnly}
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" pos="sticky" top={68}>
            <QueryResults live={live} hasProblems={problems.size > 0} />
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
          {shownFailure && (
            <Alert color="red" title="Not saved" role="alert" p="xs" data-testid="save-failure">
              {shownFailure.message}
            </Alert>
          )}
          <Group justify="flex-end">
            {unsaved && (
              <Text size="sm" c="dimmed" mr="auto" data-testid="unsaved">
                Unsaved changes
              </Text>
            )}
            <Button variant="default" onClick={cancel} disabled={saving || (query !== null && !dirty)}>
              {query ? 'Cancel' : 'Discard'}
            </Button>
            <Button type="submit" disabled={query !== null && !dirty} loading={saving}>
              {query ? 'Save' : 'Save query'}
            </Button>
          </Group>
        </Stack>
      )}
    </form>
  );
}
