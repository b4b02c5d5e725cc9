import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createTemplate,
  fetchMergeTags,
  fetchTemplate,
  fetchTemplates,
  fetchTemplateVersion,
  previewDraft,
  previewDraftPdf,
  previewSaved,
  updateTemplate,
} from './templates.ts';
import type { SavedTemplate, TemplateDraft, TemplateFilters, TemplateInput, TemplatePatch } from './templates.types.ts';
import {
  MERGE_TAGS_KEY,
  templateDetailKey,
  templateDraftPdfKey,
  templateDraftPreviewKey,
  templateListKey,
  templateSavedPreviewKey,
  templateVersionKey,
  TEMPLATES_KEY,
} from './query-keys.ts';

/** The catalogue only changes with a new release: fetch it once per page load. */
export function useMergeTags() {
  return useQuery({ queryKey: MERGE_TAGS_KEY, queryFn: ({ signal }) => fetchMergeTags(signal), staleTime: Infinity });
}

export function useTemplates(storeId: number | undefined, filters: TemplateFilters) {
  return useQuery({
    queryKey: templateListKey(storeId ?? 0, filters),
    queryFn: ({ signal }) => fetchTemplates(storeId ?? 0, filters, signal),
    enabled: storeId !== undefined,
  });
}

export function useTemplate(id: number | null) {
  return useQuery({
    queryKey: templateDetailKey(id ?? 0),
    queryFn: ({ signal }) => fetchTemplate(id ?? 0, signal),
    enabled: id !== null,
  });
}

/** After a save the lists and that template's detail (with its new version) are fetched again. */
function useRefreshTemplates() {
  const qc = useQueryClient();
  return async (saved: SavedTemplate) => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: [...TEMPLATES_KEY, 'list'] }),
      qc.invalidateQueries({ queryKey: templateDetailKey(saved.id) }),
    ]);
  };
}

export function useCreateTemplate(storeId: number) {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: (input: TemplateInput) => createTemplate(storeId, input),
    onSuccess: refresh,
  });
}

export function useUpdateTemplate(id: number) {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: (patch: TemplatePatch) => updateTemplate(id, patch),
    onSuccess: refresh,
  });
}

/**
 * The live preview of what is being typed (pass a debounced draft; null while there is nothing to
 * render). The last good preview stays on screen while the next one loads or when it fails.
 */
export function useDraftPreview(storeId: number, draft: TemplateDraft | null) {
  return useQuery({
    queryKey: templateDraftPreviewKey(storeId, draft),
    queryFn: async ({ signal }) => {
      if (!draft) throw new Error('Nothing to preview');
      return previewDraft(storeId, draft, signal);
    },
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

/** A letter or postcard draft as a PDF blob. */
export function useDraftPdf(storeId: number, draft: TemplateDraft | null) {
  return useQuery({
    queryKey: templateDraftPdfKey(storeId, draft),
    queryFn: async ({ signal }) => {
      if (!draft) throw new Error('Nothing to preview');
      return previewDraftPdf(storeId, draft, signal);
    },
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
  });
}

/** A saved version rendered (for looking at an old version read-only). */
export function useSavedPreview(id: number, version: number | null, customerId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: templateSavedPreviewKey(id, version, customerId),
    queryFn: ({ signal }) => previewSaved(id, { version, customerId }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Loads one saved version (subject and body exactly as saved); versions never change, so once is enough. */
export function useTemplateVersionLoader() {
  const qc = useQueryClient();
  return (id: number, version: number) =>
    qc.fetchQuery({
      queryKey: templateVersionKey(id, version),
      queryFn: ({ signal }) => fetchTemplateVersion(id, version, signal),
      staleTime: Infinity,
    });
}
