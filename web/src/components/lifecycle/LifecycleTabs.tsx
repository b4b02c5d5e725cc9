import { Alert, Badge, Button, Fieldset, Group, Stack, Tabs, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useUpdateLifecycleSetup } from '../../api/lifecycle.queries.ts';
import type { LifecycleSetup } from '../../api/lifecycle.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import {
  countErrors,
  firstTabWithErrors,
  localProblems,
  setupErrorsOf,
  switchesText,
  type SetupTab,
} from '../../lib/lifecycle.ts';
import { useNotify } from '../Notifications.tsx';
import { IntervalsFields } from './IntervalsFields.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { SignatureFields } from './SignatureFields.tsx';
import { StatisticsPanel } from './StatisticsPanel.tsx';
import { useLifecycleForm } from './useLifecycleForm.ts';

const TABS = ['general', 'intervals', 'preview', 'statistics'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => v !== null && (TABS as readonly string[]).includes(v);

function ErrorCount({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <Badge size="xs" color="red" circle aria-label={`${n} to fix`}>
      {n}
    </Badge>
  );
}

/**
 * The set-up in two tabs (General: the signature; Intervals & switches) saved together, then
 * Preview and Statistics. A refusal shows each problem on its field and opens the tab it is on.
 */
export function LifecycleTabs({
  setup,
  storeId,
  timeZone,
  canManage,
}: {
  setup: LifecycleSetup;
  storeId: number;
  timeZone: string;
  canManage: boolean;
}) {
  const form = useLifecycleForm(setup);
  const save = useUpdateLifecycleSetup(storeId);
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = isTab(raw) ? raw : 'general';
  const setTab = (t: Tab) => setParams(t === 'general' ? {} : { tab: t }, { replace: true });

  const refuse = (errors: Record<string, string | undefined>) => {
    form.setErrors(errors);
    const first: SetupTab | null = firstTabWithErrors(errors);
    if (first && first !== tab) setTab(first);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.dirty || !canManage || save.isPending) return;
    const local = localProblems(form.values);
    if (Object.keys(local).length > 0) return refuse(local);
    save.mutate(form.change, {
      onSuccess: (saved) => {
        form.reset(saved);
        notify({ color: 'green', title: '360° Customer Contact saved', message: `${switchesText(saved)}.` });
      },
      onError: (error) => refuse(setupErrorsOf(error)),
    });
  };

  const cancel = () => {
    form.reset(setup);
    save.reset();
  };

  const editing = tab === 'general' || tab === 'intervals';
  return (
    <Tabs value={tab} onChange={(v) => setTab(isTab(v) ? v : 'general')} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="general" rightSection={<ErrorCount n={countErrors(form.errors, 'general')} />}>
          General
        </Tabs.Tab>
        <Tabs.Tab value="intervals" rightSection={<ErrorCount n={countErrors(form.errors, 'intervals')} />}>
          Intervals & switches
        </Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
        <Tabs.Tab value="statistics">Statistics</Tabs.Tab>
      </Tabs.List>
      {editing && (
        <form onSubmit={submit} noValidate aria-label="360° Customer Contact set-up">
          <Fieldset variant="unstyled" disabled={!canManage || save.isPending}>
            <Tabs.Panel value="general">
              <SignatureFields form={form} />
            </Tabs.Panel>
            <Tabs.Panel value="intervals">
              <IntervalsFields form={form} saved={setup} />
            </Tabs.Panel>
          </Fieldset>
          {canManage && (
            <Stack
              gap="sm"
              mt="md"
              pos="sticky"
              bottom={0}
              py="sm"
              bg="var(--mantine-color-body)"
              style={{ zIndex: 3, borderTop: '1px solid var(--mantine-color-default-border)' }}
            >
              {save.isError && (
                <Alert color="red" title="Not saved" role="alert">
                  {errorMessage(save.error)}
                </Alert>
              )}
              <Group justify="flex-end">
                {form.dirty && (
                  <Text size="sm" c="dimmed" mr="auto" data-testid="unsaved">
                    Unsaved changes
                  </Text>
                )}
                <Button variant="default" onClick={cancel} disabled={!form.dirty || save.isPending}>
                  Cancel
                </Button>
                <Button type="submit" disabled={!form.dirty} loading={save.isPending}>
                  Save
                </Button>
              </Group>
            </Stack>
          )}
        </form>
      )}
      <Tabs.Panel value="preview">
        <PreviewPanel
          storeId={storeId}
          timeZone={timeZone}
          canManage={canManage}
          unsaved={form.dirty}
          onShowStatistics={() => setTab('statistics')}
        />
      </Tabs.Panel>
      <Tabs.Panel value="statistics">
        <StatisticsPanel storeId={storeId} timeZone={timeZone} canExport={canManage} />
      </Tabs.Panel>
    </Tabs>
  );
}
