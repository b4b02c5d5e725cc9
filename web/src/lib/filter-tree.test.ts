import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { SegmentField } from '../api/segments.types.ts';
import {
  addGroup,
  addRule,
  emptyGroup,
  emptyRule,
  fieldMap,
  fieldOptions,
  filterProblemsOf,
  fromApiFilter,
  incompleteReason,
  incompleteRules,
  isRuleComplete,
  newTree,
  parseNumber,
  problemsByNode,
  removeNode,
  setGroupOp,
  setRuleField,
  setRuleOperator,
  setRuleValue,
  toApiFilter,
  toggleGroupOp,
  valueShape,
  type UiGroup,
  type UiRule,
} from './filter-tree.ts';

const field = (key: string, type: SegmentField['type'], operators: string[], extra: Partial<SegmentField> = {}) =>
  ({
    key,
    group: key.split('.')[0] ?? '',
    label: { en: key, fr: key },
    help: null,
    type,
    typeName: type,
    operators,
    values: null,
    integer: null,
    min: null,
    max: null,
    unit: null,
    ...extra,
  }) satisfies SegmentField;

const FIELDS: SegmentField[] = [
  field('customer.language', 'enum', ['is', 'is_not', 'in', 'not_in'], {
    values: [
      { value: 'en', label: { en: 'English', fr: 'Anglais' } },
      { value: 'fr', label: { en: 'French', fr: 'Français' } },
    ],
  }),
  field('customer.city', 'text', ['is', 'is_not', 'contains', 'starts_with', 'is_empty', 'is_not_empty']),
  field('customer.created_at', 'date', ['before', 'after', 'on', 'between']),
  field('customer.is_prospect', 'boolean', ['is_true', 'is_false']),
  field('vehicle.make', 'text', ['is', 'is_not', 'contains', 'starts_with', 'is_empty', 'is_not_empty']),
  field('vehicle.odometer', 'number', ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'], {
    integer: true,
    min: 0,
    max: 10_000_000,
  }),
  field('visit.last_service_date', 'days_ago', [
    'more_than_days_ago',
    'less_than_days_ago',
    'between_days_ago',
    'never',
  ]),
];
const byKey = fieldMap(FIELDS);
const f = (key: string) => byKey.get(key);

const rule = (over: Partial<UiRule>): UiRule => ({ ...emptyRule(), ...over });

/** make is Honda AND (last service more than 180 days ago OR odometer above 60,000). */
function hondaTree(): { tree: UiGroup; make: UiRule; service: UiRule; odo: UiRule; or: UiGroup } {
  const make = rule({ field: 'vehicle.make', operator: 'is', text: 'Honda' });
  const service = rule({ field: 'visit.last_service_date', operator: 'more_than_days_ago', text: '180' });
  const odo = rule({ field: 'vehicle.odometer', operator: 'gt', text: '60,000' });
  const or = emptyGroup('or', [service, odo]);
  return { tree: emptyGroup('and', [make, or]), make, service, odo, or };
}

describe('edits', () => {
  it('adds a rule and a group (of the other operator, with one empty rule) to the group asked for', () => {
    const { tree, or } = hondaTree();
    const withRule = addRule(tree, or.id);
    expect((withRule.children[1] as UiGroup).children).toHaveLength(3);
    expect(tree.children[1]).toBe(or); // the original is untouched
    expect(withRule.children[0]).toBe(tree.children[0]); // untouched branches are shared

    const withGroup = addGroup(tree, tree.id);
    const added = withGroup.children[2] as UiGroup;
    expect(added.kind).toBe('group');
    expect(added.op).toBe('or');
    expect(added.children).toHaveLength(1);
    expect(added.children[0]?.kind).toBe('rule');
  });

  it('removes rules and groups but never the root', () => {
    const { tree, odo, or } = hondaTree();
    expect((removeNode(tree, odo.id).children[1] as UiGroup).children).toHaveLength(1);
    expect(removeNode(tree, or.id).children).toHaveLength(1);
    expect(removeNode(tree, tree.id)).toBe(tree);
    expect(removeNode(tree, 'nope')).toBe(tree);
  });

  it('toggles and sets AND/OR', () => {
    const { tree, or } = hondaTree();
    expect(toggleGroupOp(tree, tree.id).op).toBe('or');
    expect((toggleGroupOp(tree, or.id).children[1] as UiGroup).op).toBe('and');
    expect(setGroupOp(tree, tree.id, 'and')).toBe(tree);
  });

  it('resets the operator and value when the field changes', () => {
    const { tree, make } = hondaTree();
    const next = setRuleField(tree, make.id, f('vehicle.odometer'));
    expect(next.children[0]).toMatchObject({ field: 'vehicle.odometer', operator: 'eq', text: '', list: [] });
    const days = setRuleField(tree, make.id, f('visit.last_service_date'));
    expect(days.children[0]).toMatchObject({ operator: 'more_than_days_ago' });
    const none = setRuleField(tree, make.id, undefined);
    expect(none.children[0]).toMatchObject({ field: '', operator: '' });
  });

  it('keeps what fits when the operator changes', () => {
    const lang = rule({ field: 'customer.language', operator: 'is', text: 'fr' });
    let tree = emptyGroup('and', [lang]);
    tree = setRuleOperator(tree, lang.id, 'in', f('customer.language'));
    expect(tree.children[0]).toMatchObject({ operator: 'in', list: ['fr'], text: '' });
    tree = setRuleOperator(tree, lang.id, 'is', f('customer.language'));
    expect(tree.children[0]).toMatchObject({ operator: 'is', text: 'fr', list: [] });

    const odo = rule({ field: 'vehicle.odometer', operator: 'gt', text: '5' });
    const ranged = setRuleOperator(emptyGroup('and', [odo]), odo.id, 'between', f('vehicle.odometer'));
    expect(ranged.children[0]).toMatchObject({ operator: 'between', from: '5', to: '', text: '' });
  });

  it('changes values', () => {
    const { tree, make } = hondaTree();
    expect(setRuleValue(tree, make.id, { text: 'Acura' }).children[0]).toMatchObject({ text: 'Acura' });
  });
});

describe('value shapes and completeness', () => {
  it('knows what input each type and operator needs', () => {
    expect(valueShape('text', 'contains')).toBe('text');
    expect(valueShape('text', 'is_empty')).toBe('none');
    expect(valueShape('enum', 'not_in')).toBe('choices');
    expect(valueShape('number', 'between')).toBe('number_range');
    expect(valueShape('date', 'on')).toBe('date');
    expect(valueShape('date', 'between')).toBe('date_range');
    expect(valueShape('days_ago', 'never')).toBe('none');
    expect(valueShape('days_ago', 'between_days_ago')).toBe('number_range');
    expect(valueShape('boolean', 'is_true')).toBe('none');
  });

  it('says what a rule still needs', () => {
    expect(incompleteReason(emptyRule(), undefined)).toBe('Pick a field.');
    expect(incompleteReason(rule({ field: 'vehicle.make', operator: 'is', text: '  ' }), f('vehicle.make'))).toBe(
      'Enter a value.',
    );
    expect(isRuleComplete(rule({ field: 'vehicle.make', operator: 'is_empty' }), f('vehicle.make'))).toBe(true);
    expect(
      incompleteReason(rule({ field: 'vehicle.odometer', operator: 'between', from: '1' }), f('vehicle.odometer')),
    ).toBe('Enter both ends of the range.');
    expect(incompleteReason(rule({ field: 'customer.language', operator: 'in' }), f('customer.language'))).toBe(
      'Pick at least one value.',
    );
    expect(
      isRuleComplete(rule({ field: 'customer.is_prospect', operator: 'is_true' }), f('customer.is_prospect')),
    ).toBe(true);
    const { tree, odo } = hondaTree();
    const broken = setRuleValue(tree, odo.id, { text: '' });
    expect(incompleteRules(broken, byKey)).toEqual([{ id: odo.id, reason: 'Enter a value.' }]);
  });

  it('reads numbers as typed', () => {
    expect(parseNumber('60,000')).toBe(60000);
    expect(parseNumber(' 60 000 ')).toBe(60000);
    expect(parseNumber('-2.5')).toBe(-2.5);
    expect(parseNumber('lots')).toBe('lots');
  });
});

describe('toApiFilter / fromApiFilter', () => {
  it('sends numbers, dates, lists and ranges the way the API takes them', () => {
    const { tree } = hondaTree();
    const extra = addRule(
      addRule(
        addRule(tree, tree.id, rule({ field: 'customer.language', operator: 'in', list: ['en', 'fr'] })),
        tree.id,
        rule({ field: 'customer.created_at', operator: 'between', from: '2020-01-01', to: '2020-12-31' }),
      ),
      tree.id,
      rule({ field: 'customer.is_prospect', operator: 'is_false', text: 'stale' }),
    );
    expect(toApiFilter(extra, byKey, { skipIncomplete: false }).filter).toEqual({
      op: 'and',
      rules: [
        { field: 'vehicle.make', operator: 'is', value: 'Honda' },
        {
          op: 'or',
          rules: [
            { field: 'visit.last_service_date', operator: 'more_than_days_ago', value: 180 },
            { field: 'vehicle.odometer', operator: 'gt', value: 60000 },
          ],
        },
        { field: 'customer.language', operator: 'in', value: ['en', 'fr'] },
        { field: 'customer.created_at', operator: 'between', value: ['2020-01-01', '2020-12-31'] },
        { field: 'customer.is_prospect', operator: 'is_false' },
      ],
    });
  });

  it('leaves out unfinished rules and groups for a preview, and records the path of each node sent', () => {
    const { tree, make, odo, or } = hondaTree();
    let t = addRule(tree, tree.id); // an empty rule at the root
    t = addGroup(t, tree.id); // a group with only an empty rule
    t = setRuleValue(t, (t.children[1] as UiGroup).children[0]!.id, { text: '' }); // service rule emptied
    const { filter, paths } = toApiFilter(t, byKey, { skipIncomplete: true });
    expect(filter).toEqual({
      op: 'and',
      rules: [
        { field: 'vehicle.make', operator: 'is', value: 'Honda' },
        { op: 'or', rules: [{ field: 'vehicle.odometer', operator: 'gt', value: 60000 }] },
      ],
    });
    expect(paths).toEqual({ '': tree.id, 'rules[0]': make.id, 'rules[1]': or.id, 'rules[1].rules[0]': odo.id });
  });

  it('round-trips a saved tree', () => {
    const saved = {
      op: 'and',
      rules: [
        { field: 'vehicle.make', operator: 'is', value: 'Honda' },
        {
          op: 'or',
          rules: [
            { field: 'visit.last_service_date', operator: 'between_days_ago', value: [180, 365] },
            { field: 'customer.language', operator: 'not_in', value: ['fr'] },
            { field: 'visit.last_service_date', operator: 'never' },
          ],
        },
      ],
    };
    const ui = fromApiFilter(saved);
    expect(ui.children[0]).toMatchObject({ kind: 'rule', field: 'vehicle.make', operator: 'is', text: 'Honda' });
    expect((ui.children[1] as UiGroup).children[0]).toMatchObject({ from: '180', to: '365' });
    expect(toApiFilter(ui, byKey, { skipIncomplete: false }).filter).toEqual(saved);
  });

  it('drops what is neither a rule nor a group', () => {
    expect(
      fromApiFilter({ op: 'xor', rules: [1, null, { field: 3 }, { field: 'customer.city', operator: 'is_empty' }] }),
    ).toMatchObject({ op: 'and', children: [{ field: 'customer.city', operator: 'is_empty' }] });
    expect(fromApiFilter(null).children).toEqual([]);
    expect(newTree().children).toHaveLength(1);
  });
});

describe('problems', () => {
  const paths = { '': 'root', 'rules[0]': 'a', 'rules[1]': 'g', 'rules[1].rules[0]': 'b', 'rules[10]': 'k' };

  it('places each problem on the node it points at, with the part of the rule', () => {
    const placed = problemsByNode(
      [
        { path: 'rules[1].rules[0].value', code: 'value_range', message: 'too big' },
        { path: 'rules[1].rules[0].value[1]', code: 'value_type', message: 'not a number' },
        { path: 'rules[0].operator', code: 'operator_not_allowed', message: 'no' },
        { path: 'rules[1]', code: 'empty_group', message: 'empty' },
        { path: 'rules[10].field', code: 'unknown_field', message: 'unknown' },
        { path: '', code: 'too_deep', message: 'deep' },
      ],
      paths,
    );
    expect(placed.get('b')).toEqual([
      { part: 'value', message: 'too big' },
      { part: 'value', message: 'not a number' },
    ]);
    expect(placed.get('a')).toEqual([{ part: 'operator', message: 'no' }]);
    expect(placed.get('g')).toEqual([{ part: '', message: 'empty' }]);
    expect(placed.get('k')).toEqual([{ part: 'field', message: 'unknown' }]);
    expect(placed.get('root')).toEqual([{ part: '', message: 'deep' }]);
  });

  it('reads the problems of a segment_invalid 422 only', () => {
    const problems = [{ path: 'rules[0].value', code: 'value_range', message: 'Too big' }];
    expect(filterProblemsOf(new ApiError(422, 'segment_invalid', 'The query is not valid.', { problems }))).toEqual(
      problems,
    );
    expect(filterProblemsOf(new ApiError(422, 'invalid_input', 'x', { problems }))).toEqual([]);
    expect(filterProblemsOf(new Error('x'))).toEqual([]);
  });
});

describe('fieldOptions', () => {
  it('groups the catalogue by entity in catalogue order', () => {
    expect(fieldOptions(FIELDS).map((g) => [g.group, g.items.length])).toEqual([
      ['Customer', 4],
      ['Vehicle', 2],
      ['Visits', 1],
    ]);
  });
});
