import { apiRequest } from './client.ts';

/** Mirror of src/stores/store-settings.ts (`storeSettingsSchema` plus id and code). */
export interface StoreSettings {
  id: number;
  code: string;
  name: string;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  /** Two-letter ISO code, e.g. CA. */
  country: string;
  phone: string | null;
  email: string | null;
  ownerName: string | null;
  /** https://… or mailto:… */
  feedbackUrl: string | null;
  /** IANA zone, e.g. America/Toronto. */
  timeZone: string;
  bodyShopAutoOff: boolean;
  /** HH:MM */
  sendWindowStart: string;
  /** HH:MM (24:00 allowed) */
  sendWindowEnd: string;
  emailBounceLimit: number;
  emailRedDays: number;
  voiceImpossibleBlockDays: number;
  voiceImpossibleForeverAt: number;
  homeBusyForeverAt: number;
  campaignImpossibleBlockDays: number;
  campaignImpossibleForeverAfter: number;
}

/** What a store's administrator may change: everything but id and code. */
export type EditableStoreSettings = Omit<StoreSettings, 'id' | 'code'>;

export function fetchStoreSettings(storeId: number, signal?: AbortSignal): Promise<StoreSettings> {
  return apiRequest<StoreSettings>('GET', `/api/stores/${storeId}/settings`, { signal });
}

/** Sends only the fields given; answers the full settings. */
export function updateStoreSettings(storeId: number, change: Partial<EditableStoreSettings>): Promise<StoreSettings> {
  return apiRequest<StoreSettings>('PATCH', `/api/stores/${storeId}/settings`, { body: change });
}
