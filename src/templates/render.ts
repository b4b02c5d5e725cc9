import type { Liquid, Template } from 'liquidjs';
import { DomainError } from '../shared/errors.ts';
import { FORMATTER_GLOBAL, createEngine } from './liquid-engine.ts';
import { renderFast } from './liquid-fast.ts';
import { FormatterCache, messageLocale, type LocaleFormatter } from './locale-format.ts';
import type { MergeContext, RenderLocale } from './merge-context.ts';
import { createTemplateValidator, type TemplateProblem } from './template.validate.ts';

export type { MergeContext, RenderLocale } from './merge-context.ts';

/** html: every output is HTML-escaped (e-mail bodies); text: nothing is escaped (subjects, SMS, voice, plain text). */
export type RenderMode = 'html' | 'text';

/** A template refused by validation; `problems` say what and where. Code: the first problem's code. */
export class TemplateInvalidError extends DomainError {
  constructor(readonly problems: TemplateProblem[]) {
    const first = problems[0];
    super(
      first?.code ?? 'template_syntax',
      first ? `${first.message} (line ${first.line}, column ${first.column})` : 'invalid template',
      { problems },
    );
    this.name = 'TemplateInvalidError';
  }
}

/** A render whose output would contain a raw `{{` or `{%`: never sent. */
export class TemplateOutputError extends DomainError {
  constructor(message: string) {
    super('template_raw_output', message);
    this.name = 'TemplateOutputError';
  }
}

/** A validated, parsed template, ready to render many times. Only a Renderer makes them. */
export interface CompiledTemplate {
  readonly source: string;
  readonly mode: RenderMode;
  /** @internal parsed by this renderer's engine for `mode`. */
  readonly parsed: Template[];
}

export interface Renderer {
  /** Validates and parses `source`; throws TemplateInvalidError. Results are memoised by (mode, source). */
  compile(source: string, mode: RenderMode): CompiledTemplate;
  /** Renders for one customer; throws TemplateOutputError if the result holds a raw `{{` or `{%`. */
  render(template: CompiledTemplate, context: MergeContext, locale: RenderLocale): string;
  /** compile + render, for previews and one-off sends. */
  renderSource(source: string, mode: RenderMode, context: MergeContext, locale: RenderLocale): string;
  /** The shared formatter of a locale, for what is printed around a message (a letter's date). */
  formatter(locale: RenderLocale): LocaleFormatter;
}

export interface RendererOptions {
  /** How many compiled templates to keep (least recently compiled dropped first). Default 500. */
  cacheSize?: number;
  /**
   * Render through liquidjs's `renderSync` alone, not liquid-fast.ts's generator-free loop (the
   * reference the fast loop is tested against). Default false.
   */
  liquidjsOnly?: boolean;
}

/**
 * A renderer: two strict Liquid engines (escaping for HTML, none for text), a compile cache and
 * a cache of locale formatters (Intl formatters are built once per locale, zone and style).
 * Build one per process (in app.ts) and share it; it holds no customer data between renders.
 */
export function createRenderer(options: RendererOptions = {}): Renderer {
  const cacheSize = options.cacheSize ?? 500;
  const engines: Record<RenderMode, Liquid> = {
    html: createEngine({ escape: true, strictFilters: true }),
    text: createEngine({ escape: false, strictFilters: true }),
  };
  // The fast loop skips liquidjs's render-time limit check, so only when there is no limit.
  const fast =
    options.liquidjsOnly !== true &&
    Object.values(engines).every((e) => e.options.renderLimit === Infinity && !e.options.catchAllErrors);
  const validator = createTemplateValidator();
  const formatters = new FormatterCache();
  const compiled = new Map<string, CompiledTemplate>();
  const mine = new WeakSet<CompiledTemplate>();

  const compile = (source: string, mode: RenderMode): CompiledTemplate => {
    const key = `${mode}\u0000${source}`;
    const hit = compiled.get(key);
    if (hit) return hit;
    const result = validator.validate(source);
    if (!result.ok) throw new TemplateInvalidError(result.problems);
    const t: CompiledTemplate = Object.freeze({ source, mode, parsed: engines[mode].parse(source) });
    if (compiled.size >= cacheSize) {
      const oldest = compiled.keys().next();
      if (!oldest.done) compiled.delete(oldest.value);
    }
    compiled.set(key, t);
    mine.add(t);
    return t;
  };

  const formatter = (locale: RenderLocale): LocaleFormatter =>
    formatters.get(messageLocale(locale.language, locale.country), locale.timeZone, locale.country);

  const render = (template: CompiledTemplate, context: MergeContext, locale: RenderLocale): string => {
    if (!mine.has(template)) throw new Error('render() needs a template compiled by this renderer');
    const engine = engines[template.mode];
    const globals = { [FORMATTER_GLOBAL]: formatter(locale) };
    let out: unknown;
    if (fast)
      try {
        out = renderFast(engine, template.parsed, context, globals);
      } catch {
        // Rendered again by liquidjs, so the error is exactly liquidjs's.
        out = engine.renderSync(template.parsed, context, { globals });
      }
    else out = engine.renderSync(template.parsed, context, { globals });
    const text = typeof out === 'string' ? out : String(out);
    if (text.includes('{{') || text.includes('{%'))
      throw new TemplateOutputError('the rendered message contains a raw "{{" or "{%"');
    return text;
  };

  return {
    compile,
    render,
    renderSource: (source, mode, context, locale) => render(compile(source, mode), context, locale),
    formatter,
  };
}
