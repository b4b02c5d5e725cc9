/** React-query keys for everything cached about one customer, in one place so any mutation can refresh the rest. */
export const customerKey = (id: number) => ['customers', 'profile', id] as const;
export const contactabilityKey = (id: number) => ['customers', 'contactability', id] as const;
export const consentKey = (id: number) => ['customers', 'consent', id] as const;

/** Templates: lists per store and filters, one template's detail, previews of drafts and saved versions. */
export const TEMPLATES_KEY = ['templates'] as const;
export const MERGE_TAGS_KEY = ['merge-tags'] as const;
export const templateListKey = (
  storeId: number,
  filters: { channel?: string | undefined; language?: string | undefined; active?: boolean | undefined },
) =>
  [
    ...TEMPLATES_KEY,
    'list',
    storeId,
    filters.channel ?? null,
    filters.language ?? null,
    filters.active ?? null,
  ] as const;
export const templateDetailKey = (id: number) => [...TEMPLATES_KEY, 'detail', id] as const;
export const templateDraftPreviewKey = (storeId: number, draft: unknown) =>
  [...TEMPLATES_KEY, 'draft-preview', storeId, draft] as const;
export const templateDraftPdfKey = (storeId: number, draft: unknown) =>
  [...TEMPLATES_KEY, 'draft-pdf', storeId, draft] as const;
export const templateSavedPreviewKey = (id: number, version: number | null, customerId: number | null) =>
  [...TEMPLATES_KEY, 'saved-preview', id, version, customerId] as const;
export const templateVersionKey = (id: number, version: number) => [...TEMPLATES_KEY, 'version', id, version] as const;

/** What a customer sent us. */
export const repliesKey = (customerId: number) => ['customers', 'history', customerId, 'replies'] as const;

/** Delivery: a customer's history pages, the store's Outbox pages, one message, what a send can use. */
export const historyKey = (
  customerId: number,
  filters?: { channel?: string | undefined; status?: string | undefined },
) =>
  filters
    ? (['customers', 'history', customerId, filters.channel ?? null, filters.status ?? null] as const)
    : (['customers', 'history', customerId] as const);
export const STORE_MESSAGES_KEY = ['store-messages'] as const;
export const storeMessagesKey = (
  storeId: number,
  filters: { channel?: string | undefined; status?: string | undefined },
) => [...STORE_MESSAGES_KEY, storeId, filters.channel ?? null, filters.status ?? null] as const;
export const messageKey = (id: number) => ['messages', id] as const;
export const sendOptionsKey = (customerId: number) => ['customers', 'send-options', customerId] as const;
export const eligibilityKey = (customerId: number, channel: string, purpose: string) =>
  ['customers', 'eligibility', customerId, channel, purpose] as const;
export const channelsKey = (storeId: number) => ['stores', 'channels', storeId] as const;
/** Print files (merged PDFs of letters and postcards) per store. */
export const printFilesKey = (storeId: number) => ['stores', 'print-files', storeId] as const;

/** Saved queries ("Fetch"): the field catalogue, lists per store, one query, live previews of a tree. */
export const SEGMENTS_KEY = ['segments'] as const;
export const segmentFieldsKey = [...SEGMENTS_KEY, 'fields'] as const;
export const savedQueryListKey = (storeId: number, archived: boolean) =>
  [...SEGMENTS_KEY, 'list', storeId, archived] as const;
export const savedQueryKey = (id: number) => [...SEGMENTS_KEY, 'detail', id] as const;
export const queryPreviewKey = (storeId: number, filter: unknown) =>
  [...SEGMENTS_KEY, 'preview', storeId, filter] as const;

/** Batch Contacts: schedules per store and channel, one schedule, its runs; the contact types and recycle codes they use. */
export const BATCHES_KEY = ['batches'] as const;
export const batchListKey = (storeId: number, channel: string) => [...BATCHES_KEY, 'list', storeId, channel] as const;
export const batchScheduleKey = (id: number) => [...BATCHES_KEY, 'detail', id] as const;
export const batchRunsKey = (id: number, limit: number) => [...BATCHES_KEY, 'runs', id, limit] as const;
export const contactTypesKey = (storeId: number) => ['stores', 'contact-types', storeId] as const;
export const recycleCodesKey = (storeId: number) => ['stores', 'recycle-codes', storeId] as const;

/** Batch Contact Status and ROI per schedule and store-local day range. */
export const BATCH_STATUS_KEY = ['batch-status'] as const;
export const batchScheduleSummaryKey = (scheduleId: number) => [...BATCH_STATUS_KEY, 'schedule', scheduleId] as const;
export const batchContactsKey = (
  scheduleId: number,
  range: { from: string; to: string },
  excluded: readonly string[],
  page: number,
) => [...BATCH_STATUS_KEY, 'contacts', scheduleId, range.from, range.to, [...excluded].sort().join(','), page] as const;
export const batchStatusSeriesKey = (scheduleId: number, range: { from: string; to: string }) =>
  [...BATCH_STATUS_KEY, 'series', scheduleId, range.from, range.to] as const;
export const batchRoiKey = (scheduleId: number, range: { from: string; to: string }) =>
  [...BATCH_STATUS_KEY, 'roi', scheduleId, range.from, range.to] as const;

/** One-off campaigns: who a store's distribution lists can name, and what it sends from. */
export const storeStaffKey = (storeId: number) => ['stores', 'staff', storeId] as const;
export const storeSendersKey = (storeId: number) => ['stores', 'senders', storeId] as const;

/** Voice Drop set-up: a store's recordings and caller IDs. */
export const VOICE_KEY = ['voice'] as const;
export const voiceRecordingsKey = (storeId: number) => [...VOICE_KEY, 'recordings', storeId] as const;
export const voiceCallerIdsKey = (storeId: number) => [...VOICE_KEY, 'caller-ids', storeId] as const;

/** 360° Customer Contact: a store's set-up, its statistics per day range, one day's messages of a step. */
export const LIFECYCLE_KEY = ['lifecycle'] as const;
export const lifecycleSetupKey = (storeId: number) => [...LIFECYCLE_KEY, 'setup', storeId] as const;
export const lifecycleStatisticsKey = (storeId: number, range: { from: string; to: string }) =>
  [...LIFECYCLE_KEY, 'statistics', storeId, range.from, range.to] as const;
export const lifecycleMessagesKey = (storeId: number, day: string, step: string) =>
  [...LIFECYCLE_KEY, 'messages', storeId, day, step] as const;

/** Partner exports (CustomerLink, MechanicNET, CARFAX): a store's targets and its recent runs. */
export const EXPORTS_KEY = ['exports'] as const;
export const exportTargetsKey = (storeId: number) => [...EXPORTS_KEY, 'targets', storeId] as const;
export const exportRunsKey = (storeId: number) => [...EXPORTS_KEY, 'runs', storeId] as const;

/** The agents' day: Call Select lists, a customer's logged calls, productivity per day range. */
export const CALLS_KEY = ['calls'] as const;
export const callListsKey = (storeId: number) => [...CALLS_KEY, 'lists', storeId] as const;
export const callResultsKey = (customerId: number) => ['customers', 'call-results', customerId] as const;
export const productivityKey = (storeId: number, range: { from: string; to: string }) =>
  [...CALLS_KEY, 'productivity', storeId, range.from, range.to] as const;

/** Two-way texts: a store's threads (all or mine) and one customer's thread. */
export const INBOX_KEY = ['inbox'] as const;
export const inboxKey = (storeId: number, mine: boolean) => [...INBOX_KEY, 'threads', storeId, mine] as const;
export const textThreadKey = (customerId: number) => [...INBOX_KEY, 'thread', customerId] as const;
