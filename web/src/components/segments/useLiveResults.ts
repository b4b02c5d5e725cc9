import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef } from 'react';
import { useQueryPreview } from '../../api/segments.queries.ts';
import type { PreviewResult, SegmentField } from '../../api/segments.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import {
  countRules,
  fieldMap,
  filterProblemsOf,
  problemsByNode,
  toApiFilter,
  type NodeProblem,
  type UiGroup,
} from '../../lib/filter-tree.ts';

/** How long editing must pause before the count is asked for again. */
export const RESULTS_DEBOUNCE_MS = 400;
export const SAMPLE_SIZE = 10;

export interface LiveResults {
  /** The latest answer that succeeded; kept while a newer tree loads or is refused. */
  result: PreviewResult | null;
  /** Whether what is shown is older than the tree (waiting, loading, or refused). */
  stale: boolean;
  updating: boolean;
  /** The server's problems with the tree, by node id. */
  problems: Map<string, NodeProblem[]>;
  /** A refusal that is not about the tree (network, permissions). */
  otherError: string | null;
  /** Rules left out of the count because they are not finished. */
  skipped: number;
}

const NO_PROBLEMS = new Map<string, NodeProblem[]>();

/**
 * Counts what the tree matches as it is edited, debounced, through the preview endpoint. Rules
 * not finished yet are left out; the server checks the rest exactly as saving would, so its
 * refusals are the live validation.
 */
export function useLiveResults(storeId: number, tree: UiGroup, fields: readonly SegmentField[]): LiveResults {
  const sent = useMemo(() => toApiFilter(tree, fieldMap(fields), { skipIncomplete: true }), [tree, fields]);
  const [debounced] = useDebouncedValue(sent, RESULTS_DEBOUNCE_MS);
  const query = useQueryPreview(storeId, debounced.filter, SAMPLE_SIZE);

  const last = useRef<PreviewResult | null>(null);
  if (query.isSuccess && !query.isPlaceholderData) last.current = query.data;

  // Refusals stay on screen until the next answer settles, so they do not flicker while editing.
  const settled = useRef<{ problems: Map<string, NodeProblem[]>; otherError: string | null }>({
    problems: NO_PROBLEMS,
    otherError: null,
  });
  if (query.isError) {
    const problems = filterProblemsOf(query.error);
    settled.current = {
      problems: problemsByNode(problems, debounced.paths),
      otherError: problems.length === 0 ? errorMessage(query.error) : null,
    };
  } else if (query.isSuccess && !query.isPlaceholderData) {
    settled.current = { problems: NO_PROBLEMS, otherError: null };
  }
  const waiting = sent !== debounced;

  return {
    result: last.current,
    stale: waiting || query.isFetching || query.isError,
    updating: waiting || query.isFetching,
    problems: settled.current.problems,
    otherError: settled.current.otherError,
    skipped: countRules(tree) - countSent(sent.paths, tree),
  };
}

/** How many of the tree's rules were sent (the paths hold groups too). */
function countSent(paths: Record<string, string>, tree: UiGroup): number {
  const ids = new Set(Object.values(paths));
  let n = 0;
  const walk = (g: UiGroup) => {
    for (const c of g.children) {
      if (c.kind === 'group') walk(c);
      else if (ids.has(c.id)) n++;
    }
  };
  walk(tree);
  return n;
}
