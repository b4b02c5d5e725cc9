import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useDraftPreview, useSavedPreview } from '../../api/templates.queries.ts';
import type { TemplateDraft, TemplateLanguage, TemplatePreview } from '../../api/templates.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { bodyToSend, type SendFormValues } from '../../lib/send-form.ts';
import { templateProblemsOf, type TemplateProblem } from '../../lib/template-problems.ts';
import { PREVIEW_DEBOUNCE_MS } from '../templates/useLivePreview.ts';

export interface SendPreviewState {
  preview: TemplatePreview | undefined;
  loading: boolean;
  /** The written text's problems (unknown merge fields…), each with its place. */
  problems: TemplateProblem[];
  /** A failure without a place. */
  error: string | null;
}

/**
 * The message rendered for this customer as it would be sent: a saved template through its
 * preview, a written message through the draft preview (debounced while typing).
 */
export function useSendPreview(
  storeId: number,
  customerId: number,
  language: TemplateLanguage,
  values: SendFormValues,
): SendPreviewState {
  const usingTemplate = values.source === 'template';
  const saved = useSavedPreview(values.templateId ?? 0, null, customerId, usingTemplate && values.templateId !== null);
  const draft = useMemo<TemplateDraft | null>(
    () =>
      usingTemplate || values.body.trim() === ''
        ? null
        : {
            channel: values.channel,
            language,
            purpose: values.purpose,
            subject: values.channel === 'email' ? values.subject : null,
            body: bodyToSend(values),
            customerId,
          },
    [usingTemplate, values, language, customerId],
  );
  const [debounced] = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const written = useDraftPreview(storeId, debounced);
  const active = usingTemplate ? saved : written;
  const enabled = usingTemplate ? values.templateId !== null : draft !== null;
  if (!enabled) return { preview: undefined, loading: false, problems: [], error: null };
  const problems = active.isError ? templateProblemsOf(active.error) : [];
  const preview = active.data?.channel === values.channel ? active.data : undefined;
  return {
    preview,
    loading: active.isFetching || (!usingTemplate && draft !== debounced),
    problems,
    error: active.isError && problems.length === 0 ? errorMessage(active.error) : null,
  };
}
