import { isApiError } from '../api/client.ts';

/** One reason the server refused a template (the 422's `details.problems`), positions 1-based. */
export interface TemplateProblem {
  code: string;
  /** The merge tag, seed tag, Liquid tag or filter as written; '' for syntax errors. */
  tag: string;
  line: number;
  column: number;
  field: 'subject' | 'body' | null;
  message: string;
}

const TEMPLATE_CODES = new Set([
  'template_unknown_tag',
  'template_syntax',
  'template_unknown_filter',
  'template_raw_output',
  'template_sms_too_long',
]);

function problemOf(raw: unknown): TemplateProblem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const get = (key: string): unknown => Reflect.get(raw, key);
  const code = get('code');
  const line = get('line');
  const column = get('column');
  const message = get('message');
  const tag = get('tag');
  const field = get('field');
  if (typeof code !== 'string' || typeof line !== 'number' || typeof column !== 'number') return null;
  return {
    code,
    tag: typeof tag === 'string' ? tag : '',
    line,
    column,
    field: field === 'subject' || field === 'body' ? field : null,
    message: typeof message === 'string' ? message : '',
  };
}

/** Whether an error is the server refusing the template's text (a 422 with a template_* code). */
export function isTemplateRefusal(error: unknown): boolean {
  return isApiError(error) && error.status === 422 && TEMPLATE_CODES.has(error.code);
}

/** The problems a 422 lists, in the order given; [] for any other error. */
export function templateProblemsOf(error: unknown): TemplateProblem[] {
  if (!isApiError(error) || error.status !== 422) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const problems: unknown = details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: unknown) => {
    const problem = problemOf(p);
    return problem ? [problem] : [];
  });
}

/** The server's own words without the "body: " prefix and the trailing position, capitalised. */
function plainMessage(p: TemplateProblem): string {
  const text = p.message
    .replace(/^(subject|body):\s*/, '')
    .replace(/\s*\(line \d+, column \d+\)$/, '')
    .trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isMergeField = (p: TemplateProblem) =>
  p.code === 'template_unknown_tag' && (p.tag.startsWith('<') || /^unknown merge (tag|field)/i.test(plainMessage(p)));

/**
 * One line a person can act on: "Unknown merge field customer.nmae — line 2, column 4".
 * Positions count from 1 within the field the problem is in.
 */
export function formatProblem(p: TemplateProblem): string {
  const where = `line ${p.line}, column ${p.column}`;
  if (isMergeField(p)) return `Unknown merge field ${p.tag} — ${where}`;
  if (p.code === 'template_unknown_filter') return `Unknown filter “${p.tag}” — ${where}`;
  if (p.code === 'template_syntax') return `Liquid syntax error: ${plainMessage(p)} — ${where}`;
  return `${plainMessage(p)} — ${where}`;
}

/** The problems of one field (problems without a field belong to the body). */
export function problemsFor(problems: readonly TemplateProblem[], field: 'subject' | 'body'): TemplateProblem[] {
  return problems.filter((p) => (p.field ?? 'body') === field);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The catalogue path an unknown merge field was most likely meant to be (customer.nmae →
 * customer.name), or null when nothing is close (at most a third of the letters differ).
 */
export function suggestMergeTag(tag: string, paths: readonly string[]): string | null {
  const wanted = tag.toLowerCase();
  let best: { path: string; distance: number } | null = null;
  for (const path of paths) {
    const distance = editDistance(wanted, path.toLowerCase());
    if (!best || distance < best.distance) best = { path, distance };
  }
  if (!best || best.distance === 0 || best.distance > Math.max(1, Math.floor(wanted.length / 3))) return null;
  return best.path;
}
