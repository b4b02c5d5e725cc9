import { apiBlobRequest, apiRequest } from './client.ts';
import type {
  MergeTag,
  SavedTemplate,
  TemplateDetail,
  TemplateDraft,
  TemplateFilters,
  TemplateInput,
  TemplatePatch,
  TemplatePreview,
  TemplateSummary,
  TemplateVersion,
} from './templates.types.ts';

export async function fetchMergeTags(signal?: AbortSignal): Promise<MergeTag[]> {
  const res = await apiRequest<{ tags: MergeTag[] }>('GET', '/api/merge-tags', { signal });
  return res.tags;
}

export async function fetchTemplates(
  storeId: number,
  filters: TemplateFilters,
  signal?: AbortSignal,
): Promise<TemplateSummary[]> {
  const params = new URLSearchParams();
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.language) params.set('language', filters.language);
  if (filters.active !== undefined) params.set('active', String(filters.active));
  const query = params.toString();
  const res = await apiRequest<{ templates: TemplateSummary[] }>(
    'GET',
    `/api/stores/${storeId}/templates${query ? `?${query}` : ''}`,
    { signal },
  );
  return res.templates;
}

export function fetchTemplate(id: number, signal?: AbortSignal): Promise<TemplateDetail> {
  return apiRequest<TemplateDetail>('GET', `/api/templates/${id}`, { signal });
}

export function fetchTemplateVersion(id: number, version: number, signal?: AbortSignal): Promise<TemplateVersion> {
  return apiRequest<TemplateVersion>('GET', `/api/templates/${id}/versions/${version}`, { signal });
}

/** Managers and administrators; a 422 lists every problem in `details.problems`. */
export function createTemplate(storeId: number, input: TemplateInput): Promise<SavedTemplate> {
  return apiRequest<SavedTemplate>('POST', `/api/stores/${storeId}/templates`, { body: input });
}

/** Sends only what changed; a change of subject or body makes a new version. */
export function updateTemplate(id: number, patch: TemplatePatch): Promise<SavedTemplate> {
  return apiRequest<SavedTemplate>('PATCH', `/api/templates/${id}`, { body: patch });
}

/** An unsaved draft rendered for a customer (or the sample one when customerId is null). */
export function previewDraft(storeId: number, draft: TemplateDraft, signal?: AbortSignal): Promise<TemplatePreview> {
  return apiRequest<TemplatePreview>('POST', `/api/stores/${storeId}/templates/preview`, { body: draft, signal });
}

/** An unsaved letter or postcard as a PDF. */
export function previewDraftPdf(storeId: number, draft: TemplateDraft, signal?: AbortSignal): Promise<Blob> {
  return apiBlobRequest('POST', `/api/stores/${storeId}/templates/preview.pdf`, 'application/pdf', {
    body: draft,
    signal,
  });
}

/** A saved version (the current one when version is null) rendered for a customer or the sample one. */
export function previewSaved(
  id: number,
  options: { version: number | null; customerId: number | null },
  signal?: AbortSignal,
): Promise<TemplatePreview> {
  return apiRequest<TemplatePreview>('POST', `/api/templates/${id}/preview`, {
    body: {
      ...(options.version !== null ? { version: options.version } : {}),
      ...(options.customerId !== null ? { customerId: options.customerId } : {}),
    },
    signal,
  });
}

/** Sends the saved template to a staff address or number as a test (managers and administrators). */
export function sendTemplateTest(
  id: number,
  body: { to: string; customerId?: number | null; requestKey: string },
): Promise<{ messageId: number; status: string; target: string | null }> {
  return apiRequest('POST', `/api/templates/${id}/test-send`, { body });
}
