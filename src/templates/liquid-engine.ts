import { Liquid } from 'liquidjs';
import type { LocaleFormatter } from './locale-format.ts';

/** Liquid's own filters that templates may use. */
const LIQUID_FILTERS = [
  'default',
  'upcase',
  'downcase',
  'capitalize',
  'date',
  'truncate',
  'join',
  'first',
  'last',
  'size',
  'escape',
  'strip',
] as const;

/** Our locale-aware filters (formatting in the store's zone and the customer's language). */
export const LOCALE_FILTERS = ['date_long', 'date_short', 'time', 'phone'] as const;

/** Every filter a template may use; anything else is refused at save time. */
export const ALLOWED_FILTERS: ReadonlySet<string> = new Set<string>([...LIQUID_FILTERS, ...LOCALE_FILTERS]);

/**
 * Liquid tags a template may use. No `include`/`render`/`layout` (they read files), no
 * `raw` (it could print a literal `{{`), no counters or `cycle`/`tablerow` (no use in a letter).
 */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'if',
  'elsif',
  'else',
  'unless',
  'case',
  'when',
  'for',
  'break',
  'continue',
  'assign',
  'capture',
  'comment',
  '#',
]);

/** The key under which a render passes its LocaleFormatter to the filters (Liquid `globals`). */
export const FORMATTER_GLOBAL = '__forecourt_formatter';

/** What a filter's `this` offers that we use (liquidjs does not export its FilterThis type). */
interface FilterThis {
  context: { globals: unknown };
}

function isFormatter(v: unknown): v is LocaleFormatter {
  return typeof v === 'object' && v !== null && 'date' in v && 'time' in v && 'phone' in v;
}

function formatterOf(impl: FilterThis): LocaleFormatter {
  const globals: unknown = impl.context.globals;
  const f: unknown =
    typeof globals === 'object' && globals !== null ? Reflect.get(globals, FORMATTER_GLOBAL) : undefined;
  if (!isFormatter(f)) throw new Error('locale filters need a formatter: render through createRenderer()');
  return f;
}

/** Liquid's notion of "no value", extended to blank strings and empty lists. */
export function isBlank(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    v === false ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

export interface EngineOptions {
  /** HTML-escape every output (e-mail HTML bodies); false for text, SMS and subjects. */
  escape: boolean;
  /** Refuse unknown filters while parsing (rendering); validation parses leniently to list them all. */
  strictFilters: boolean;
}

/**
 * A Liquid engine with Forecourt's filters. Undefined values render as the empty string (Liquid's
 * lenient variables); `default` also replaces blank strings and empty lists. Build one per
 * configuration and reuse it: engines are cheap to use and costly to build.
 */
export function createEngine(options: EngineOptions): Liquid {
  const engine = new Liquid({
    strictFilters: options.strictFilters,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape: options.escape ? 'escape' : undefined,
    // Parsing goes through our own compile cache; no file system is ever read.
    relativeReference: false,
  });
  engine.registerFilter('default', (v: unknown, fallback: unknown = '') => (isBlank(v) ? fallback : v));
  engine.registerFilter('date_long', function (this: FilterThis, v: unknown) {
    return formatterOf(this).date(v, 'long');
  });
  engine.registerFilter('date_short', function (this: FilterThis, v: unknown) {
    return formatterOf(this).date(v, 'short');
  });
  engine.registerFilter('time', function (this: FilterThis, v: unknown) {
    return formatterOf(this).time(v);
  });
  engine.registerFilter('phone', function (this: FilterThis, v: unknown) {
    return formatterOf(this).phone(v);
  });
  return engine;
}
