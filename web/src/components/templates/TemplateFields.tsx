import {
  Autocomplete,
  Code,
  Group,
  Input,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TEMPLATE_CHANNELS, type SmsFigures, type TemplateChannel } from '../../api/templates.types.ts';
import { hasSmartPunctuation } from '../../lib/smart-punctuation.ts';
import { hasSubject, isHtmlChannel } from '../../lib/template-form.ts';
import {
  CHANNEL_LABELS,
  COMMON_CONTACT_TYPES,
  contactTypeLabel,
  LANGUAGE_LABELS,
  normaliseContactType,
  PURPOSE_LABELS,
} from '../../lib/template-labels.ts';
import { problemsFor, type TemplateProblem } from '../../lib/template-problems.ts';
import { ChannelBadge, ChannelIcon } from './ChannelBadge.tsx';
import { ProblemList } from './ProblemList.tsx';
import { SmsCounter } from './SmsCounter.tsx';
import type { TemplateFormState } from './useTemplateForm.ts';

const CHANNEL_OPTIONS = TEMPLATE_CHANNELS.map((c) => ({
  value: c,
  label: (
    <Group gap={6} wrap="nowrap" justify="center">
      <ChannelIcon channel={c} />
      <span>{CHANNEL_LABELS[c]}</span>
    </Group>
  ),
}));
const isChannel = (v: string): v is TemplateChannel => TEMPLATE_CHANNELS.some((c) => c === v);

const BODY_LABELS: Record<TemplateChannel, { label: string; description: string }> = {
  email: { label: 'Body (HTML)', description: 'Raw HTML. Scripts, event handlers and forms are removed on save.' },
  sms: { label: 'Message', description: 'Plain text. Marketing texts get the store’s opt-out line added.' },
  voice: { label: 'Script', description: 'What the voice drop reads out, in plain text.' },
  letter: {
    label: 'Letter body (HTML)',
    description: 'Printed under the letterhead, addressed for a window envelope.',
  },
  postcard: { label: 'Postcard message (HTML)', description: 'Printed on the back of a 4×6 postcard.' },
};

export interface SmsState {
  figures: SmsFigures | null;
  updating: boolean;
}

/** The template's settings and text; problems the server found show under the field they are in. */
export function TemplateFields({
  form,
  isNew,
  readOnly,
  problems,
  knownPaths,
  sms,
  onReplaceSmartQuotes,
}: {
  form: TemplateFormState;
  isNew: boolean;
  readOnly: boolean;
  problems: TemplateProblem[];
  knownPaths: readonly string[];
  sms: SmsState;
  onReplaceSmartQuotes: () => void;
}) {
  const { values, errors, set } = form;
  const body = BODY_LABELS[values.channel];
  const subjectProblems = problemsFor(problems, 'subject');
  const bodyProblems = problemsFor(problems, 'body');
  // Monospace for code; the text stays its colour when the field has an error (only the border turns red).
  const monospace = {
    input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, color: 'var(--mantine-color-text)' },
  };

  return (
    <Stack gap="sm">
      {isNew ? (
        <Input.Wrapper label="Channel" required>
          <SegmentedControl
            aria-label="Channel"
            fullWidth
            size="xs"
            data={CHANNEL_OPTIONS}
            value={values.channel}
            readOnly={readOnly}
            onChange={(v) => {
              if (isChannel(v)) set('channel', v);
            }}
          />
        </Input.Wrapper>
      ) : (
        <Group gap="xs">
          <Text size="sm" fw={500}>
            Channel
          </Text>
          <ChannelBadge channel={values.channel} />
        </Group>
      )}
      <Group grow align="flex-start">
        <TextInput
          label="Name"
          required
          placeholder="e.g. Oil change reminder"
          value={values.name}
          readOnly={readOnly}
          error={errors.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Autocomplete
          label="Contact type"
          required
          placeholder="maintenance"
          data={COMMON_CONTACT_TYPES.map((t) => t.value)}
          value={values.contactType}
          readOnly={readOnly}
          error={errors.contactType}
          onChange={(v) => set('contactType', v)}
          onBlur={() => set('contactType', normaliseContactType(values.contactType))}
          renderOption={({ option }) => (
            <Group gap={6} justify="space-between" w="100%" wrap="nowrap">
              <Text size="sm">{contactTypeLabel(option.value)}</Text>
              <Code>{option.value}</Code>
            </Group>
          )}
          limit={20}
        />
      </Group>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Input.Wrapper label="Language">
          <SegmentedControl
            aria-label="Language"
            size="xs"
            display="flex"
            data={[
              { value: 'en', label: LANGUAGE_LABELS.en },
              { value: 'fr', label: LANGUAGE_LABELS.fr },
            ]}
            value={values.language}
            readOnly={readOnly}
            onChange={(v) => set('language', v === 'fr' ? 'fr' : 'en')}
          />
        </Input.Wrapper>
        <Input.Wrapper label="Purpose">
          <SegmentedControl
            aria-label="Purpose"
            size="xs"
            display="flex"
            data={[
              { value: 'service', label: PURPOSE_LABELS.service },
              { value: 'marketing', label: PURPOSE_LABELS.marketing },
            ]}
            value={values.purpose}
            readOnly={readOnly}
            onChange={(v) => set('purpose', v === 'marketing' ? 'marketing' : 'service')}
          />
        </Input.Wrapper>
        <Switch
          label="Active"
          description="Inactive templates are kept but not offered for sending"
          checked={values.active}
          disabled={readOnly}
          onChange={(e) => set('active', e.currentTarget.checked)}
          mb={2}
        />
      </Group>
      {values.purpose === 'marketing' && (
        <Text size="xs" c="dimmed">
          Marketing messages need the customer’s consent and carry the store’s address and an unsubscribe link (texts:
          “Reply STOP to unsubscribe”), added when they are sent.
        </Text>
      )}
      {hasSubject(values.channel) && (
        <Stack gap={4}>
          <TextInput
            ref={form.subjectRef}
            label="Subject"
            required
            placeholder="e.g. Time for service, {{ customer.first_name }}"
            value={values.subject}
            readOnly={readOnly}
            error={errors.subject ?? (subjectProblems.length > 0 ? true : undefined)}
            onChange={(e) => set('subject', e.currentTarget.value)}
            {...form.focusTracking('subject')}
          />
          <ProblemList problems={subjectProblems} knownPaths={knownPaths} testId="subject-problems" />
        </Stack>
      )}
      <Stack gap={4}>
        <Textarea
          // Texts are short: a new channel gets a box of its own size.
          key={values.channel === 'sms' ? 'short' : 'long'}
          ref={form.bodyRef}
          label={body.label}
          description={body.description}
          required
          autosize
          minRows={values.channel === 'sms' ? 4 : 12}
          maxRows={values.channel === 'sms' ? 10 : 26}
          spellCheck={!isHtmlChannel(values.channel)}
          styles={monospace}
          value={values.body}
          readOnly={readOnly}
          error={errors.body ?? (bodyProblems.length > 0 ? true : undefined)}
          onChange={(e) => set('body', e.currentTarget.value)}
          {...form.focusTracking('body')}
        />
        <ProblemList problems={bodyProblems} knownPaths={knownPaths} testId="body-problems" />
        {values.channel === 'sms' && (
          <SmsCounter
            figures={sms.figures}
            updating={sms.updating}
            hasSmartQuotes={hasSmartPunctuation(values.body)}
            onReplaceSmartQuotes={readOnly ? undefined : onReplaceSmartQuotes}
          />
        )}
      </Stack>
    </Stack>
  );
}
