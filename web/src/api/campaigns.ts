import { apiRequest } from './client.ts';
import type {
  Campaign,
  CampaignInput,
  CampaignOptionsRequest,
  CampaignReach,
  StaffMember,
  StoreSenders,
} from './campaigns.types.ts';

/** Active users of the store, by name: who a distribution list can name. */
export async function fetchStoreStaff(storeId: number, signal?: AbortSignal): Promise<StaffMember[]> {
  const res = await apiRequest<{ staff: StaffMember[] }>('GET', `/api/stores/${storeId}/staff`, { signal });
  return res.staff;
}

export function fetchStoreSenders(storeId: number, signal?: AbortSignal): Promise<StoreSenders> {
  return apiRequest<StoreSenders>('GET', `/api/stores/${storeId}/senders`, { signal });
}

/** The Campaign Options counts: who the campaign reaches, why the rest cannot be, what other channels would reach. */
export function fetchCampaignOptions(storeId: number, body: CampaignOptionsRequest): Promise<CampaignReach> {
  return apiRequest<CampaignReach>('POST', `/api/stores/${storeId}/campaign-options`, { body });
}

/** Managers and administrators; one that could not run is a 422 'batch_invalid' with `details.problems`, a name in use a 409. */
export function createCampaign(storeId: number, input: CampaignInput): Promise<Campaign> {
  return apiRequest<Campaign>('POST', `/api/stores/${storeId}/batch-schedules`, { body: input });
}
