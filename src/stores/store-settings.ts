import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Store, StoresTable } from '../db/schema.ts';
import type { Updateable } from 'kysely';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'use HH:MM, e.g. 08:00');
const days = (max: number) => z.number().int().min(1).max(max);

/** Everything a store's administrator can set, as the API shows it. */
export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  addressLine1: z.string().max(200).nullable(),
  addressLine2: z.string().max(200).nullable(),
  city: z.string().max(100).nullable(),
  region: z.string().max(50).nullable(),
  postalCode: z.string().max(20).nullable(),
  country: z.string().regex(/^[A-Z]{2}$/, 'use a two-letter ISO country code such as CA or US'),
  phone: z.string().max(40).nullable(),
  email: z.string().email().nullable(),
  ownerName: z.string().max(200).nullable(),
  feedbackUrl: z
    .string()
    .regex(/^(https?:\/\/|mailto:)\S+$/, 'use a web address (https://…) or mailto:email@domain.com')
    .nullable(),
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), {
    message: 'use an IANA time zone such as America/Toronto, America/Vancouver or America/New_York',
  }),
  bodyShopAutoOff: z.boolean(),
  sendWindowStart: hhmm,
  sendWindowEnd: hhmm,
  emailBounceLimit: z.number().int().min(1).max(9),
  emailRedDays: days(3650),
  voiceImpossibleBlockDays: days(365),
  voiceImpossibleForeverAt: days(99),
  homeBusyForeverAt: days(99),
  campaignImpossibleBlockDays: days(365),
  campaignImpossibleForeverAfter: days(99),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

const COLUMNS = {
  name: 'name',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  country: 'country',
  phone: 'phone',
  email: 'email',
  ownerName: 'owner_name',
  feedbackUrl: 'feedback_url',
  timeZone: 'time_zone',
  bodyShopAutoOff: 'body_shop_auto_off',
  sendWindowStart: 'send_window_start',
  sendWindowEnd: 'send_window_end',
  emailBounceLimit: 'email_bounce_limit',
  emailRedDays: 'email_red_days',
  voiceImpossibleBlockDays: 'voice_impossible_block_days',
  voiceImpossibleForeverAt: 'voice_impossible_forever_at',
  homeBusyForeverAt: 'home_busy_forever_at',
  campaignImpossibleBlockDays: 'campaign_impossible_block_days',
  campaignImpossibleForeverAfter: 'campaign_impossible_forever_after',
} as const satisfies Record<keyof StoreSettings, keyof StoresTable>;

export function presentSettings(s: Store): StoreSettings & { id: number; code: string } {
  const out: Record<string, unknown> = { id: s.id, code: s.code };
  for (const [key, column] of Object.entries(COLUMNS)) out[key] = s[column];
  return out as StoreSettings & { id: number; code: string };
}

/** The column update for a partial change, keyed by the API's names. */
export function settingsUpdate(change: Partial<StoreSettings>): Updateable<StoresTable> {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (value !== undefined) update[COLUMNS[key as keyof StoreSettings]] = value;
  }
  return update;
}
