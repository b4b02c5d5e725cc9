import {
  Alert,
  Button,
  Chip,
  Group,
  Input,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  useContactTypes,
  useCreateBatchSchedule,
  useRecycleCodes,
  useUpdateBatchSchedule,
} from '../../api/batches.queries.ts';
import type { BatchChannel, BatchSchedule } from '../../api/batches.types.ts';
import { useSavedQueries } from '../../api/segments.queries.ts';
import { useTemplates } from '../../api/templates.queries.ts';
import {
  batchProblemsOf,
  FETCH,
  newBatchForm,
  toBatchFormValues,
  toBatchInput,
  validateBatchForm,
  type BatchFormErrors,
  type BatchFormValues,
} from '../../lib/batch-form.ts';
import {
  audienceDescription,
  CUSTOMER_TYPE_OPTIONS,
  DAY_PART_OPTIONS,
  LANGUAGE_OPTIONS,
  PREVENTION_OPTIONS,
  ROI_OPTIONS,
  WEEKDAYS,
} from '../../lib/batch-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useNotify } from '../Notifications.tsx';
import { useVoiceSetup, VoiceDropFields, VoiceSetupAlert } from '../voice/VoiceDropFields.tsx';

/** A refused save: the server's problems (422) or its message; shown until the form changes. */
interface SaveFailure {
  problems: string[];
  message: string | null;
}

const opts = <T extends string>(o: readonly { value: T; label: string }[]) => o.map((x) => ({ ...x }));

/**
 * The batch schedule's settings in the seeds' order: Batch type and template (voice drops: the
 * recording, caller ID and purpose instead; until the store has both, an alert pointing to Voice
 * drop set-up instead of the form), the Fetch query and
 * recycle type, language, prevention, Day / Late Day, customer types, # to send, days between,
 * run days and time, control group and ROI. Managers and administrators save; agents read.
 */
export function BatchScheduleForm({
  storeId,
  channel,
  schedule,
  readOnly,
}: {
  storeId: number;
  channel: BatchChannel;
  /** null for a new schedule. */
  schedule: BatchSchedule | null;
  readOnly: boolean;
}) {
  const isNew = schedule === null;
  const [values, setValues] = useState<BatchFormValues>(() =>
    schedule ? toBatchFormValues(schedule) : newBatchForm(),
  );
  const [errors, setErrors] = useState<BatchFormErrors>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const contactTypes = useContactTypes(storeId);
  const recycleCodes = useRecycleCodes(storeId);
  const queries = useSavedQueries(storeId, false);
  const archivedQueries = useSavedQueries(storeId, true);
  const templates = useTemplates(storeId, { channel });
  const isVoice = channel === 'voice';
  const voiceSetup = useVoiceSetup(isVoice ? storeId : undefined);
  const create = useCreateBatchSchedule(storeId);
  const update = useUpdateBatchSchedule();
  const notify = useNotify();
  const navigate = useNavigate();
  const saving = create.isPending || update.isPending;
  const backToList = `/batches?channel=${channel}`;

  const isFetch = values.batchType === FETCH;
  const contactType = isFetch ? undefined : contactTypes.data?.find((c) => String(c.id) === values.batchType);
  const audience = contactType ? audienceDescription(contactType.key) : null;
  // Fetch needs a query; a store's own contact type (no built-in list) does too.
  const showQuery = isFetch || (contactType !== undefined && audience === null);

  const set = <K extends keyof BatchFormValues>(key: K, value: BatchFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (key in e ? { ...e, [key]: undefined } : e));
    setFailure(null);
  };

  const templateFits = (t: { channel: string; contactType: string }, batchType: string) => {
    if (t.channel !== channel) return false;
    if (batchType === FETCH || batchType === '') return true;
    const ct = contactTypes.data?.find((c) => String(c.id) === batchType);
    return ct !== undefined && t.contactType === ct.key;
  };

  const setBatchType = (batchType: string) => {
    const ct = contactTypes.data?.find((c) => String(c.id) === batchType);
    const template = templates.data?.find((t) => String(t.id) === values.templateId);
    setValues((v) => ({
      ...v,
      batchType,
      templateId: template && templateFits(template, batchType) ? v.templateId : '',
      recycleCodeId: batchType === FETCH ? v.recycleCodeId : '',
      savedQueryId: batchType === FETCH || (ct && audienceDescription(ct.key) === null) ? v.savedQueryId : '',
    }));
    setErrors((e) => ({ ...e, batchType: undefined, templateId: undefined }));
    setFailure(null);
  };

  const batchTypeOptions = useMemo(
    () => [
      ...(contactTypes.data ?? [])
        .filter((c) => c.active || String(c.id) === values.batchType)
        .map((c) => ({ value: String(c.id), label: c.active ? c.name : `${c.name} (inactive)` })),
      { value: FETCH, label: 'Fetch Automation' },
    ],
    [contactTypes.data, values.batchType],
  );
  const templateOptions = (templates.data ?? [])
    .filter((t) => templateFits(t, values.batchType) && (t.active || String(t.id) === values.templateId))
    .map((t) => ({
      value: String(t.id),
      label: `${t.name}${t.language === 'fr' ? ' (French)' : ''}${t.active ? '' : ' (inactive)'}`,
    }));
  const queryOptions = [
    ...(queries.data ?? []).map((q) => ({ value: String(q.id), label: q.name })),
    ...(archivedQueries.data ?? [])
      .filter((q) => String(q.id) === values.savedQueryId)
      .map((q) => ({ value: String(q.id), label: `${q.name} (archived)` })),
  ];
  const recycleOptions = (recycleCodes.data ?? [])
    .filter((c) => c.active || String(c.id) === values.recycleCodeId)
    .map((c) => ({ value: String(c.id), label: `${c.name} (${c.days} days)` }));

  const onError = (error: Error) => {
    if (isApiError(error) && error.status === 409) {
      setErrors((e) => ({ ...e, name: error.message }));
      setFailure({ problems: [], message: null });
      return;
    }
    const problems = batchProblemsOf(error);
    setFailure({ problems, message: problems.length > 0 ? null : errorMessage(error) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || saving) return;
    const found = validateBatchForm(values, channel);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    const input = toBatchInput(values, channel);
    const done = (saved: BatchSchedule) => {
      notify({
        color: 'green',
        title: isNew ? 'Batch added' : 'Batch saved',
        message: `“${saved.name}” is saved.`,
      });
      void navigate(backToList);
    };
    if (schedule) update.mutate({ id: schedule.id, patch: input }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  };

  // A new voice batch waits for the set-up; a saved one shows the alert in place of its voice fields.
  if (isVoice && isNew && voiceSetup.missing.length > 0)
    return (
      <Stack gap="sm">
        <VoiceSetupAlert missing={voiceSetup.missing} canManage />
        <Group>
          <Button variant="default" onClick={() => void navigate(backToList)}>
            Back to the voice drop batches
          </Button>
        </Group>
      </Stack>
    );

  return (
    <form onSubmit={submit} noValidate aria-label="Batch">
      <Paper withBorder p="md">
        <Stack gap="sm">
          {failure && failure.problems.length > 0 && (
            <Alert color="red" title="This batch cannot be saved" role="alert" p="xs" data-testid="batch-problems">
              <List size="sm" spacing={2}>
                {failure.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failure?.message && (
            <Alert color="red" title="Not saved" role="alert" p="xs">
              {failure.message}
            </Alert>
          )}
          {schedule && schedule.problems.length > 0 && !failure && (
            <Alert color="orange" title="This batch cannot run as it stands" role="status" p="xs">
              <List size="sm" spacing={2}>
                {schedule.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            readOnly={readOnly}
            maxLength={120}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Batch type"
              required
              placeholder="A contact type, or Fetch Automation"
              data={batchTypeOptions}
              value={values.batchType || null}
              onChange={(v) => setBatchType(v ?? '')}
              error={errors.batchType}
              readOnly={readOnly}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            {!isVoice && (
              <Select
                label="Template"
                required
                placeholder={templateOptions.length === 0 ? 'No template fits' : 'Choose a template'}
                description={isFetch || values.batchType === '' ? undefined : 'Filed under the chosen contact type'}
                data={templateOptions}
                value={values.templateId || null}
                onChange={(v) => set('templateId', v ?? '')}
                error={errors.templateId}
                readOnly={readOnly}
                searchable
                nothingFoundMessage="No template fits"
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </SimpleGrid>
          {isVoice && (
            <VoiceDropFields
              storeId={storeId}
              value={values}
              onChange={(patch) => {
                setValues((v) => ({ ...v, ...patch }));
                setErrors((e) => ({ ...e, recordingId: undefined, callerIdId: undefined }));
                setFailure(null);
              }}
              errors={errors}
              readOnly={readOnly}
              canManage={!readOnly}
            />
          )}
          {audience && (
            <Text size="sm" c="dimmed" data-testid="audience">
              Sends to: {audience}
            </Text>
          )}
          {showQuery && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label="Batch query"
                required
                description="A saved query (Fetch)"
                placeholder="Choose a saved query"
                data={queryOptions}
                value={values.savedQueryId || null}
                onChange={(v) => set('savedQueryId', v ?? '')}
                error={errors.savedQueryId}
                readOnly={readOnly}
                searchable
                comboboxProps={{ withinPortal: true }}
              />
              {isFetch && (
                <Select
                  label="Recycle type"
                  required
                  description="Holds customers back after they are sent to"
                  placeholder="Choose a recycle type"
                  data={recycleOptions}
                  value={values.recycleCodeId || null}
                  onChange={(v) => set('recycleCodeId', v ?? '')}
                  error={errors.recycleCodeId}
                  readOnly={readOnly}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Input.Wrapper label="Language" description="English or French sends only to customers with it on file">
              <SegmentedControl
                aria-label="Language"
                fullWidth
                data={opts(LANGUAGE_OPTIONS)}
                value={values.language}
                onChange={(v) => set('language', v)}
                readOnly={readOnly}
              />
            </Input.Wrapper>
            <Select
              label="Prevention"
              description="Skip customers who already got a batch"
              data={opts(PREVENTION_OPTIONS)}
              value={values.prevention}
              onChange={(v) => v && set('prevention', v)}
              readOnly={readOnly}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Input.Wrapper label="Day / Late Day">
              <SegmentedControl
                aria-label="Day / Late Day"
                fullWidth
                data={opts(DAY_PART_OPTIONS)}
                value={values.dayPart}
                onChange={(v) => set('dayPart', v)}
                readOnly={readOnly}
              />
            </Input.Wrapper>
            <Input.Wrapper label="Customer types">
              <SegmentedControl
                aria-label="Customer types"
                fullWidth
                data={opts(CUSTOMER_TYPE_OPTIONS)}
                value={values.customerType}
                onChange={(v) => set('customerType', v)}
                readOnly={readOnly}
              />
            </Input.Wrapper>
            <NumberInput
              label="# to send"
              description="Customers per run"
              required
              min={1}
              max={1_000_000}
              allowDecimal={false}
              value={values.dailyLimit}
              onChange={(v) => set('dailyLimit', typeof v === 'number' ? v : '')}
              error={errors.dailyLimit}
              readOnly={readOnly}
            />
            <NumberInput
              label="# of days between"
              description="Before this batch contacts the same customer again"
              min={0}
              max={3650}
              allowDecimal={false}
              value={values.daysBetween}
              onChange={(v) => set('daysBetween', typeof v === 'number' ? v : '')}
              error={errors.daysBetween}
              readOnly={readOnly}
            />
          </SimpleGrid>
          <Group align="flex-start" gap="lg">
            <Input.Wrapper label="Run days" error={errors.runDays} required>
              <Chip.Group
                multiple
                value={values.runDays.map(String)}
                onChange={(v) =>
                  !readOnly &&
                  set(
                    'runDays',
                    v.map(Number).sort((a, b) => a - b),
                  )
                }
              >
                <Group gap={6} mt={4}>
                  {WEEKDAYS.map((d) => (
                    <Chip key={d.value} value={String(d.value)} size="sm">
                      {d.label}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
            <TextInput
              label="Run time"
              description="Store time"
              type="time"
              required
              w={140}
              value={values.runTime}
              onChange={(e) => set('runTime', e.currentTarget.value)}
              error={errors.runTime}
              readOnly={readOnly}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label="Control group %"
              description="Share of the selected customers held out, to measure the batch"
              min={0}
              max={50}
              allowDecimal={false}
              suffix=" %"
              value={values.holdoutPercent}
              onChange={(v) => set('holdoutPercent', typeof v === 'number' ? v : '')}
              error={errors.holdoutPercent}
              readOnly={readOnly}
            />
            <Select
              label="ROI type"
              description="Which revenue counts as a result"
              data={opts(ROI_OPTIONS)}
              value={values.roiType}
              onChange={(v) => v && set('roiType', v)}
              readOnly={readOnly}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Switch
            label="Active"
            description="Runs on its run days while switched on"
            checked={values.active}
            onChange={(e) => !readOnly && set('active', e.currentTarget.checked)}
          />
          {!readOnly && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate(backToList)} disabled={saving}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                {isNew ? 'Add batch' : 'Save'}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );
}
