import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { TEMPLATE_CHANNELS, type TemplateChannel, type TemplateLanguage } from '../../api/templates.types.ts';
import { CHANNEL_LABELS, LANGUAGE_LABELS } from '../../lib/template-labels.ts';

const ALL = 'all';

const CHANNEL_OPTIONS = [
  { value: ALL, label: 'All channels' },
  ...TEMPLATE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
];
const LANGUAGE_OPTIONS = [
  { value: ALL, label: 'All languages' },
  { value: 'en', label: LANGUAGE_LABELS.en },
  { value: 'fr', label: LANGUAGE_LABELS.fr },
];

const isChannel = (v: string): v is TemplateChannel => TEMPLATE_CHANNELS.some((c) => c === v);
const isLanguage = (v: string): v is TemplateLanguage => v === 'en' || v === 'fr';

export interface TemplateFilterValues {
  channel: TemplateChannel | undefined;
  language: TemplateLanguage | undefined;
  search: string;
}

/** Reads the filters from the URL's ?channel=&language=&q=; anything unknown means "all". */
export function filtersFromParams(params: URLSearchParams): TemplateFilterValues {
  const channel = params.get('channel') ?? '';
  const language = params.get('language') ?? '';
  return {
    channel: isChannel(channel) ? channel : undefined,
    language: isLanguage(language) ? language : undefined,
    search: params.get('q') ?? '',
  };
}

/** Channel (segmented), language (select) and a name filter above the template list. */
export function TemplateFilters({
  value,
  onChange,
}: {
  value: TemplateFilterValues;
  onChange: (next: TemplateFilterValues) => void;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Channel"
        size="xs"
        data={CHANNEL_OPTIONS}
        value={value.channel ?? ALL}
        onChange={(v) => onChange({ ...value, channel: isChannel(v) ? v : undefined })}
      />
      <Select
        aria-label="Language"
        size="xs"
        w={150}
        data={LANGUAGE_OPTIONS}
        value={value.language ?? ALL}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, language: v !== null && isLanguage(v) ? v : undefined })}
      />
      <TextInput
        aria-label="Filter by name"
        placeholder="Filter by name or contact type"
        size="xs"
        type="search"
        w={240}
        value={value.search}
        onChange={(e) => onChange({ ...value, search: e.currentTarget.value })}
      />
    </Group>
  );
}
