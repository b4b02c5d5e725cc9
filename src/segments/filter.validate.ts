import type { core } from 'zod';
import { DomainError } from '../shared/errors.ts';
import {
  FIELDS,
  findField,
  MAX_DATE,
  MAX_DAYS_AGO,
  MIN_DATE,
  TYPE_NAMES,
  type FieldDefinition,
} from './fields.catalogue.ts';
import { filterGroupSchema, measure } from './filter.schema.ts';
import {
  isGroupNode,
  MAX_DEPTH,
  MAX_RULES,
  MAX_TEXT_LENGTH,
  type CheckedGroup,
  type CheckedRule,
  type Condition,
  type FilterGroup,
  type FilterProblem,
  type FilterProblemCode,
  type FilterRule,
} from './filter.types.ts';

export type FilterValidation = { ok: true; tree: CheckedGroup } | { ok: false; problems: FilterProblem[] };

/**
 * Checks a filter tree against its shape, its limits and the field catalogue, and reports every
 * problem at once, each with its path ('rules[2].value') and a message a person can act on. When
 * there are none it returns the tree with each value typed for its field, which is all the SQL
 * compiler accepts. A tree of the wrong shape gets only its shape problems; the catalogue is
 * consulted once the shape is right. Pure.
 */
export function validateFilter(input: unknown): FilterValidation {
  const parsed = filterGroupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error.issues, input, []) };
  const problems: FilterProblem[] = [];
  const { depth, rules } = measure(parsed.data);
  if (depth > MAX_DEPTH)
    problems.push(problem('', 'too_deep', `Groups are nested ${depth} deep; at most ${MAX_DEPTH} levels are allowed.`));
  if (rules > MAX_RULES)
    problems.push(problem('', 'too_many_rules', `The query has ${rules} rules; at most ${MAX_RULES} are allowed.`));
  const tree = checkGroup(parsed.data, '', problems);
  return problems.length === 0 ? { ok: true, tree } : { ok: false, problems };
}

/** The checked tree, or a DomainError 'segment_invalid' whose details hold every problem. */
export function assertValidFilter(input: unknown): CheckedGroup {
  const result = validateFilter(input);
  if (result.ok) return result.tree;
  const shown = result.problems.slice(0, 3).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = result.problems.length > 3 ? ` (and ${result.problems.length - 3} more)` : '';
  throw new DomainError('segment_invalid', `The query is not valid. ${shown.join(' ')}${more}`, {
    problems: result.problems,
  });
}

const problem = (path: string, code: FilterProblemCode, message: string): FilterProblem => ({ path, code, message });
const at = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;
const pathOf = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>((p, s) => at(p, typeof s === 'number' ? s : String(s)), '');

/** Zod's issues as problems; a node that is neither a rule nor a group is judged by the keys it has. */
function shapeProblems(issues: readonly core.$ZodIssue[], input: unknown, prefix: PropertyKey[]): FilterProblem[] {
  return issues.flatMap((issue) => {
    const segments = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union') return [problem(pathOf(segments), 'shape', shapeMessage(issue))];
    const node = valueAt(input, segments);
    if (typeof node !== 'object' || node === null || Array.isArray(node))
      return [
        problem(
          pathOf(segments),
          'shape',
          'Each entry must be a rule { field, operator, value } or a group { op, rules }.',
        ),
      ];
    // The union tries a rule first, then a group: report the branch the entry was meant to be.
    const branch = 'op' in node || 'rules' in node ? issue.errors[1] : issue.errors[0];
    return shapeProblems(branch ?? [], input, segments);
  });
}

function shapeMessage(issue: core.$ZodIssue): string {
  const name = String(issue.path[issue.path.length - 1] ?? 'the query');
  if (issue.code === 'invalid_type')
    return `${name} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.`;
  if (issue.code === 'invalid_value') return `${name} must be one of: ${issue.values.map(String).join(', ')}.`;
  if (issue.code === 'unrecognized_keys')
    return `Unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}; a rule has field, operator and value, a group has op and rules.`;
  if (issue.code === 'too_big') return `${name} is too long.`;
  return issue.message;
}

function valueAt(input: unknown, segments: readonly PropertyKey[]): unknown {
  let node = input;
  for (const s of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Reflect.get(node, s);
  }
  return node;
}

function checkGroup(group: FilterGroup, path: string, problems: FilterProblem[]): CheckedGroup {
  if (path && group.rules.length === 0)
    problems.push(problem(path, 'empty_group', 'This group has no rules; add one or remove the group.'));
  const rules: CheckedGroup['rules'] = [];
  group.rules.forEach((node, i) => {
    const p = at(at(path, 'rules'), i);
    if (isGroupNode(node)) rules.push(checkGroup(node, p, problems));
    else {
      const rule = checkRule(node, p, problems);
      if (rule) rules.push(rule);
    }
  });
  return { op: group.op, rules };
}

function checkRule(rule: FilterRule, path: string, problems: FilterProblem[]): CheckedRule | undefined {
  const field = findField(rule.field);
  if (!field) {
    const near = nearFields(rule.field);
    const hint = near.length
      ? ` Did you mean ${near.join(', ')}?`
      : ' See the field catalogue for the fields there are.';
    problems.push(problem(at(path, 'field'), 'unknown_field', `Unknown field "${clip(rule.field)}".${hint}`));
    return undefined;
  }
  const condition = checkCondition(field, rule, path, problems);
  return condition && { field: field.key, condition };
}

/** The operator and value of a rule for its field, typed together; problems go to `problems`. */
function checkCondition(
  field: FieldDefinition,
  rule: FilterRule,
  path: string,
  problems: FilterProblem[],
): Condition | undefined {
  const v = new ValueChecker(field, rule, at(path, 'value'), problems);
  const refuse = (allowed: readonly string[]) => {
    problems.push(
      problem(
        at(path, 'operator'),
        'operator_not_allowed',
        `"${clip(rule.operator)}" is not an operator for ${field.key} (${TYPE_NAMES[field.type]}). Use one of: ${allowed.join(', ')}.`,
      ),
    );
    return undefined;
  };
  switch (field.type) {
    case 'text': {
      const op = pick(field.operators, rule.operator);
      if (!op) return refuse(field.operators);
      if (op === 'is_empty' || op === 'is_not_empty') return v.none() ? { type: 'text', op } : undefined;
      const value = v.text();
      return value === undefined ? undefined : { type: 'text', op, value };
    }
    case 'enum': {
      const op = pick(field.operators, rule.operator);
      if (!op) return refuse(field.operators);
      if (op === 'in' || op === 'not_in') {
        const value = v.choices(field.values.map((x) => x.value));
        return value && { type: 'enum', op, value };
      }
      const value = v.choice(field.values.map((x) => x.value));
      return value === undefined ? undefined : { type: 'enum', op, value };
    }
    case 'number': {
      const op = pick(field.operators, rule.operator);
      if (!op) return refuse(field.operators);
      const bounds = { integer: field.integer, min: field.min, max: field.max };
      if (op === 'between') {
        const value = v.range((x, p) => v.number(bounds, x, p));
        return value && { type: 'number', op, value };
      }
      const value = v.number(bounds);
      return value === undefined ? undefined : { type: 'number', op, value };
    }
    case 'date': {
      const op = pick(field.operators, rule.operator);
      if (!op) return refuse(field.operators);
      if (op === 'between') {
        const value = v.range((x, p) => v.date(x, p));
        return value && { type: 'date', op, value };
      }
      const value = v.date();
      return value === undefined ? undefined : { type: 'date', op, value };
    }
    case 'days_ago': {
      const op = pick(field.operators, rule.operator);
      if (!op) return refuse(field.operators);
      const days = { integer: true, min: 0, max: MAX_DAYS_AGO, unit: 'days' };
      if (op === 'never') return v.none() ? { type: 'days_ago', op } : undefined;
      if (op === 'between_days_ago') {
        const value = v.range((x, p) => v.number(days, x, p));
        return value && { type: 'days_ago', op, value };
      }
      const value = v.number(days);
      return value === undefined ? undefined : { type: 'days_ago', op, value };
    }
    case 'boolean': {
      const op = pick(field.operators, rule.operator);
      if (!op) return refuse(field.operators);
      return v.none() ? { type: 'boolean', op } : undefined;
    }
  }
}

const pick = <T extends string>(allowed: readonly T[], op: string): T | undefined => allowed.find((a) => a === op);

/** Checks one rule's value for its field; each method reports its own problem and returns undefined. */
class ValueChecker {
  constructor(
    private readonly field: FieldDefinition,
    private readonly rule: FilterRule,
    private readonly path: string,
    private readonly problems: FilterProblem[],
  ) {}

  private fail(code: FilterProblemCode, message: string, path = this.path): undefined {
    this.problems.push(problem(path, code, message));
    return undefined;
  }

  private present(value: unknown, needs: string, path: string): boolean {
    if (value !== undefined && value !== null) return true;
    this.fail('value_missing', `"${this.rule.operator}" on ${this.field.key} needs ${needs}.`, path);
    return false;
  }

  none(): boolean {
    if (this.rule.value === undefined || this.rule.value === null) return true;
    this.fail('value_unexpected', `"${this.rule.operator}" takes no value; remove the value.`);
    return false;
  }

  text(value: unknown = this.rule.value, path = this.path): string | undefined {
    if (!this.present(value, 'some text', path)) return undefined;
    if (typeof value !== 'string')
      return this.fail('value_type', `${this.field.key} needs text; got ${show(value)}.`, path);
    if (value.trim() === '')
      return this.fail(
        'value_missing',
        `The text is empty; to find customers with no ${this.field.key} use is_empty.`,
        path,
      );
    if (value.length > MAX_TEXT_LENGTH)
      return this.fail(
        'value_range',
        `The text is ${value.length} characters; at most ${MAX_TEXT_LENGTH} are allowed.`,
        path,
      );
    return value;
  }

  choice(allowed: readonly string[], value: unknown = this.rule.value, path = this.path): string | undefined {
    if (!this.present(value, `one of: ${allowed.join(', ')}`, path)) return undefined;
    if (typeof value === 'string' && allowed.includes(value)) return value;
    return this.fail(
      typeof value === 'string' ? 'value_not_allowed' : 'value_type',
      `${typeof value === 'string' ? `"${clip(value, 40)}"` : show(value)} is not a value of ${this.field.key}. Use one of: ${allowed.join(', ')}.`,
      path,
    );
  }

  choices(allowed: readonly string[]): string[] | undefined {
    const value = this.rule.value;
    if (!this.present(value, `a list of one or more of: ${allowed.join(', ')}`, this.path)) return undefined;
    if (!Array.isArray(value) || value.length === 0)
      return this.fail('value_type', `"${this.rule.operator}" needs a list of one or more of: ${allowed.join(', ')}.`);
    const picked = value.map((x, i) => this.choice(allowed, x, at(this.path, i)));
    const ok = picked.filter((x) => x !== undefined);
    return ok.length === value.length ? [...new Set(ok)] : undefined;
  }

  number(
    b: { integer: boolean; min: number; max: number; unit?: string },
    value: unknown = this.rule.value,
    path = this.path,
  ): number | undefined {
    const kind = b.integer ? 'a whole number' : 'a number';
    const range = `between ${b.min} and ${b.max}${b.unit ? ` ${b.unit}` : ''}`;
    if (!this.present(value, kind, path)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.fail('value_type', `${this.field.key} needs ${kind}; got ${show(value)}.`, path);
    if (b.integer && !Number.isInteger(value))
      return this.fail('value_type', `${this.field.key} needs a whole number; got ${value}.`, path);
    if (value < b.min || value > b.max)
      return this.fail('value_range', `${this.field.key} needs a value ${range}; got ${value}.`, path);
    return value;
  }

  date(value: unknown = this.rule.value, path = this.path): string | undefined {
    if (!this.present(value, 'a date (YYYY-MM-DD)', path)) return undefined;
    if (typeof value !== 'string' || !isCalendarDate(value))
      return this.fail('value_type', `${this.field.key} needs a date written YYYY-MM-DD; got ${show(value)}.`, path);
    if (value < MIN_DATE || value > MAX_DATE)
      return this.fail('value_range', `${this.field.key} needs a date between ${MIN_DATE} and ${MAX_DATE}.`, path);
    return value;
  }

  /** Two values [low, high], each checked by `item`, with low ≤ high. */
  range<T extends number | string>(item: (value: unknown, path: string) => T | undefined): [T, T] | undefined {
    const value = this.rule.value;
    if (!this.present(value, 'two values [from, to]', this.path)) return undefined;
    if (!Array.isArray(value) || value.length !== 2)
      return this.fail('value_type', `"${this.rule.operator}" needs two values [from, to]; got ${show(value)}.`);
    const lo = item(value[0], at(this.path, 0));
    const hi = item(value[1], at(this.path, 1));
    if (lo === undefined || hi === undefined) return undefined;
    if (lo > hi)
      return this.fail('value_range', `The first value (${lo}) must not be more than the second (${hi}); swap them.`);
    return [lo, hi];
  }
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);
const show = (value: unknown) =>
  typeof value === 'string' ? `the text "${clip(value, 40)}"` : clip(JSON.stringify(value) ?? String(value), 40);

/** Up to three catalogue keys close to what was typed, by edit distance to the key or its part after the dot. */
export function nearFields(typed: string): string[] {
  const t = typed.trim().toLowerCase();
  if (!t || t.length > 60) return [];
  const limit = Math.max(2, Math.floor(t.length / 3));
  return FIELDS.map((f) => {
    const [, name = f.key] = f.key.split('.');
    const score = Math.min(distance(t, f.key), distance(t, name), f.key.includes(t) ? 1 : Infinity);
    return { key: f.key, score };
  })
    .filter((x) => x.score <= limit)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((x) => x.key);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
