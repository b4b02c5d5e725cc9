/**
 * The "Sending channels" forms: each provider's fields and secrets, the saved settings as form
 * values, the values as the API's PUT body, and the API's refusal mapped back to the fields.
 */
import type { ChannelChange, ChannelConfig, ChannelKind, ProviderName } from '../api/channels.types.ts';
import { isApiError } from '../api/client.ts';

export type FieldKind = 'text' | 'nullable' | 'number' | 'bool' | 'list';

export interface ProviderField {
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
  /** The value of a new form (the API's default). */
  initial: string | boolean;
}

export interface SecretField {
  name: string;
  label: string;
  description: string;
  multiline?: boolean;
}

export const CHANNEL_KIND_LABEL: Record<ChannelKind, string> = {
  email: 'E-mail',
  sms: 'Text messages (SMS)',
  print: 'Letters and postcards',
  voice: 'Voice drops',
};

/** The local provider's name per channel: letters go to print files, the rest to the outbox folder. */
export function providerOptionLabel(channel: ChannelKind, provider: ProviderName): string {
  return channel === 'print' && provider === 'outbox'
    ? 'Print files (download and print here)'
    : PROVIDER_OPTION_LABEL[provider];
}

export const PROVIDER_OPTION_LABEL: Record<ProviderName, string> = {
  outbox: 'Local outbox (nothing is sent)',
  smtp: 'SMTP server',
  twilio: 'Twilio (or a Twilio-compatible API)',
  print_api: 'Print-and-mail API',
  voice_simulator: 'Local simulator (nothing is sent)',
  voice_http: 'Ringless-voicemail provider (HTTP)',
};

export const PROVIDER_FIELDS: Record<ProviderName, readonly ProviderField[]> = {
  outbox: [],
  smtp: [
    { name: 'host', kind: 'text', label: 'Host', placeholder: 'smtp.example.com', required: true, initial: '' },
    { name: 'port', kind: 'number', label: 'Port', description: '587 (STARTTLS) or 465 (TLS).', initial: '587' },
    { name: 'user', kind: 'nullable', label: 'User name', description: 'Leave empty for none.', initial: '' },
    {
      name: 'from',
      kind: 'text',
      label: 'Default From',
      placeholder: 'Elm Street Auto <service@elmstreet.example>',
      description: 'Used when the sender picks no other address.',
      required: true,
      initial: '',
    },
    {
      name: 'fromAddresses',
      kind: 'list',
      label: 'Other approved From addresses',
      description: 'Separated by commas; users may pick one of these when sending.',
      initial: '',
    },
    {
      name: 'maxConnections',
      kind: 'number',
      label: 'Connections',
      description: 'How many connections to keep open (1–50).',
      initial: '10',
    },
    { name: 'dkimDomain', kind: 'nullable', label: 'DKIM domain', placeholder: 'elmstreet.example', initial: '' },
    { name: 'dkimSelector', kind: 'nullable', label: 'DKIM selector', placeholder: 'forecourt', initial: '' },
    { name: 'secure', kind: 'bool', label: 'TLS from the start (port 465)', initial: false },
    {
      name: 'rejectUnauthorized',
      kind: 'bool',
      label: 'Check the server’s certificate',
      description: 'Turn off only for a test server with a self-signed certificate.',
      initial: true,
    },
  ],
  twilio: [
    {
      name: 'accountSid',
      kind: 'text',
      label: 'Account SID',
      placeholder: 'AC…',
      description: 'AC followed by 32 hexadecimal digits.',
      required: true,
      initial: '',
    },
    {
      name: 'senders',
      kind: 'list',
      label: 'Senders',
      description:
        'Texting numbers (+14165550100) or alphanumeric sender ids of up to 11 characters, separated by commas; the first is the default.',
      required: true,
      initial: '',
    },
    {
      name: 'baseUrl',
      kind: 'text',
      label: 'API address',
      description: 'Another Twilio-compatible provider’s address can go here.',
      initial: 'https://api.twilio.com',
    },
    {
      name: 'helpText',
      kind: 'nullable',
      label: 'HELP reply',
      description: 'What a customer who texts HELP gets back.',
      initial: '',
    },
  ],
  print_api: [
    {
      name: 'baseUrl',
      kind: 'text',
      label: 'API address',
      placeholder: 'https://api.printer.example',
      required: true,
      initial: '',
    },
  ],
  voice_simulator: [
    {
      name: 'maxPorts',
      kind: 'number',
      label: 'Ports',
      description: 'Voice-drop jobs that may run at once (1–20).',
      initial: '5',
    },
    {
      name: 'msPerDrop',
      kind: 'number',
      label: 'Milliseconds per drop',
      description: 'How long each simulated drop takes before its result.',
      initial: '2000',
    },
    {
      name: 'resultTimeoutSeconds',
      kind: 'number',
      label: 'Result timeout (seconds)',
      description: 'How long a port waits for a result before it moves on.',
      initial: '60',
    },
  ],
  voice_http: [
    {
      name: 'baseUrl',
      kind: 'text',
      label: 'API address',
      placeholder: 'https://api.voicemail.example',
      description: 'Drops are posted to <address>/v1/drops (see docs/VOICE.md).',
      required: true,
      initial: '',
    },
    {
      name: 'maxPorts',
      kind: 'number',
      label: 'Ports',
      description: 'Voice-drop jobs that may run at once (1–20).',
      initial: '5',
    },
    {
      name: 'resultTimeoutSeconds',
      kind: 'number',
      label: 'Result timeout (seconds)',
      description: 'How long a port waits for a drop’s result before recording it failed.',
      initial: '300',
    },
  ],
};

export const PROVIDER_SECRETS: Record<ProviderName, readonly SecretField[]> = {
  outbox: [],
  smtp: [
    { name: 'password', label: 'Password', description: 'The SMTP password or API key.' },
    {
      name: 'dkimPrivateKey',
      label: 'DKIM private key',
      description: 'PEM, for signing; its public half goes in DNS under the selector.',
      multiline: true,
    },
    {
      name: 'webhookSecret',
      label: 'Webhook secret',
      description: 'Signs the delivery events your e-mail service posts to Forecourt (see docs/DELIVERY.md).',
    },
  ],
  twilio: [{ name: 'authToken', label: 'Auth token', description: 'From the provider’s console.' }],
  print_api: [
    { name: 'apiKey', label: 'API key', description: 'Sent with each print job.' },
    { name: 'webhookSecret', label: 'Webhook secret', description: 'Checks the provider’s status reports.' },
  ],
  voice_simulator: [],
  voice_http: [
    { name: 'apiKey', label: 'API key', description: 'Sent as a bearer token with each drop.' },
    {
      name: 'webhookSecret',
      label: 'Webhook secret',
      description: 'Checks the signed results the provider posts back.',
    },
  ],
};

export interface ChannelFormValues {
  provider: ProviderName;
  settings: Record<string, string | boolean>;
  /** New secret values; '' keeps what is stored. */
  secrets: Record<string, string>;
}

function fieldValue(field: ProviderField, saved: unknown): string | boolean {
  switch (field.kind) {
    case 'bool':
      return typeof saved === 'boolean' ? saved : field.initial;
    case 'list':
      return Array.isArray(saved) ? saved.map(String).join(', ') : field.initial;
    case 'number':
      return typeof saved === 'number' ? String(saved) : field.initial;
    case 'text':
    case 'nullable':
      return typeof saved === 'string' ? saved : saved === null ? '' : field.initial;
  }
}

/**
 * The form for `provider` on this channel: the saved settings when the channel uses that provider,
 * else the provider's defaults. Secret inputs start empty (their values never reach the browser).
 */
export function toChannelForm(config: ChannelConfig, provider: ProviderName = config.provider): ChannelFormValues {
  const saved = provider === config.provider ? config.settings : {};
  return {
    provider,
    settings: Object.fromEntries(PROVIDER_FIELDS[provider].map((f) => [f.name, fieldValue(f, saved[f.name])])),
    secrets: Object.fromEntries(PROVIDER_SECRETS[provider].map((s) => [s.name, ''])),
  };
}

function apiValue(field: ProviderField, value: string | boolean | undefined): unknown {
  const v = value ?? field.initial;
  if (typeof v === 'boolean') return v;
  const text = v.trim();
  switch (field.kind) {
    case 'number': {
      // Not a number: sent as typed, for the server to refuse by name.
      const n = text === '' ? NaN : Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'list':
      return text
        .split(/[,;\n]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'nullable':
      return text === '' ? null : text;
    case 'bool':
    case 'text':
      return text;
  }
}

/** The PUT body: every setting of the provider, and only the secrets typed (blank keeps the stored one). */
export function toChannelChange(values: ChannelFormValues): ChannelChange {
  const fields = PROVIDER_FIELDS[values.provider];
  const secrets = Object.fromEntries(
    PROVIDER_SECRETS[values.provider]
      .map((s) => [s.name, values.secrets[s.name] ?? ''] as const)
      .filter(([, v]) => v !== ''),
  );
  return {
    provider: values.provider,
    ...(fields.length > 0
      ? { settings: Object.fromEntries(fields.map((f) => [f.name, apiValue(f, values.settings[f.name])])) }
      : {}),
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
}

/** Whether a secret is stored for this provider (secrets do not carry over to another provider). */
export function secretIsSet(config: ChannelConfig, provider: ProviderName, name: string): boolean {
  return config.provider === provider && config.secretsSet.includes(name);
}

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * The fields a 400 names: "Check the smtp settings: port: Too big…; from: Too small…" gives
 * { port: 'Too big…', from: 'Too small…' } (a list item's path, fromAddresses.1, marks the list).
 */
export function channelFieldErrors(error: unknown, provider: ProviderName): Record<string, string> {
  if (!isApiError(error) || error.status !== 400) return {};
  const names = new Set(PROVIDER_FIELDS[provider].map((f) => f.name));
  const colon = error.message.indexOf('settings: ');
  if (colon < 0) return {};
  const errors: Record<string, string> = {};
  for (const part of error.message.slice(colon + 'settings: '.length).split('; ')) {
    const m = /^([A-Za-z]+)(?:\.\d+)?: (.+)$/.exec(part.trim());
    if (m?.[1] && m[2] && names.has(m[1]) && !(m[1] in errors)) errors[m[1]] = sentence(m[2]);
  }
  return errors;
}

/** Whether the form differs from what is saved (a typed secret counts). */
export function channelFormDirty(values: ChannelFormValues, config: ChannelConfig): boolean {
  if (values.provider !== config.provider) return true;
  if (Object.values(values.secrets).some((v) => v !== '')) return true;
  const saved = toChannelForm(config);
  return PROVIDER_FIELDS[values.provider].some((f) => values.settings[f.name] !== saved.settings[f.name]);
}
