import {
  Context,
  IfTag,
  Output,
  TokenKind,
  UnlessTag,
  isFalsy,
  isTruthy,
  toValue,
  toValueSync,
  type Filter,
  type Liquid,
  type Template,
  type Value,
} from 'liquidjs';

/**
 * liquidjs's own render loop (Render.renderTemplates, Output, If, Unless, Value, Filter and
 * property access), written without generators. liquidjs runs every node, expression, filter
 * and property read through a generator resumed by `toValueSync`, which costs more than the
 * work itself on a message of many short merge tags. This does the same steps, in the same
 * order, calling liquidjs's own objects (filters' handlers, `Context.readProperty`,
 * `isTruthy`), and hands anything else — other tags (`for`, `case`, `assign`, `capture` …),
 * expressions with operators, filter arguments that are not literals — to liquidjs itself
 * (`toValueSync(node.render(…))`, `toValueSync(expression.evaluate(…))`), so the output is
 * the same by construction; liquid-fast.test.ts checks it against `renderSync`.
 *
 * Errors are not reproduced here: the caller renders again with `renderSync` when this throws,
 * so a failing render fails exactly as liquidjs would.
 */

/** What liquidjs's SimpleEmitter does. */
class Out {
  buffer = '';
  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

/** liquidjs's `stringify` (not exported). */
function stringify(value: unknown): string {
  const v: unknown = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => stringify(x)).join('');
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as liquidjs does, whatever a filter returned
  return String(v);
}

const isIterator = (v: unknown): v is Iterator<unknown> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { next?: unknown }).next === 'function' &&
  typeof (v as { throw?: unknown }).throw === 'function' &&
  typeof (v as { return?: unknown }).return === 'function';

const settle = (v: unknown): unknown => (isIterator(v) ? toValueSync(v as never) : v);

// The shapes of liquidjs's parsed objects that we read (their classes are exported, their fields
// are public in the .d.ts but typed loosely).
interface TokenLike {
  kind?: number;
  content?: unknown;
  variable?: unknown;
  props?: TokenLike[];
}
interface ExpressionLike {
  postfix: TokenLike[];
  evaluate(ctx: Context, lenient?: boolean): IterableIterator<unknown>;
}
interface ValueLike {
  initial: ExpressionLike;
  filters: Filter[];
}
interface FilterLike {
  name: string;
  handler: (this: unknown, ...args: unknown[]) => unknown;
  args: unknown[];
  token: unknown;
  liquid: Liquid;
  render(value: unknown, ctx: Context): IterableIterator<unknown>;
}
/** Context's scope look-up and property read (findScope is private in the .d.ts). */
interface Scopes {
  findScope(key: string): unknown;
  readProperty(obj: unknown, key: unknown): unknown;
}
interface Branch {
  value: Value;
  templates: Template[];
  test?: (v: unknown, ctx: Context) => boolean;
}

/** A literal (quoted, number, `true`/`nil` …) or a property path with literal keys: read without generators. */
function literalKeys(t: TokenLike): unknown[] | null {
  if (t.kind !== TokenKind.PropertyAccess || t.variable !== undefined || !t.props || t.props.length === 0) return null;
  const keys: unknown[] = [];
  for (const p of t.props) {
    if (!('content' in p)) return null;
    keys.push(toValue(p.content));
  }
  return typeof keys[0] === 'string' ? keys : null;
}

function evalExpression(e: ExpressionLike, ctx: Context, lenient: boolean): unknown {
  if (e.postfix.length === 1) {
    const t = e.postfix[0] as TokenLike;
    if (t.kind !== TokenKind.Operator) {
      if ('content' in t) return t.content;
      const keys = literalKeys(t);
      if (keys !== null) {
        // Context._get: the scope holding the first key, then one property at a time.
        const c = ctx as unknown as Scopes;
        let scope: unknown = c.findScope(keys[0] as string);
        for (const key of keys) scope = settle(c.readProperty(scope, key));
        return scope;
      }
    }
  }
  return toValueSync(e.evaluate(ctx, lenient));
}

function applyFilter(filter: FilterLike, value: unknown, ctx: Context): unknown {
  const argv: unknown[] = [value];
  for (const arg of filter.args) {
    if (Array.isArray(arg) || !('content' in (arg as object))) return toValueSync(filter.render(value, ctx));
    argv.push((arg as TokenLike).content);
  }
  return settle(filter.handler.apply({ context: ctx, token: filter.token, liquid: filter.liquid }, argv));
}

function evalValue(value: Value, ctx: Context, lenient: boolean): unknown {
  const v = value as unknown as ValueLike;
  const len = lenient || (ctx.opts.lenientIf && v.filters.length > 0 && v.filters[0]?.name === 'default');
  let val = evalExpression(v.initial, ctx, len);
  for (const f of v.filters) val = applyFilter(f as unknown as FilterLike, val, ctx);
  return val;
}

function renderTemplates(templates: readonly Template[], ctx: Context, out: Out): void {
  for (const tpl of templates) {
    if (tpl.token.kind === TokenKind.HTML && typeof (tpl as { str?: unknown }).str === 'string') {
      out.write((tpl as unknown as { str: string }).str);
    } else if (tpl instanceof Output) {
      out.write(toValue(evalValue((tpl as unknown as { value: Value }).value, ctx, false)));
    } else if (tpl instanceof IfTag || tpl instanceof UnlessTag) {
      const t = tpl as unknown as { branches: Branch[]; elseTemplates?: Template[] };
      const unless = tpl instanceof UnlessTag;
      let done = false;
      for (const b of t.branches) {
        const v: unknown = toValue(evalValue(b.value, ctx, ctx.opts.lenientIf));
        if (unless ? (b.test ?? isFalsy)(v, ctx) : isTruthy(v, ctx)) {
          renderTemplates(b.templates, ctx, out);
          done = true;
          break;
        }
      }
      if (!done) renderTemplates(t.elseTemplates ?? [], ctx, out);
    } else {
      const html: unknown = toValueSync(tpl.render(ctx, out as never) as never);
      if (html) out.write(html);
    }
    if (ctx.breakCalled || ctx.continueCalled) break;
  }
}

/**
 * Renders `templates` (parsed by `engine`) as `engine.renderSync(templates, scope, { globals })`
 * does; throws whatever it meets (the caller falls back to renderSync for the exact error).
 */
export function renderFast(engine: Liquid, templates: Template[], scope: object, globals: object): string {
  const ctx = new Context(scope, engine.options, { sync: true, globals }, { liquid: engine });
  const out = new Out();
  renderTemplates(templates, ctx, out);
  return out.buffer;
}
