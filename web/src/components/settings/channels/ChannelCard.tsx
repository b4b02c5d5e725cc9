import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSaveChannel } from '../../../api/channels.queries.ts';
import { CHANNEL_PROVIDERS, type ChannelConfig, type ProviderName } from '../../../api/channels.types.ts';
import {
  CHANNEL_KIND_LABEL,
  channelFieldErrors,
  channelFormDirty,
  PROVIDER_FIELDS,
  providerOptionLabel,
  PROVIDER_SECRETS,
  secretIsSet,
  toChannelChange,
  toChannelForm,
  type ChannelFormValues,
} from '../../../lib/channel-form.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { formatDateTimeInZone } from '../../../lib/format.ts';
import { providerLabel } from '../../../lib/message-status.ts';
import { useNotify } from '../../Notifications.tsx';
import { ProviderFields } from './ProviderFields.tsx';
import { SecretInput } from './SecretInput.tsx';

/** The provider in a word, as the Outbox shows it; local print is "Print files". */
const badgeLabel = (c: Pick<ChannelConfig, 'channel' | 'provider'>) =>
  c.channel === 'print' && c.provider === 'outbox' ? 'Print files' : providerLabel(c.provider);

const DESCRIPTION: Record<ChannelConfig['channel'], string> = {
  email: 'How e-mails leave: written to the local outbox folder, or sent through your SMTP server.',
  sms: 'How texts leave: written to the local outbox folder, or sent through Twilio or a compatible API.',
  print: 'Letters and postcards: merged into a print file here, or sent to a print-and-mail service.',
  voice: 'Ringless voice drops: played by the local simulator, or sent to a ringless-voicemail provider.',
};

/** One channel's provider and its settings, saved on its own. */
export function ChannelCard({
  storeId,
  config,
  readOnly,
  timeZone,
}: {
  storeId: number;
  config: ChannelConfig;
  readOnly: boolean;
  timeZone: string;
}) {
  const [values, setValues] = useState<ChannelFormValues>(() => toChannelForm(config));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveChannel(storeId, config.channel);
  const notify = useNotify();
  const dirty = channelFormDirty(values, config);
  const title = CHANNEL_KIND_LABEL[config.channel];

  const setProvider = (provider: ProviderName) => {
    setValues(toChannelForm(config, provider));
    setErrors({});
    save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || !dirty) return;
    save.mutate(toChannelChange(values), {
      onSuccess: (saved) => {
        setValues(toChannelForm(saved));
        setErrors({});
        notify({
          color: 'green',
          title: 'Channel saved',
          message: `${title}: now sent through ${badgeLabel(saved)}.`,
        });
      },
      onError: (error) => setErrors(channelFieldErrors(error, values.provider)),
    });
  };

  const cancel = () => {
    setValues(toChannelForm(config));
    setErrors({});
    save.reset();
  };

  const secrets = PROVIDER_SECRETS[values.provider];
  return (
    <Paper withBorder p="md" component="section" aria-label={`${title} channel`}>
      <form onSubmit={submit} noValidate aria-label={`${title} channel`}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap={8}>
                <Title order={2} size="h4">
                  {title}
                </Title>
                <Badge
                  variant="light"
                  color={config.provider === 'outbox' ? 'gray' : 'indigo'}
                  data-testid={`channel-${config.channel}-provider`}
                >
                  {badgeLabel(config)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {DESCRIPTION[config.channel]}
              </Text>
            </Stack>
            {config.updatedAt && (
              <Text size="xs" c="dimmed" ta="right" style={{ flexShrink: 0 }}>
                Changed {formatDateTimeInZone(config.updatedAt, timeZone)}
              </Text>
            )}
          </Group>
          <Fieldset variant="unstyled" disabled={readOnly || save.isPending}>
            <Stack gap="sm">
              <NativeSelect
                label="Provider"
                w={{ base: '100%', md: 'calc(50% - var(--mantine-spacing-md) / 2)' }}
                value={values.provider}
                onChange={(e) => {
                  const next = CHANNEL_PROVIDERS[config.channel].find((p) => p === e.currentTarget.value);
                  if (next) setProvider(next);
                }}
                data={CHANNEL_PROVIDERS[config.channel].map((p) => ({
                  value: p,
                  label: providerOptionLabel(config.channel, p),
                }))}
              />
              {values.provider === 'outbox' ? (
                <Text size="sm" c="dimmed">
                  {config.channel === 'print'
                    ? 'Letters and postcards are merged into one PDF per batch run, or per day, under Print files: download it, print it and mark it printed & mailed.'
                    : `Messages are written to the outbox folder in the data folder (${config.channel === 'email' ? '.eml files' : 'JSON files'}) and listed under Outbox; nothing leaves this computer.`}
                </Text>
              ) : (
                <ProviderFields
                  fields={PROVIDER_FIELDS[values.provider]}
                  values={values.settings}
                  errors={errors}
                  onChange={(name, value) => {
                    setValues((v) => ({ ...v, settings: { ...v.settings, [name]: value } }));
                    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)));
                  }}
                />
              )}
              {secrets.length > 0 && (
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {secrets.map((s) => (
                    <SecretInput
                      key={s.name}
                      field={s}
                      isSet={secretIsSet(config, values.provider, s.name)}
                      value={values.secrets[s.name] ?? ''}
                      onChange={(value) => setValues((v) => ({ ...v, secrets: { ...v.secrets, [s.name]: value } }))}
                    />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          </Fieldset>
          {save.isError && (
            <Alert color="red" title="Not saved" role="alert" p="xs">
              {errorMessage(save.error)}
            </Alert>
          )}
          {!readOnly && (
            <Group justify="flex-end" gap="sm">
              {dirty && (
                <Text size="sm" c="dimmed" mr="auto">
                  Unsaved changes
                </Text>
              )}
              <Button variant="default" size="sm" onClick={cancel} disabled={!dirty || save.isPending}>
                Cancel
              </Button>
              <Button type="submit" size="sm" disabled={!dirty} loading={save.isPending}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
