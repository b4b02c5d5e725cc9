/**
 * Mirrors of the API's shapes for one-off campaigns from a saved query: the store's staff and
 * senders (src/stores/store-staff.routes.ts), Campaign Options (src/campaigns/campaign-options.routes.ts)
 * and the campaign itself, a batch schedule with recurrence 'once' (src/campaigns/batch-schedules.schemas.ts).
 * /api/openapi.json is the reference when they disagree.
 */
import type { BatchChannel, RoiType } from './batches.types.ts';
import type { Role } from './types.ts';

export type CampaignChannel = BatchChannel;

/** An active user of the store (its staff and the group's administrators), for distribution lists. */
export interface StaffMember {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** What the store sends from: e-mail From addresses and texting numbers. */
export interface StoreSenders {
  email: string[];
  sms: string[];
}

export interface CampaignOptionsRequest {
  savedQueryId: number;
  channel: CampaignChannel;
  /** The template's purpose: marketing needs consent. */
  purpose: 'marketing' | 'service';
  /** When it would send (default now). */
  at?: string;
}

/** Who of the query a campaign on `channel` reaches; the rest by reason; what the other channels would reach of them. */
export interface CampaignReach {
  channel: CampaignChannel;
  matched: number;
  reachable: number;
  unreachable: number;
  /** One customer may have several reasons. */
  unreachableByReason: Record<string, number>;
  alternatives: { channel: CampaignChannel; reachable: number }[];
}

/** POST /api/stores/:storeId/batch-schedules for a one-off campaign from a saved query. */
export interface CampaignInput {
  name: string;
  recurrence: 'once';
  /** ISO timestamp. */
  onceAt: string;
  channel: CampaignChannel;
  kind: 'fetch';
  savedQueryId: number;
  recycleCodeId: number;
  /** null for voice drops, which play a recording. */
  templateId: number | null;
  /** Voice drops: the recording, the caller ID and marketing (needs consent) or service. */
  recordingId?: number;
  callerIdId?: number;
  purpose?: 'marketing' | 'service';
  dailyLimit: number;
  sender: string | null;
  distributionUserIds: number[];
  roiType: RoiType;
  /** Campaign Options: the channel for customers the main one cannot reach; null skips them. */
  fallbackChannel: CampaignChannel | null;
  fallbackTemplateId: number | null;
}

/** What the POST answers: the saved batch schedule (only the fields this screen reads). */
export interface Campaign {
  id: number;
  storeId: number;
  name: string;
  recurrence: 'daily' | 'once';
  channel: CampaignChannel;
  kind: 'contact_type' | 'fetch';
  savedQueryId: number | null;
  /** null for voice drops. */
  templateId: number | null;
  recordingId: number | null;
  callerIdId: number | null;
  purpose: 'marketing' | 'service';
  /** ISO timestamp. */
  onceAt: string | null;
  sender: string | null;
  distributionUserIds: number[];
  roiType: RoiType;
  fallbackChannel: CampaignChannel | null;
  fallbackTemplateId: number | null;
  /** ISO timestamp; null once a one-off has passed. */
  nextRunAt: string | null;
  problems: string[];
  createdAt: string;
  updatedAt: string;
}
