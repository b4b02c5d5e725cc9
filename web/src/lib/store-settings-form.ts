import type { EditableStoreSettings, StoreSettings } from '../api/store-settings.ts';
import { isApiError } from '../api/client.ts';

export type SettingKey = keyof EditableStoreSettings;

const NULLABLE_TEXT = [
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'phone',
  'email',
  'ownerName',
  'feedbackUrl',
] as const satisfies readonly SettingKey[];
const TEXT = [
  'name',
  'country',
  'timeZone',
  'sendWindowStart',
  'sendWindowEnd',
] as const satisfies readonly SettingKey[];
export const NUMBER_KEYS = [
  'emailBounceLimit',
  'emailRedDays',
  'voiceImpossibleBlockDays',
  'voiceImpossibleForeverAt',
  'homeBusyForeverAt',
  'campaignImpossibleBlockDays',
  'campaignImpossibleForeverAfter',
] as const satisfies readonly SettingKey[];

type NullableTextKey = (typeof NULLABLE_TEXT)[number];
type TextKey = (typeof TEXT)[number];
export type NumberKey = (typeof NUMBER_KEYS)[number];

/** What the inputs hold: text as typed (empty for none), numbers as Mantine's NumberInput gives them. */
export type SettingsFormValues = Record<NullableTextKey | TextKey, string> &
  Record<NumberKey, number | string> & { bodyShopAutoOff: boolean };

export const SETTING_KEYS: readonly SettingKey[] = [...TEXT, ...NULLABLE_TEXT, ...NUMBER_KEYS, 'bodyShopAutoOff'];
const isSettingKey = (k: string): k is SettingKey => (SETTING_KEYS as readonly string[]).includes(k);

export function toFormValues(s: StoreSettings): SettingsFormValues {
  return {
    name: s.name,
    country: s.country,
    timeZone: s.timeZone,
    sendWindowStart: s.sendWindowStart,
    sendWindowEnd: s.sendWindowEnd,
    addressLine1: s.addressLine1 ?? '',
    addressLine2: s.addressLine2 ?? '',
    city: s.city ?? '',
    region: s.region ?? '',
    postalCode: s.postalCode ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    ownerName: s.ownerName ?? '',
    feedbackUrl: s.feedbackUrl ?? '',
    emailBounceLimit: s.emailBounceLimit,
    emailRedDays: s.emailRedDays,
    voiceImpossibleBlockDays: s.voiceImpossibleBlockDays,
    voiceImpossibleForeverAt: s.voiceImpossibleForeverAt,
    homeBusyForeverAt: s.homeBusyForeverAt,
    campaignImpossibleBlockDays: s.campaignImpossibleBlockDays,
    campaignImpossibleForeverAfter: s.campaignImpossibleForeverAfter,
    bodyShopAutoOff: s.bodyShopAutoOff,
  };
}

/** The value the API expects for one input; an empty number is sent as null for the server to refuse. */
function apiValue(key: SettingKey, values: SettingsFormValues): unknown {
  const raw = values[key];
  if (typeof raw === 'boolean') return raw;
  if ((NUMBER_KEYS as readonly string[]).includes(key)) {
    if (typeof raw === 'number') return raw;
    const n = raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  const text = String(raw).trim();
  if (key === 'country') return text.toUpperCase();
  if ((NULLABLE_TEXT as readonly string[]).includes(key)) return text === '' ? null : text;
  return text;
}

/** Only the fields that differ from the saved settings, in the API's shape. */
export function changedSettings(values: SettingsFormValues, saved: StoreSettings): Partial<EditableStoreSettings> {
  // Values are as typed (an emptied number is null): the server's schema is the judge.
  const change: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = apiValue(key, values);
    if (value !== saved[key]) change[key] = value;
  }
  return change;
}

/** A message to show under an input, or `true` to mark it when the overall message names it. */
export type FieldErrors = Partial<Record<SettingKey, string | true>>;

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * Maps a 400's `details[].field` to the inputs. A refusal without details (the send window's
 * order) marks the fields its message names.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isApiError(error) || error.status !== 400) return {};
  const errors: FieldErrors = {};
  if (Array.isArray(error.details)) {
    for (const d of error.details as unknown[]) {
      if (typeof d !== 'object' || d === null || !('field' in d) || !('message' in d)) continue;
      const { field, message } = d;
      if (typeof field === 'string' && typeof message === 'string' && isSettingKey(field)) {
        errors[field] = sentence(message);
      }
    }
  }
  if (Object.keys(errors).length === 0) {
    for (const key of SETTING_KEYS) if (new RegExp(`\\b${key}\\b`).test(error.message)) errors[key] = true;
  }
  return errors;
}
