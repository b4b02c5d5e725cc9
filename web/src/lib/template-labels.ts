import type {
  MergeTag,
  RemovedItem,
  TagConversion,
  TemplateChannel,
  TemplateLanguage,
  TemplatePurpose,
} from '../api/templates.types.ts';

export const CHANNEL_LABELS: Record<TemplateChannel, string> = {
  email: 'E-mail',
  sms: 'Text (SMS)',
  voice: 'Voice script',
  letter: 'Letter',
  postcard: 'Postcard',
};

export const LANGUAGE_LABELS: Record<TemplateLanguage, string> = { en: 'English', fr: 'Français' };

export const PURPOSE_LABELS: Record<TemplatePurpose, string> = { service: 'Service', marketing: 'Marketing' };

/** The contact types dealerships use most; any other lower_snake_case value is allowed too. */
export const COMMON_CONTACT_TYPES: readonly { value: string; label: string }[] = [
  { value: 'maintenance', label: 'Maintenance' },
  { value: 'confirm', label: 'Appointment confirmation' },
  { value: 'no_show', label: 'No show' },
  { value: 'unsold', label: 'Unsold' },
  { value: 'sales_schedule', label: 'Sales schedule' },
  { value: 'reminder_1', label: 'Reminder 1' },
  { value: 'reminder_2', label: 'Reminder 2' },
  { value: 'thank_you', label: 'Thank you' },
  { value: 'deferred', label: 'Deferred work' },
  { value: 'inactive', label: 'Inactive customer' },
];

/** "no_show" → "No show"; the common types have their own labels. */
export function contactTypeLabel(value: string): string {
  const common = COMMON_CONTACT_TYPES.find((t) => t.value === value);
  if (common) return common.label;
  const words = value.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a person types ("Lease end", "lease-end") as the API's lower_snake_case ("lease_end"). */
export function normaliseContactType(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const GROUP_LABELS: Record<string, string> = {
  customer: 'Customer',
  vehicle: 'Vehicle',
  store: 'Signature',
  appointment: 'Appointment',
  visit: 'Last visit',
  salesperson: 'Salesperson',
  message: 'Message',
};

export interface MergeTagGroup {
  group: string;
  label: string;
  tags: MergeTag[];
}

/** The picker's sections, in catalogue order. */
export function groupMergeTags(tags: readonly MergeTag[]): MergeTagGroup[] {
  const groups = new Map<string, MergeTagGroup>();
  for (const tag of tags) {
    let group = groups.get(tag.group);
    if (!group) {
      const label = GROUP_LABELS[tag.group] ?? tag.group.charAt(0).toUpperCase() + tag.group.slice(1);
      group = { group: tag.group, label, tags: [] };
      groups.set(tag.group, group);
    }
    group.tags.push(tag);
  }
  return [...groups.values()];
}

/** The tags whose label, path or seed alias contains the search text (case-insensitive). */
export function filterMergeTags(tags: readonly MergeTag[], search: string, language: TemplateLanguage): MergeTag[] {
  const q = search.trim().toLowerCase();
  if (q === '') return [...tags];
  return tags.filter(
    (t) =>
      t.label[language].toLowerCase().includes(q) ||
      t.label.en.toLowerCase().includes(q) ||
      t.path.toLowerCase().includes(q) ||
      t.aliases.some((a) => a.toLowerCase().includes(q)),
  );
}

/** A sample value as the picker shows it. */
export const sampleText = (sample: string | readonly string[]): string =>
  typeof sample === 'string' ? sample : sample.join(', ');

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function removedPhrase(item: RemovedItem): string {
  switch (item.kind) {
    case 'element':
      return count(item.count, item.name, `${item.name}s`);
    case 'attribute':
      return count(item.count, `${item.name} attribute`, `${item.name} attributes`);
    case 'url':
      return count(item.count, `${item.name} link`, `${item.name} links`);
    case 'css':
      return count(item.count, `${item.name} rule`, `${item.name} rules`);
    default:
      return count(item.count, item.name, item.name);
  }
}

/** "Removed 1 script, 2 onclick attributes", or null when nothing was removed. */
export function removedSummary(removed: readonly RemovedItem[]): string | null {
  if (removed.length === 0) return null;
  return `Removed ${removed.map(removedPhrase).join(', ')}`;
}

/** "Converted <Mailing Name> to {{ customer.mailing_name }}" (repeats of one seed tag said once). */
export function conversionMessages(converted: readonly TagConversion[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of converted) {
    const key = `${c.seed}\u0000${c.liquid}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`Converted ${c.seed} to ${c.liquid}`);
  }
  return out;
}
