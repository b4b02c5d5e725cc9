import {
  Alert,
  Button,
  Group,
  Input,
  List,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RecycleCode } from '../../api/batches.types.ts';
import { useCampaignOptions, useCreateCampaign } from '../../api/campaigns.queries.ts';
import type { Campaign, CampaignChannel, CampaignReach, StaffMember, StoreSenders } from '../../api/campaigns.types.ts';
import type { QueryDetail } from '../../api/segments.types.ts';
import type { TemplateSummary } from '../../api/templates.types.ts';
import type { Store } from '../../api/types.ts';
import { batchProblemsOf } from '../../lib/batch-form.ts';
import { ROI_OPTIONS } from '../../lib/batch-labels.ts';
import {
  buildCampaignInput,
  CHANNEL_INFO,
  defaultSchedule,
  FIELD_LABELS,
  missingFields,
  newCampaignForm,
  recycleCodeFor,
  scheduleProblem,
  zonedDateTime,
  type CampaignFallback,
  type CampaignField,
  type CampaignFormValues,
} from '../../lib/campaign-form.ts';
import { errorMessage } from '../../lib/errors.ts';
import { CampaignOptionsModal } from './CampaignOptionsModal.tsx';
import { CampaignSent } from './CampaignSent.tsx';
import { CampaignTemplatePreview } from './CampaignTemplatePreview.tsx';
import { CampaignTestSend } from './CampaignTestSend.tsx';
import { VoiceDropFields } from '../voice/VoiceDropFields.tsx';

/** A refused send: the server's problems (422 batch_invalid) or one message; cleared by any change. */
interface SendFailure {
  problems: string[];
  message: string | null;
}

/**
 * The "Send Text / Email / Voice Drop / Letter" form of a saved query, in the seeds' order:
 * template (with View), campaign name, sender, distribution list, ROI, schedule and a test. Voice
 * drops choose an audio file (with a player), a caller ID and a purpose from Voice drop set-up
 * instead of a template and sender.
 * Send waits for every required field (each shows a red star while empty), then asks the
 * Campaign Options question when some customers cannot be reached on the channel.
 */
export function SendCampaignForm({
  store,
  query,
  channel,
  templates,
  staff,
  senders,
  recycleCodes,
}: {
  store: Store;
  query: QueryDetail;
  channel: CampaignChannel;
  /** The store's active templates, any channel (Campaign Options choose among the others). */
  templates: readonly TemplateSummary[];
  staff: readonly StaffMember[];
  senders: StoreSenders;
  recycleCodes: readonly RecycleCode[];
}) {
  const info = CHANNEL_INFO[channel];
  const isVoice = channel === 'voice';
  const senderOptions = channel === 'email' ? senders.email : channel === 'sms' ? senders.sms : [];
  const [values, setValues] = useState<CampaignFormValues>(() =>
    newCampaignForm(query.name, defaultSchedule(new Date(), store.timeZone), senderOptions),
  );
  const [viewing, setViewing] = useState(false);
  const [failure, setFailure] = useState<SendFailure | null>(null);
  const [reach, setReach] = useState<CampaignReach | null>(null);
  const [sent, setSent] = useState<{ campaign: Campaign; fallback: CampaignFallback | null } | null>(null);
  const options = useCampaignOptions(store.id);
  const create = useCreateCampaign(store.id);

  const channelTemplates = templates.filter((t) => t.channel === channel);
  const template = channelTemplates.find((t) => String(t.id) === values.templateId);
  const recycleCode = recycleCodeFor(recycleCodes, channel);
  const missing = missingFields(values, channel);
  const isMissing = (f: CampaignField) => missing.includes(f);
  const whenProblem = scheduleProblem(values, store.timeZone, new Date());
  const busy = options.isPending || create.isPending;

  const set = <K extends keyof CampaignFormValues>(key: K, value: CampaignFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFailure(null);
  };

  if (sent)
    return (
      <CampaignSent
        campaign={sent.campaign}
        timeZone={store.timeZone}
        queryId={query.id}
        fallbackTemplate={templates.find((t) => t.id === sent.fallback?.templateId)}
      />
    );

  function send(fallback: CampaignFallback | null) {
    if (!recycleCode) return;
    const input = buildCampaignInput(values, {
      channel,
      savedQueryId: query.id,
      recycleCodeId: recycleCode.id,
      timeZone: store.timeZone,
      fallback,
    });
    create.mutate(input, {
      onSuccess: (campaign) => {
        setReach(null);
        setSent({ campaign, fallback });
      },
      onError: (error) => {
        setReach(null);
        const problems = batchProblemsOf(error);
        setFailure({ problems, message: problems.length > 0 ? null : errorMessage(error) });
      },
    });
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (missing.length > 0 || (!template && !isVoice)) return;
    const problem = scheduleProblem(values, store.timeZone, new Date());
    if (problem) return setFailure({ problems: [], message: problem });
    if (!recycleCode)
      return setFailure({
        problems: [],
        message: `The store has no "${info.recycleKey}" recycle code to record these sends with; add it under recycle codes.`,
      });
    const at = zonedDateTime(values.date, values.time, store.timeZone);
    try {
      const r = await options.mutateAsync({
        savedQueryId: query.id,
        channel,
        purpose: template ? template.purpose : values.purpose,
        ...(at ? { at: at.toISOString() } : {}),
      });
      if (r.matched === 0)
        return setFailure({
          problems: [],
          message: `“${query.name}” matches no customers: there is nobody to send to.`,
        });
      if (r.unreachable > 0) setReach(r);
      else send(null);
    } catch (error) {
      setFailure({ problems: [], message: errorMessage(error) });
    }
  }

  const star = (f: CampaignField) => isMissing(f);

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="form" aria-label={info.action} onSubmit={(e) => void onSubmit(e)}>
        <Stack gap="sm" maw={640}>
          {isVoice ? (
            <VoiceDropFields
              storeId={store.id}
              value={values}
              onChange={(patch) => {
                setValues((v) => ({ ...v, ...patch }));
                setFailure(null);
              }}
              canManage
              required={star}
              recordingFieldLabel="Audio file"
            />
          ) : (
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select
                label="Template"
                withAsterisk={star('templateId')}
                placeholder="Choose a template"
                data={channelTemplates.map((t) => ({ value: String(t.id), label: t.name }))}
                value={values.templateId || null}
                onChange={(v) => set('templateId', v ?? '')}
                searchable
                nothingFoundMessage="No template"
                error={
                  channelTemplates.length === 0
                    ? `The store has no active ${info.many} template; add one under Templates.`
                    : undefined
                }
                style={{ flex: 1 }}
              />
              {template && (
                <Button variant="light" color="blue" onClick={() => setViewing((v) => !v)} aria-pressed={viewing}>
                  View
                </Button>
              )}
            </Group>
          )}
          <TextInput
            label="Campaign name"
            withAsterisk={star('name')}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            maxLength={120}
          />
          {info.senderLabel !== null &&
            (channel === 'voice' ? (
              <TextInput
                label={info.senderLabel}
                description="The number customers see, as +19025550100; empty uses the provider's."
                placeholder="+19025550100"
                value={values.sender}
                onChange={(e) => set('sender', e.currentTarget.value)}
              />
            ) : (
              <Select
                label={info.senderLabel}
                withAsterisk={star('sender')}
                placeholder={channel === 'email' ? 'Choose an address' : 'Choose a number'}
                data={senderOptions.map((s) => ({ value: s, label: s }))}
                value={values.sender || null}
                onChange={(v) => set('sender', v ?? '')}
                error={
                  senderOptions.length === 0
                    ? `The store has no ${channel === 'email' ? 'sending address' : 'texting number'} set up; add one in the store settings.`
                    : undefined
                }
              />
            ))}
          <MultiSelect
            label="Distribution list"
            withAsterisk={star('distributionUserIds')}
            description="Who hears about replies and results"
            placeholder={values.distributionUserIds.length === 0 ? 'Choose at least one person' : undefined}
            data={staff.map((s) => ({ value: String(s.id), label: s.name }))}
            value={values.distributionUserIds}
            onChange={(v) => set('distributionUserIds', v)}
            searchable
          />
          <Input.Wrapper label="ROI">
            <div>
              <SegmentedControl
                aria-label="ROI"
                data={ROI_OPTIONS.map((o) => ({ ...o }))}
                value={values.roiType}
                onChange={(v) => set('roiType', v === 'sales' ? 'sales' : 'service')}
              />
            </div>
          </Input.Wrapper>
          <Input.Wrapper
            label="Schedule"
            withAsterisk={star('schedule')}
            description={`Store time (${store.timeZone})`}
            error={whenProblem ?? undefined}
          >
            <Group gap="xs" mt={4}>
              <TextInput
                type="date"
                aria-label="Send date"
                value={values.date}
                onChange={(e) => set('date', e.currentTarget.value)}
                w={170}
              />
              <TextInput
                type="time"
                aria-label="Send time"
                step={300}
                value={values.time}
                onChange={(e) => set('time', e.currentTarget.value)}
                w={130}
              />
            </Group>
          </Input.Wrapper>
          {failure && (
            <Alert color="red" title="This campaign cannot be sent" role="alert" data-testid="campaign-problems">
              {failure.message && <Text size="sm">{failure.message}</Text>}
              {failure.problems.length > 0 && (
                <List size="sm">
                  {failure.problems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="space-between" align="center">
            <Text size="sm" c="dimmed" data-testid="still-needed">
              {missing.length > 0 ? `Still needed: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}.` : ''}
            </Text>
            <Button type="submit" disabled={missing.length > 0 || whenProblem !== null} loading={busy}>
              Send
            </Button>
          </Group>
        </Stack>
      </Paper>

      {channel === 'email' || channel === 'sms' ? (
        <CampaignTestSend storeId={store.id} channel={channel} templateId={template?.id ?? null} />
      ) : isVoice ? (
        <CampaignTestSend
          storeId={store.id}
          channel="voice"
          templateId={null}
          drop={{
            recordingId: values.recordingId ? Number(values.recordingId) : null,
            callerIdId: values.callerIdId ? Number(values.callerIdId) : null,
          }}
        />
      ) : (
        <Text size="sm" c="dimmed">
          Tests are sent for e-mails and texts; use View to check the {channel === 'letter' ? 'letter' : 'voice script'}
          .
        </Text>
      )}

      {viewing && template && (
        <CampaignTemplatePreview
          key={template.id}
          storeId={store.id}
          storeName={store.name}
          template={template}
          onClose={() => setViewing(false)}
        />
      )}

      {reach && (template || isVoice) && (
        <CampaignOptionsModal
          reach={reach}
          templates={templates}
          mainTemplate={template ?? null}
          sending={create.isPending}
          onSend={send}
          onClose={() => setReach(null)}
        />
      )}
    </Stack>
  );
}
