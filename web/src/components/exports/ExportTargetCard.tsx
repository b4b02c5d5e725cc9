import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useRunExport, useSaveExportTarget } from '../../api/exports.queries.ts';
import type { ExportTarget, ExportTargetChange } from '../../api/exports.types.ts';
import type { StoreSettings } from '../../api/store-settings.ts';
import { errorMessage } from '../../lib/errors.ts';
import {
  consentRequired,
  enabledText,
  exportChange,
  exportProblemsOf,
  localExportProblems,
  PARTNERS,
  readOnlyFields,
  switchOnProblems,
  toExportForm,
  withProtocol,
  type ExportFormErrors,
  type ExportFormValues,
} from '../../lib/exports.ts';
import { formatDateTimeInZone } from '../../lib/format.ts';
import { useNotify } from '../Notifications.tsx';
import { ConnectionFields } from './ConnectionFields.tsx';
import { RunResult } from './RunResult.tsx';
import { SwitchOnDialog } from './SwitchOnDialog.tsx';

/**
 * One partner's export: its IDs, the store's read-only contact card, the connection (the
 * password write-only), Save; the On/Off switch (on only after the confirmation or terms
 * dialog, saving what is typed with it); Run now with its result.
 */
export function ExportTargetCard({
  storeId,
  target,
  store,
  timeZone,
  isAdmin,
}: {
  storeId: number;
  target: ExportTarget;
  store: StoreSettings | undefined;
  timeZone: string;
  isAdmin: boolean;
}) {
  const [values, setValues] = useState<ExportFormValues>(() => toExportForm(target));
  const [errors, setErrors] = useState<ExportFormErrors>({});
  const [refused, setRefused] = useState<string[]>([]);
  const [consent, setConsent] = useState<string | null>(null);
  const save = useSaveExportTarget(storeId, target.kind);
  const run = useRunExport(storeId, target.kind);
  const notify = useNotify();
  const { label, description } = PARTNERS[target.kind];
  const change = exportChange(values, target);
  const dirty = Object.keys(change).length > 0;
  const needed = switchOnProblems(target.kind, values, target.passwordSet);

  const edit = (patch: Partial<ExportFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors({});
    setRefused([]);
  };

  /** Sends a change; a refusal lists what is missing, a request for confirmation opens the dialog. */
  const send = (body: ExportTargetChange, after: (saved: ExportTarget) => void) => {
    const local = localExportProblems(values);
    if (Object.keys(local).length > 0) {
      setConsent(null);
      return setErrors(local);
    }
    save.mutate(body, {
      onSuccess: (saved) => {
        setRefused([]);
        after(saved);
      },
      onError: (error) => {
        const text = consentRequired(error);
        if (text !== null) return setConsent(text || target.consentText);
        setConsent(null);
        setRefused(exportProblemsOf(error));
      },
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || save.isPending) return;
    send(change, (saved) => {
      setValues(toExportForm(saved));
      notify({ color: 'green', title: `${label} saved`, message: enabledText(saved, timeZone) });
    });
  };

  const toggle = (on: boolean) => {
    save.reset();
    if (!on) {
      // Only the switch: what is typed stays typed (and unsaved).
      return send({ enabled: false }, (saved) =>
        notify({ color: 'blue', title: `${label} switched off`, message: enabledText(saved, timeZone) }),
      );
    }
    const local = localExportProblems(values);
    if (Object.keys(local).length > 0) return setErrors(local);
    if (needed.length > 0) return setRefused(needed);
    setConsent(target.consentText);
  };

  const confirm = () =>
    send({ ...change, enabled: true, confirm: true }, (saved) => {
      setConsent(null);
      setValues(toExportForm(saved));
      notify({ color: 'green', title: `${label} switched on`, message: enabledText(saved, timeZone) });
    });

  const fixed = readOnlyFields(target.kind, store);
  return (
    <Paper withBorder p="md" component="section" aria-label={`${label} export`}>
      <form onSubmit={submit} noValidate aria-label={`${label} export settings`}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap={8}>
                <Title order={2} size="h4">
                  {label}
                </Title>
                <Badge variant="light" color={target.enabled ? 'green' : 'gray'} data-testid="export-state">
                  {target.enabled ? 'On' : 'Off'}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
              <Switch
                size="md"
                label={target.enabled ? 'On' : 'Off'}
                aria-label={`Send to ${label} every night`}
                checked={target.enabled}
                disabled={save.isPending}
                onChange={(e) => toggle(e.currentTarget.checked)}
              />
              {target.updatedAt && (
                <Text size="xs" c="dimmed" ta="right">
                  Changed {formatDateTimeInZone(target.updatedAt, timeZone)}
                </Text>
              )}
            </Stack>
          </Group>
          {target.consent && target.enabled && (
            <Text size="xs" c="dimmed" data-testid="export-consent">
              {target.kind === 'carfax' ? 'Terms agreed to' : 'Data sharing confirmed'}{' '}
              {formatDateTimeInZone(target.consent.at, timeZone)}.
            </Text>
          )}
          <Fieldset variant="unstyled" disabled={save.isPending}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {target.kind === 'customerlink' && (
                  <TextInput
                    label="Account Number"
                    description="The account number CustomerLink supplied; it is in the file’s name."
                    required
                    value={values.accountNumber}
                    onChange={(e) => edit({ accountNumber: e.currentTarget.value })}
                  />
                )}
                {target.kind === 'mechanicnet' && (
                  <TextInput
                    label="Shop ID"
                    description="The shop ID MechanicNET supplied."
                    required
                    value={values.shopId}
                    onChange={(e) => edit({ shopId: e.currentTarget.value })}
                  />
                )}
                {fixed.map((f) => (
                  <TextInput
                    key={f.label}
                    label={f.label}
                    description={f.description}
                    value={f.value}
                    readOnly
                    variant="filled"
                  />
                ))}
              </SimpleGrid>
              <Title order={3} size="h6" mt="xs">
                Connection
              </Title>
              <ConnectionFields
                kind={target.kind}
                values={values}
                errors={errors}
                passwordSet={target.passwordSet}
                isAdmin={isAdmin}
                onChange={edit}
                onProtocol={(p) => edit(withProtocol(values, p))}
              />
            </Stack>
          </Fieldset>
          {refused.length > 0 ? (
            <Alert color="red" title={`${label} cannot be switched on yet`} role="alert" p="xs">
              <List size="sm">
                {refused.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            save.isError &&
            consentRequired(save.error) === null && (
              <Alert color="red" title="Not saved" role="alert" p="xs">
                {errorMessage(save.error)}
              </Alert>
            )
          )}
          {!target.enabled && needed.length > 0 && refused.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="export-needed">
              Before it can be switched on: {needed.join(' ')}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            {dirty && (
              <Text size="sm" c="dimmed" mr="auto" data-testid="unsaved">
                Unsaved changes
              </Text>
            )}
            <Button
              variant="default"
              onClick={() => {
                setValues(toExportForm(target));
                setErrors({});
                setRefused([]);
                save.reset();
              }}
              disabled={!dirty || save.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={!dirty} loading={save.isPending && consent === null}>
              Save
            </Button>
            <Button
              color="orange"
              variant="light"
              onClick={() => run.mutate()}
              loading={run.isPending}
              disabled={!target.enabled || dirty}
              title={!target.enabled ? 'Switch the export on first' : dirty ? 'Save your changes first' : undefined}
            >
              Run now
            </Button>
          </Group>
          <RunResult run={run} timeZone={timeZone} />
        </Stack>
      </form>
      <SwitchOnDialog
        opened={consent !== null}
        kind={target.kind}
        consentText={consent ?? target.consentText}
        loading={save.isPending}
        onConfirm={confirm}
        onCancel={() => setConsent(null)}
      />
    </Paper>
  );
}
