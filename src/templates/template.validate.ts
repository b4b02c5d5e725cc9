import { ForTag, LiquidError, Tag, Value, toValueSync } from 'liquidjs';
import type { Liquid, Template, Variable } from 'liquidjs';
import { ALLOWED_FILTERS, ALLOWED_TAGS, FORMATTER_GLOBAL, createEngine } from './liquid-engine.ts';
import { FormatterCache, messageLocale } from './locale-format.ts';
import { buildMergeContext, sampleMergeInput } from './merge-context.ts';
import { MERGE_TAGS, type Language } from './merge-tags.catalogue.ts';

export type TemplateProblemCode = 'template_syntax' | 'template_unknown_tag' | 'template_unknown_filter';

/** One reason a template is refused. line and column are 1-based positions in the template source. */
export interface TemplateProblem {
  code: TemplateProblemCode;
  /** The offending merge tag, Liquid tag or filter as written ('customer.nmae', 'include', 'money'); '' for syntax errors. */
  tag: string;
  line: number;
  column: number;
  message: string;
  /** Which part of a template: set when a whole template (subject + body) is checked. */
  field?: 'subject' | 'body';
}

export type TemplateValidation = { ok: true } | { ok: false; problems: TemplateProblem[] };

const LEAF_PATHS: ReadonlySet<string> = new Set(MERGE_TAGS.filter((t) => t.type !== 'list').map((t) => t.path));
const LIST_PATHS: ReadonlySet<string> = new Set(MERGE_TAGS.filter((t) => t.type === 'list').map((t) => t.path));
/** What a list supports besides an index. */
const LIST_PROPERTIES: ReadonlySet<string> = new Set(['size', 'first', 'last']);

/** 1-based line and column (UTF-16 units) of `offset` in `source`. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = source.indexOf('\n'); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * A template validator for the merge-tag catalogue. Build once and reuse (it owns two Liquid
 * engines). Pure apart from that: no I/O.
 */
export function createTemplateValidator(): { validate(source: string): TemplateValidation } {
  const lenient = createEngine({ escape: false, strictFilters: false });
  const formatters = new FormatterCache();
  const samples = (['en', 'fr'] as const).map((language: Language) => {
    const input = sampleMergeInput(language);
    const formatter = formatters.get(
      messageLocale(language, input.store.country),
      input.store.timeZone,
      input.store.country,
    );
    return { scope: buildMergeContext(input), globals: { [FORMATTER_GLOBAL]: formatter } };
  });

  return {
    validate(source) {
      let templates: Template[];
      try {
        templates = lenient.parse(source);
      } catch (err) {
        return { ok: false, problems: [problemFromError(err, source)] };
      }
      const problems = [...structureProblems(templates, source), ...variableProblems(lenient, templates)];
      if (problems.length === 0) problems.push(...renderProblems(lenient, templates, source, samples));
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
      return problems.length === 0 ? { ok: true } : { ok: false, problems };
    },
  };
}

function problemFromError(err: unknown, source: string): TemplateProblem {
  if (!(err instanceof LiquidError)) throw err;
  const { line, column } = lineColumn(source, err.token.begin);
  // liquidjs appends ", line:1, col:2" to messages; positions are reported separately.
  const message = err.message.replace(/, line:\d+, col:\d+$/, '');
  const unknownTag = /^tag "([^"]+)" not found/.exec(message);
  if (unknownTag)
    return {
      code: 'template_unknown_tag',
      tag: unknownTag[1] ?? '',
      line,
      column,
      message: `unknown Liquid tag {% ${unknownTag[1]} %}`,
    };
  return { code: 'template_syntax', tag: '', line, column, message };
}

function* walk(templates: readonly Template[]): Generator<Template> {
  for (const t of templates) {
    yield t;
    if (t.children) yield* walk(toValueSync(t.children(false, true)));
  }
}

/** Disallowed Liquid tags, `for` over anything but a list, and filters outside the whitelist. */
function structureProblems(templates: readonly Template[], source: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const at = (offset: number) => lineColumn(source, offset);
  for (const t of walk(templates)) {
    if (t instanceof Tag && !ALLOWED_TAGS.has(t.name)) {
      problems.push({
        code: 'template_unknown_tag',
        tag: t.name,
        ...at(t.token.begin),
        message: `the Liquid tag {% ${t.name} %} is not allowed in templates`,
      });
    }
    if (t instanceof ForTag) {
      const collection = t.collection.getText().trim();
      if (!LIST_PATHS.has(collection) && !collection.startsWith('(')) {
        problems.push({
          code: 'template_unknown_tag',
          tag: collection,
          ...at(t.token.begin),
          message: `{% for %} can only loop over a list (${[...LIST_PATHS].join(', ')}), not "${collection}"`,
        });
      }
    }
    problems.push(...filterProblems(t, source));
  }
  return problems;
}

/** Filters outside the whitelist in one node's arguments. */
function filterProblems(t: Template, source: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!t.arguments) return problems;
  let searchFrom = t.token.begin;
  {
    for (const arg of t.arguments()) {
      if (!(arg instanceof Value)) continue;
      for (const f of arg.filters) {
        // Filters keep their token private; find "| name" in the source after the tag's start.
        const re = new RegExp(`\\|\\s*(${f.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![\\w-])`, 'g');
        re.lastIndex = searchFrom;
        const m = re.exec(source);
        const offset = m ? m.index + m[0].length - f.name.length : t.token.begin;
        if (m) searchFrom = offset + f.name.length;
        if (!ALLOWED_FILTERS.has(f.name))
          problems.push({
            code: 'template_unknown_filter',
            tag: f.name,
            ...lineColumn(source, offset),
            message: `unknown filter "${f.name}"; allowed: ${[...ALLOWED_FILTERS].join(', ')}`,
          });
      }
    }
  }
  return problems;
}

/** Whether a variable's segments name a catalogue value. */
function isKnownPath(v: Variable): boolean {
  const segs = v.segments;
  const root = segs[0];
  if (typeof root !== 'string') return false;
  if (LIST_PATHS.has(root)) {
    if (segs.length === 1) return true;
    const prop = segs[1];
    return (
      segs.length === 2 && (typeof prop === 'number' || typeof prop === 'object' || LIST_PROPERTIES.has(prop ?? ''))
    );
  }
  if (segs.some((s) => typeof s !== 'string')) return false;
  return LEAF_PATHS.has(segs.join('.'));
}

/** Variables not in scope (globals) that the catalogue does not name. */
function variableProblems(engine: Liquid, templates: Template[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const analysis = engine.analyzeSync(templates, { partials: false });
  for (const uses of Object.values(analysis.globals)) {
    for (const v of uses) {
      if (isKnownPath(v)) continue;
      const name = v.toString();
      const first = v.segments[0];
      const root = typeof first === 'string' ? first : '';
      const group = root === '' ? [] : MERGE_TAGS.filter((t) => t.path.startsWith(`${root}.`));
      problems.push({
        code: 'template_unknown_tag',
        tag: name,
        line: v.location.row,
        column: v.location.col,
        message:
          group.length > 0
            ? `unknown merge tag "${name}"; ${root} has: ${group.map((t) => t.path).join(', ')}`
            : `unknown merge tag "${name}"`,
      });
    }
  }
  return problems;
}

/** A trial render with the sample context in each language: runtime errors and raw `{{` output. */
function renderProblems(
  engine: Liquid,
  templates: Template[],
  source: string,
  samples: readonly { scope: object; globals: object }[],
): TemplateProblem[] {
  for (const s of samples) {
    let out: unknown;
    try {
      out = engine.renderSync(templates, s.scope, { globals: s.globals });
    } catch (err) {
      return [problemFromError(err, source)];
    }
    if (typeof out === 'string' && (out.includes('{{') || out.includes('{%'))) {
      return [
        {
          code: 'template_syntax',
          tag: '',
          line: 1,
          column: 1,
          message: 'the template renders a literal "{{" or "{%"; remove it or spell it differently',
        },
      ];
    }
  }
  return [];
}
