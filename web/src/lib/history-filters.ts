/** Filters of the contact history and the Outbox (channel, status), and their pages as one list. */
import {
  MESSAGE_CHANNELS,
  MESSAGE_STATUSES,
  type HistoryItem,
  type MessageChannel,
  type MessageFilters,
} from '../api/delivery.types.ts';
import { isMessageStatus, STATUS_LABEL } from './message-status.ts';
import { CHANNEL_LABELS } from './template-labels.ts';

/** The "any" choice of a filter select. */
export const ALL = 'all';

export const isMessageChannel = (v: string): v is MessageChannel => MESSAGE_CHANNELS.some((c) => c === v);

export const CHANNEL_FILTER_OPTIONS = [
  { value: ALL, label: 'All channels' },
  ...MESSAGE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
];

export const STATUS_FILTER_OPTIONS = [
  { value: ALL, label: 'All statuses' },
  ...MESSAGE_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
];

/** A select's value as a filter: anything unknown (or "all") means no filter. */
export function filtersFrom(channel: string | null, status: string | null): MessageFilters {
  return {
    channel: channel !== null && isMessageChannel(channel) ? channel : undefined,
    status: status !== null && isMessageStatus(status) ? status : undefined,
  };
}

/** Reads ?channel=&status= (the Outbox keeps its filters in the URL). */
export const filtersFromParams = (params: URLSearchParams): MessageFilters =>
  filtersFrom(params.get('channel'), params.get('status'));

/** The URL's parameters for these filters (none for "all"). */
export function filtersToParams(filters: MessageFilters): Record<string, string> {
  return {
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}

export const hasFilters = (f: MessageFilters): boolean => f.channel !== undefined || f.status !== undefined;

/** The loaded pages as one list, newest first; a message that moved between pages shows once. */
export function flattenPages<T extends Pick<HistoryItem, 'id'>>(pages: readonly { items: readonly T[] }[]): T[] {
  const seen = new Set<number>();
  const out: T[] = [];
  for (const page of pages)
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  return out;
}

/** The line under a message list: "3 messages", "25 messages, more to load". */
export function countLabel(shown: number, more: boolean): string {
  const words = `${shown} ${shown === 1 ? 'message' : 'messages'}`;
  return more ? `${words} (more to load)` : words;
}
