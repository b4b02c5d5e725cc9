import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef } from 'react';
import { useDraftPdf, useDraftPreview } from '../../api/templates.queries.ts';
import type { TemplatePreview } from '../../api/templates.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { isPrintChannel, toTemplateDraft, type TemplateFormValues } from '../../lib/template-form.ts';
import { templateProblemsOf, type TemplateProblem } from '../../lib/template-problems.ts';
import { usePdfObjectUrl } from './usePdfObjectUrl.ts';

/** How long typing must pause before the preview is rendered again. */
export const PREVIEW_DEBOUNCE_MS = 400;

export interface LivePreview {
  /** False while there is nothing to render (an empty body). */
  hasDraft: boolean;
  /** The latest render that succeeded (e-mail, text, voice); kept while a newer draft fails. */
  preview: TemplatePreview | null;
  /** The latest letter or postcard PDF that rendered, as an object URL. */
  pdfUrl: string | null;
  /** Whether what is shown is older than what is typed (waiting, rendering, or refused). */
  stale: boolean;
  updating: boolean;
  /** The server's refusals of the current draft, each with its place in the text. */
  problems: TemplateProblem[];
  /** A refusal without a place (a subject missing, a text over the provider's cap, a network failure). */
  otherError: string | null;
}

/**
 * Renders what is being typed, debounced, through the draft-preview endpoint (a PDF for letters
 * and postcards). The server checks the draft exactly as saving would, so its refusals are the
 * live validation.
 */
export function useLivePreview(storeId: number, values: TemplateFormValues, customerId: number | null): LivePreview {
  const draft = useMemo(() => toTemplateDraft(values, customerId), [values, customerId]);
  const [debounced] = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const print = debounced !== null && isPrintChannel(debounced.channel);
  const json = useDraftPreview(storeId, print ? null : debounced);
  const pdf = useDraftPdf(storeId, print ? debounced : null);
  const active = print ? pdf : json;

  const lastPreview = useRef<TemplatePreview | null>(null);
  if (json.isSuccess && !json.isPlaceholderData) lastPreview.current = json.data;
  const lastPdf = useRef<Blob | undefined>(undefined);
  if (pdf.isSuccess && !pdf.isPlaceholderData) lastPdf.current = pdf.data;
  const pdfUrl = usePdfObjectUrl(print ? lastPdf.current : undefined);

  // Refusals stay on screen until the next render settles, so they do not flicker while typing.
  const settled = useRef<{ problems: TemplateProblem[]; otherError: string | null }>({
    problems: [],
    otherError: null,
  });
  if (active.isError) {
    const problems = templateProblemsOf(active.error);
    settled.current = { problems, otherError: problems.length === 0 ? errorMessage(active.error) : null };
  } else if (active.isSuccess && !active.isPlaceholderData) {
    settled.current = { problems: [], otherError: null };
  }
  const waiting = draft !== debounced;
  const preview = lastPreview.current?.channel === values.channel ? lastPreview.current : null;

  return {
    hasDraft: draft !== null,
    preview: print ? null : preview,
    pdfUrl,
    stale: waiting || active.isFetching || active.isError,
    updating: draft !== null && (waiting || active.isFetching),
    problems: draft === null ? [] : settled.current.problems,
    otherError: draft === null ? null : settled.current.otherError,
  };
}
