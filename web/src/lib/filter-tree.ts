/**
 * The query builder's tree ("Fetch"): the form state of AND/OR groups and rules, the immutable
 * edits the builder makes to it, and the conversion to and from the API's filter tree. Pure.
 *
 * Values are kept as the inputs hold them (strings); `toApiFilter` turns them into what the API
 * wants (numbers, 'YYYY-MM-DD' dates, lists, [from, to] ranges) and remembers which API path each
 * node was sent at, so the server's problems ('rules[0].rules[1].value') land on the right rule.
 */
import { isApiError } from '../api/client.ts';
import type {
  FieldType,
  FilterGroup,
  FilterNode,
  FilterProblem,
  GroupOp,
  SegmentField,
} from '../api/segments.types.ts';

export interface UiRule {
  kind: 'rule';
  id: string;
  /** '' until a field is picked. */
  field: string;
  operator: string;
  /** The single value: text, a number as typed, a date 'YYYY-MM-DD' or an allowed value. */
  text: string;
  /** The chosen allowed values for "is any of" / "is none of". */
  list: string[];
  /** The two ends of a "between". */
  from: string;
  to: string;
}

export interface UiGroup {
  kind: 'group';
  id: string;
  op: GroupOp;
  children: UiNode[];
}

export type UiNode = UiRule | UiGroup;

/** What input a rule's value needs, from its field's type and its operator. */
export type ValueShape = 'none' | 'text' | 'number' | 'date' | 'choice' | 'choices' | 'number_range' | 'date_range';

let counter = 0;
/** Ids only need to be unique within a page: they key React lists and map problems to nodes. */
export const newId = (): string => `n${++counter}`;

export const emptyRule = (): UiRule => ({
  kind: 'rule',
  id: newId(),
  field: '',
  operator: '',
  text: '',
  list: [],
  from: '',
  to: '',
});

export const emptyGroup = (op: GroupOp = 'and', children: UiNode[] = []): UiGroup => ({
  kind: 'group',
  id: newId(),
  op,
  children,
});

/** A new query: an AND group with one rule waiting for its field. */
export const newTree = (): UiGroup => emptyGroup('and', [emptyRule()]);

export const fieldMap = (fields: readonly SegmentField[]): Map<string, SegmentField> =>
  new Map(fields.map((f) => [f.key, f]));

export function valueShape(type: FieldType | undefined, operator: string): ValueShape {
  switch (type) {
    case 'text':
      return operator === 'is_empty' || operator === 'is_not_empty' ? 'none' : 'text';
    case 'enum':
      return operator === 'in' || operator === 'not_in' ? 'choices' : 'choice';
    case 'number':
      return operator === 'between' ? 'number_range' : 'number';
    case 'date':
      return operator === 'between' ? 'date_range' : 'date';
    case 'days_ago':
      if (operator === 'never') return 'none';
      return operator === 'between_days_ago' ? 'number_range' : 'number';
    case 'boolean':
      return 'none';
    case undefined:
      return 'text';
  }
}

// ---------------------------------------------------------------------------------------------
// Edits. Each returns a new tree (untouched branches are shared), or the same tree when the id
// is not found.

/** Replaces the node with `id` by `fn(node)`; `fn` returning null removes it. */
function mapNode(group: UiGroup, id: string, fn: (node: UiNode) => UiNode | null): UiGroup {
  let changed = false;
  const children: UiNode[] = [];
  for (const child of group.children) {
    if (child.id === id) {
      changed = true;
      const next = fn(child);
      if (next) children.push(next);
    } else if (child.kind === 'group') {
      const next = mapNode(child, id, fn);
      if (next !== child) changed = true;
      children.push(next);
    } else children.push(child);
  }
  return changed ? { ...group, children } : group;
}

function updateGroup(tree: UiGroup, groupId: string, fn: (g: UiGroup) => UiGroup): UiGroup {
  if (tree.id === groupId) return fn(tree);
  return mapNode(tree, groupId, (node) => (node.kind === 'group' ? fn(node) : node));
}

function updateRule(tree: UiGroup, ruleId: string, fn: (r: UiRule) => UiRule): UiGroup {
  return mapNode(tree, ruleId, (node) => (node.kind === 'rule' ? fn(node) : node));
}

/** Adds an empty rule at the end of a group. */
export function addRule(tree: UiGroup, groupId: string, rule: UiRule = emptyRule()): UiGroup {
  return updateGroup(tree, groupId, (g) => ({ ...g, children: [...g.children, rule] }));
}

/**
 * Adds a sub-group (with one empty rule) at the end of a group. Its operator is the opposite of
 * the parent's, which is what a nested group is for: "A AND (B OR C)".
 */
export function addGroup(tree: UiGroup, groupId: string): UiGroup {
  return updateGroup(tree, groupId, (g) => ({
    ...g,
    children: [...g.children, emptyGroup(g.op === 'and' ? 'or' : 'and', [emptyRule()])],
  }));
}

/** Removes a rule or a group (with what it holds); the root stays. */
export function removeNode(tree: UiGroup, id: string): UiGroup {
  if (tree.id === id) return tree;
  return mapNode(tree, id, () => null);
}

export function setGroupOp(tree: UiGroup, groupId: string, op: GroupOp): UiGroup {
  return updateGroup(tree, groupId, (g) => (g.op === op ? g : { ...g, op }));
}

export function toggleGroupOp(tree: UiGroup, groupId: string): UiGroup {
  return updateGroup(tree, groupId, (g) => ({ ...g, op: g.op === 'and' ? 'or' : 'and' }));
}

/** The operator a field starts with: its first, which the catalogue lists as the everyday one. */
export const defaultOperator = (field: SegmentField | undefined): string => field?.operators[0] ?? '';

/** Picks a field: the operator goes back to the field's default and the value is cleared. */
export function setRuleField(tree: UiGroup, ruleId: string, field: SegmentField | undefined): UiGroup {
  return updateRule(tree, ruleId, (r) => ({
    ...r,
    field: field?.key ?? '',
    operator: defaultOperator(field),
    text: '',
    list: [],
    from: '',
    to: '',
  }));
}

/**
 * Changes the operator, keeping what was typed where it still fits: "is" → "is any of" turns the
 * value into a one-item list and back, and a single number becomes the start of a "between".
 */
export function setRuleOperator(tree: UiGroup, ruleId: string, operator: string, field: SegmentField | undefined) {
  return updateRule(tree, ruleId, (r) => {
    const before = valueShape(field?.type, r.operator);
    const after = valueShape(field?.type, operator);
    const next = { ...r, operator };
    if (before === after) return next;
    if (before === 'choice' && after === 'choices') return { ...next, list: r.text ? [r.text] : [], text: '' };
    if (before === 'choices' && after === 'choice') return { ...next, text: r.list[0] ?? '', list: [] };
    if ((before === 'number' && after === 'number_range') || (before === 'date' && after === 'date_range'))
      return { ...next, from: r.text, to: '', text: '' };
    if ((before === 'number_range' && after === 'number') || (before === 'date_range' && after === 'date'))
      return { ...next, text: r.from, from: '', to: '' };
    return next;
  });
}

export type RuleValuePatch = Partial<Pick<UiRule, 'text' | 'list' | 'from' | 'to'>>;

export function setRuleValue(tree: UiGroup, ruleId: string, patch: RuleValuePatch): UiGroup {
  return updateRule(tree, ruleId, (r) => ({ ...r, ...patch }));
}

// ---------------------------------------------------------------------------------------------
// Completeness and conversion.

/** "60,000" and "60 000" → 60000; anything that is not a number stays text (the server explains). */
export function parseNumber(text: string): number | string {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  if (cleaned === '') return text;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : text.trim();
}

const filled = (s: string) => s.trim() !== '';

/** Why a rule cannot be sent yet, or null when it is complete. */
export function incompleteReason(rule: UiRule, field: SegmentField | undefined): string | null {
  if (!rule.field) return 'Pick a field.';
  if (!field) return null; // Unknown to this page: send it and let the server say why.
  if (!rule.operator) return 'Pick an operator.';
  switch (valueShape(field.type, rule.operator)) {
    case 'none':
      return null;
    case 'text':
    case 'number':
    case 'date':
    case 'choice':
      return filled(rule.text) ? null : 'Enter a value.';
    case 'choices':
      return rule.list.length > 0 ? null : 'Pick at least one value.';
    case 'number_range':
    case 'date_range':
      return filled(rule.from) && filled(rule.to) ? null : 'Enter both ends of the range.';
  }
}

export const isRuleComplete = (rule: UiRule, field: SegmentField | undefined): boolean =>
  incompleteReason(rule, field) === null;

/** The API value of a rule (undefined when its operator takes none). */
export function toApiValue(rule: UiRule, field: SegmentField | undefined): unknown {
  if (!field) return filled(rule.text) ? rule.text : undefined;
  switch (valueShape(field.type, rule.operator)) {
    case 'none':
      return undefined;
    case 'text':
    case 'choice':
      return rule.text;
    case 'date':
      return rule.text.trim();
    case 'number':
      return parseNumber(rule.text);
    case 'choices':
      return [...rule.list];
    case 'number_range':
      return [parseNumber(rule.from), parseNumber(rule.to)];
    case 'date_range':
      return [rule.from.trim(), rule.to.trim()];
  }
}

export interface ApiTree {
  filter: FilterGroup;
  /** API path of each node sent ('' for the root, 'rules[0].rules[1]') → the UI node's id. */
  paths: Record<string, string>;
}

/**
 * The API's filter tree. For a live preview (`skipIncomplete`) rules not finished yet are left
 * out, and so are groups left with no rules, so the count follows the rules that are complete;
 * for a save everything is sent.
 */
export function toApiFilter(
  tree: UiGroup,
  fields: ReadonlyMap<string, SegmentField>,
  options: { skipIncomplete: boolean },
): ApiTree {
  const paths: Record<string, string> = {};
  const walk = (group: UiGroup, path: string): FilterGroup => {
    paths[path] = group.id;
    const rules: FilterNode[] = [];
    for (const child of group.children) {
      const childPath = `${path ? `${path}.` : ''}rules[${rules.length}]`;
      if (child.kind === 'group') {
        if (options.skipIncomplete && !hasCompleteRule(child, fields)) continue;
        rules.push(walk(child, childPath));
      } else {
        const field = fields.get(child.field);
        if (options.skipIncomplete && !isRuleComplete(child, field)) continue;
        paths[childPath] = child.id;
        const value = toApiValue(child, field);
        rules.push(
          value === undefined
            ? { field: child.field, operator: child.operator }
            : { field: child.field, operator: child.operator, value },
        );
      }
    }
    return { op: group.op, rules };
  };
  return { filter: walk(tree, ''), paths };
}

function hasCompleteRule(group: UiGroup, fields: ReadonlyMap<string, SegmentField>): boolean {
  return group.children.some((c) =>
    c.kind === 'group' ? hasCompleteRule(c, fields) : isRuleComplete(c, fields.get(c.field)),
  );
}

/** Every rule of the tree that is not complete, with the reason. */
export function incompleteRules(
  tree: UiGroup,
  fields: ReadonlyMap<string, SegmentField>,
): { id: string; reason: string }[] {
  const found: { id: string; reason: string }[] = [];
  const walk = (g: UiGroup) => {
    for (const c of g.children) {
      if (c.kind === 'group') walk(c);
      else {
        const reason = incompleteReason(c, fields.get(c.field));
        if (reason) found.push({ id: c.id, reason });
      }
    }
  };
  walk(tree);
  return found;
}

export const countRules = (group: UiGroup): number =>
  group.children.reduce((n, c) => n + (c.kind === 'group' ? countRules(c) : 1), 0);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * The builder's tree from a saved filter. Values are spread over every input they could fill
 * (a list is both the choices and the two ends of a range), so the rule shows whatever its
 * operator needs. Anything that is not a rule or a group is dropped.
 */
export function fromApiFilter(input: unknown): UiGroup {
  const group = (g: Record<string, unknown>): UiGroup => ({
    kind: 'group',
    id: newId(),
    op: g.op === 'or' ? 'or' : 'and',
    children: (Array.isArray(g.rules) ? g.rules : []).flatMap((n: unknown): UiNode[] => {
      if (!isObject(n)) return [];
      if ('rules' in n) return [group(n)];
      if (typeof n.field !== 'string') return [];
      const v = n.value;
      const list = Array.isArray(v) ? v.map(asText) : [];
      return [
        {
          kind: 'rule',
          id: newId(),
          field: n.field,
          operator: typeof n.operator === 'string' ? n.operator : '',
          text: asText(v),
          list,
          from: list[0] ?? '',
          to: list[1] ?? '',
        },
      ];
    }),
  });
  return isObject(input) ? group(input) : emptyGroup();
}

// ---------------------------------------------------------------------------------------------
// The server's problems, placed on the nodes they concern.

export interface NodeProblem {
  /** Which part of a rule: 'field', 'operator', 'value' (or '' for the node as a whole). */
  part: string;
  message: string;
}

/**
 * Each problem of a 422 on the node it points at, by the longest sent path that starts it:
 * 'rules[1].rules[0].value[1]' → the rule sent at 'rules[1].rules[0]', part 'value'. Problems
 * about the whole tree belong to the root.
 */
export function problemsByNode(
  problems: readonly FilterProblem[],
  paths: Record<string, string>,
): Map<string, NodeProblem[]> {
  const byNode = new Map<string, NodeProblem[]>();
  const known = Object.keys(paths).sort((a, b) => b.length - a.length);
  for (const p of problems) {
    const path = known.find(
      (k) => k === '' || p.path === k || p.path.startsWith(`${k}.`) || p.path.startsWith(`${k}[`),
    );
    const id = path === undefined ? paths[''] : paths[path];
    if (id === undefined) continue;
    const rest = path ? p.path.slice(path.length).replace(/^\./, '') : p.path;
    const part = /^(field|operator|value)/.exec(rest)?.[1] ?? '';
    const list = byNode.get(id) ?? [];
    list.push({ part, message: p.message });
    byNode.set(id, list);
  }
  return byNode;
}

/** The problems of a 422 'segment_invalid' (`details.problems`), or [] for anything else. */
export function filterProblemsOf(error: unknown): FilterProblem[] {
  if (!isApiError(error) || error.status !== 422 || error.code !== 'segment_invalid') return [];
  const details = error.details;
  if (!isObject(details) || !Array.isArray(details.problems)) return [];
  return details.problems.flatMap((p: unknown) =>
    isObject(p) && typeof p.path === 'string' && typeof p.message === 'string'
      ? [{ path: p.path, code: typeof p.code === 'string' ? p.code : '', message: p.message }]
      : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Labels.

export const ENTITY_LABELS: Record<string, string> = {
  customer: 'Customer',
  vehicle: 'Vehicle',
  visit: 'Visits',
  appointment: 'Appointments',
  deal: 'Deals',
  contact: 'Contact',
};

const OPERATOR_LABELS: Record<string, string> = {
  is: 'is',
  is_not: 'is not',
  contains: 'contains',
  starts_with: 'starts with',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  in: 'is any of',
  not_in: 'is none of',
  eq: 'equals',
  ne: 'does not equal',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  on: 'is on',
  // The value input says "days ago" after the number: "more than [180] days ago".
  more_than_days_ago: 'more than',
  less_than_days_ago: 'less than',
  between_days_ago: 'between',
  never: 'never',
  is_true: 'yes',
  is_false: 'no',
};

export const operatorLabel = (operator: string): string => OPERATOR_LABELS[operator] ?? operator.replaceAll('_', ' ');

/** The field picker's options: the catalogue grouped by entity, in catalogue order. */
export function fieldOptions(
  fields: readonly SegmentField[],
): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const f of fields) {
    const name = ENTITY_LABELS[f.group] ?? f.group;
    const items = groups.get(name) ?? [];
    items.push({ value: f.key, label: f.label.en });
    groups.set(name, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
