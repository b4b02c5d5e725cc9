import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Grid,
  Group,
  NativeSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Purpose } from '../../api/consent.types.ts';
import { useEligibility, useSendMessage } from '../../api/delivery.queries.ts';
import type { HistoryItem, SendChannel, SendOptions } from '../../api/delivery.types.ts';
import { useTemplates } from '../../api/templates.queries.ts';
import { decisionStatus } from '../../lib/contact-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone } from '../../lib/format.ts';
import { keyForSubmit, requestSignature, type KeyedSubmit } from '../../lib/request-key.ts';
import {
  groupTemplates,
  initialSendValues,
  notEligibleReasons,
  targetsFor,
  toSendRequest,
  validateSend,
  withChannel,
  type SendFormErrors,
  type SendFormValues,
} from '../../lib/send-form.ts';
import { templateProblemsOf } from '../../lib/template-problems.ts';
import { CHANNEL_LABELS, LANGUAGE_LABELS } from '../../lib/template-labels.ts';
import { ChannelIcon } from '../templates/ChannelBadge.tsx';
import { EligibilityNotice } from './EligibilityNotice.tsx';
import { MessageFields } from './MessageFields.tsx';
import { SendPreview } from './SendPreview.tsx';
import { useSendPreview } from './useSendPreview.ts';

const isPurpose = (v: string): v is Purpose => v === 'marketing' || v === 'service';
const isSendChannel = (v: string): v is SendChannel => v === 'email' || v === 'sms';

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * DealTrak's communication page as one form: reason, channel, template or written text, the
 * customer's own address or number, CC/BCC and From; the permission check for that reason and
 * channel; and the message rendered for this customer. Submitting again after a failure reuses
 * the request key, so a retry never sends twice.
 */
export function SendMessageForm({
  customerId,
  storeId,
  storeName,
  userEmail,
  options,
  onCancel,
  onSent,
}: {
  customerId: number;
  storeId: number;
  storeName: string;
  userEmail: string;
  options: SendOptions;
  onCancel: () => void;
  onSent: (message: HistoryItem) => void;
}) {
  const [values, setValues] = useState<SendFormValues>(() => initialSendValues(options));
  const [errors, setErrors] = useState<SendFormErrors>({});
  const submitted = useRef<KeyedSubmit | null>(null);
  const send = useSendMessage(customerId);
  const eligibility = useEligibility(customerId, values.channel, values.purpose);
  const templates = useTemplates(storeId, { channel: values.channel, active: true });
  const preview = useSendPreview(storeId, customerId, options.language, values);
  const email = values.channel === 'email';
  const targets = targetsFor(options, values.channel);

  const update = (change: Partial<SendFormValues>) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !(key in change))));
    if (send.isError) send.reset();
  };

  const groups = groupTemplates(templates.data ?? [], values.purpose, options.language);
  const templateData = groups.map((g) => ({
    group: LANGUAGE_LABELS[g.language],
    items: g.templates.map((t) => ({ value: String(t.id), label: t.name })),
  }));

  const refused = notEligibleReasons(send.error);
  const sendProblems = templateProblemsOf(send.error);
  const problems = sendProblems.length > 0 ? sendProblems : preview.problems;
  const blocked = eligibility.data !== undefined && decisionStatus(eligibility.data).kind === 'blocked';
  const otherError = send.isError && refused === null && sendProblems.length === 0 ? errorMessage(send.error) : null;
  const fromLabel = email ? values.sender || storeName : storeName;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateSend(values);
    setErrors(found);
    if (Object.keys(found).length > 0 || send.isPending) return;
    const request = toSendRequest(values);
    submitted.current = keyForSubmit(submitted.current, requestSignature(request));
    send.mutate(
      { ...request, requestKey: submitted.current.key },
      {
        onSuccess: (message) => {
          submitted.current = null;
          onSent(message);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Send a message">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <SimpleGrid cols={2} spacing="sm">
              <Labelled id="send-reason-label" label="Reason">
                <SegmentedControl
                  aria-labelledby="send-reason-label"
                  fullWidth
                  value={values.purpose}
                  onChange={(v) => isPurpose(v) && update({ purpose: v, templateId: null })}
                  data={[
                    { value: 'service', label: 'Service' },
                    { value: 'marketing', label: 'Marketing' },
                  ]}
                />
              </Labelled>
              <Labelled id="send-channel-label" label="Channel">
                <SegmentedControl
                  aria-labelledby="send-channel-label"
                  fullWidth
                  value={values.channel}
                  onChange={(v) => {
                    if (!isSendChannel(v)) return;
                    setValues((old) => withChannel(old, v, options));
                    setErrors({});
                    if (send.isError) send.reset();
                  }}
                  data={(['email', 'sms'] as const).map((c) => ({
                    value: c,
                    label: (
                      <Group gap={6} justify="center" wrap="nowrap">
                        <ChannelIcon channel={c} />
                        <span>{c === 'email' ? 'E-mail' : 'Text'}</span>
                      </Group>
                    ),
                  }))}
                />
              </Labelled>
            </SimpleGrid>
            <EligibilityNotice
              channel={values.channel}
              purpose={values.purpose}
              eligibility={eligibility.data}
              loading={eligibility.isFetching && !eligibility.data}
              error={eligibility.error}
              refused={refused}
            />
            <NativeSelect
              label="To"
              description={
                targets.length === 0
                  ? undefined
                  : email
                    ? 'The customer’s own address on file.'
                    : 'The customer’s cell number on file.'
              }
              value={values.target}
              onChange={(e) => update({ target: e.currentTarget.value })}
              error={
                errors.target ??
                (targets.length === 0
                  ? email
                    ? 'No e-mail address on file for this customer.'
                    : 'No cell number on file for this customer.'
                  : undefined)
              }
              disabled={targets.length === 0}
              data={targets.map((t) => ({ value: t, label: email ? t : formatPhone(t) }))}
            />
            {!email && options.smsSenders.length > 1 && (
              <NativeSelect
                label="Text from"
                value={values.sender}
                onChange={(e) => update({ sender: e.currentTarget.value })}
                data={[
                  { value: '', label: `${formatPhone(options.smsSenders[0] ?? '')} (the store’s default)` },
                  ...options.smsSenders
                    .slice(1)
                    .map((s) => ({ value: s, label: s.startsWith('+') ? formatPhone(s) : s })),
                ]}
              />
            )}
            {email && (
              <>
                <NativeSelect
                  label="From"
                  value={values.sender}
                  onChange={(e) => update({ sender: e.currentTarget.value })}
                  data={[
                    { value: '', label: `${storeName} (the store’s address)` },
                    ...options.senders.map((s) => ({ value: s, label: s === userEmail ? `${s} (you)` : s })),
                  ]}
                />
                <SimpleGrid cols={2} spacing="sm">
                  <TextInput
                    label="CC"
                    placeholder="Separate with commas"
                    value={values.cc}
                    error={errors.cc}
                    onChange={(e) => update({ cc: e.currentTarget.value })}
                  />
                  <TextInput
                    label="BCC"
                    placeholder="Separate with commas"
                    value={values.bcc}
                    error={errors.bcc}
                    onChange={(e) => update({ bcc: e.currentTarget.value })}
                  />
                </SimpleGrid>
                <Checkbox
                  label={`BCC me (${userEmail})`}
                  checked={values.bccSelf}
                  onChange={(e) => update({ bccSelf: e.currentTarget.checked })}
                />
              </>
            )}
            <Divider my={4} />
            <SegmentedControl
              aria-label="Message"
              value={values.source}
              onChange={(v) => update({ source: v === 'write' ? 'write' : 'template' })}
              data={[
                { value: 'template', label: 'Use a template' },
                { value: 'write', label: 'Write a message' },
              ]}
            />
            {values.source === 'template' ? (
              <Select
                label="Template"
                placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
                description={`Active ${CHANNEL_LABELS[values.channel].toLowerCase()} templates for ${values.purpose}, ${LANGUAGE_LABELS[options.language]} first (the customer’s language).`}
                searchable
                nothingFoundMessage={`No active ${values.purpose} templates for this channel`}
                data={templateData}
                value={values.templateId === null ? null : String(values.templateId)}
                onChange={(v) => update({ templateId: v === null ? null : Number(v) })}
                error={errors.templateId}
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <MessageFields
                values={values}
                errors={errors}
                problems={problems}
                language={options.language}
                onChange={update}
              />
            )}
            {otherError && (
              <Alert color="red" title="Not sent" role="alert">
                {otherError}
              </Alert>
            )}
            {isApiError(send.error) && send.error.code === 'network' && (
              <Text size="xs" c="dimmed">
                Sending again is safe: it cannot send the message twice.
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SendPreview state={preview} fromLabel={fromLabel} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {blocked && (
          <Text size="sm" c="red.8" mr="auto">
            This customer cannot get this message: see why above.
          </Text>
        )}
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          type="submit"
          loading={send.isPending}
          disabled={blocked || targets.length === 0}
          leftSection={<ChannelIcon channel={values.channel} />}
        >
          {email ? 'Send e-mail' : 'Send text'}
        </Button>
      </Group>
    </form>
  );
}
