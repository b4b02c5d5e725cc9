import { apiRequest } from './client.ts';
import type {
  PreviewInput,
  PreviewResult,
  QueryDetail,
  QueryInput,
  QueryPatch,
  QuerySummary,
  SegmentField,
} from './segments.types.ts';

/** The fields a rule may name, in the order the builder lists them. */
export async function fetchSegmentFields(signal?: AbortSignal): Promise<SegmentField[]> {
  const res = await apiRequest<{ fields: SegmentField[] }>('GET', '/api/segment-fields', { signal });
  return res.fields;
}

/** The count and a sample of an unsaved filter; a bad tree is a 422 'segment_invalid' with `details.problems`. */
export function previewQuery(storeId: number, input: PreviewInput, signal?: AbortSignal): Promise<PreviewResult> {
  return apiRequest<PreviewResult>('POST', `/api/stores/${storeId}/queries/preview`, { body: input, signal });
}

/** A store's saved queries by name; archived ones instead when `archived` is true. */
export async function fetchSavedQueries(
  storeId: number,
  archived: boolean,
  signal?: AbortSignal,
): Promise<QuerySummary[]> {
  const res = await apiRequest<{ queries: QuerySummary[] }>(
    'GET',
    `/api/stores/${storeId}/queries?archived=${archived ? 'true' : 'false'}`,
    { signal },
  );
  return res.queries;
}

export function fetchSavedQuery(id: number, signal?: AbortSignal): Promise<QueryDetail> {
  return apiRequest<QueryDetail>('GET', `/api/queries/${id}`, { signal });
}

/** Managers and administrators; a name the store already uses is a 409, a bad tree a 422. */
export function createSavedQuery(storeId: number, input: QueryInput): Promise<QueryDetail> {
  return apiRequest<QueryDetail>('POST', `/api/stores/${storeId}/queries`, { body: input });
}

/** Edit, archive (`{ archived: true }`) or restore; the filter is checked again when sent. */
export function updateSavedQuery(id: number, patch: QueryPatch): Promise<QueryDetail> {
  return apiRequest<QueryDetail>('PATCH', `/api/queries/${id}`, { body: patch });
}
