/**
 * The saved-query filter tree ("Fetch"): groups of rules joined by AND or OR, nested. The tree is
 * stored and sent as JSON exactly in the shape of `FilterGroup`; `filter.validate.ts` turns it into
 * a `CheckedGroup` whose every value has the type its field needs, and only that reaches SQL.
 */
import type { FieldKey } from './fields.catalogue.ts';

export type GroupOp = 'and' | 'or';

/** One condition as written by a person or the UI: `{ field: 'vehicle.make', operator: 'is', value: 'Honda' }`. */
export interface FilterRule {
  field: string;
  operator: string;
  value?: unknown;
}

export interface FilterGroup {
  op: GroupOp;
  rules: FilterNode[];
}

export type FilterNode = FilterRule | FilterGroup;

/** Limits that keep a query readable and its SQL small. The root group is depth 1. */
export const MAX_DEPTH = 5;
export const MAX_RULES = 100;
/** The longest text a rule may compare with (a pasted paragraph, not a file). */
export const MAX_TEXT_LENGTH = 10_000;

export type FieldType = 'text' | 'enum' | 'number' | 'date' | 'days_ago' | 'boolean';

export const TEXT_OPERATORS = ['is', 'is_not', 'contains', 'starts_with', 'is_empty', 'is_not_empty'] as const;
export const ENUM_OPERATORS = ['is', 'is_not', 'in', 'not_in'] as const;
/** eq =, ne ≠, lt <, lte ≤, gt >, gte ≥; between is inclusive at both ends. */
export const NUMBER_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'] as const;
/** Calendar dates 'YYYY-MM-DD' in the store's time zone; between is inclusive. */
export const DATE_OPERATORS = ['before', 'after', 'on', 'between'] as const;
/** Whole days before the as-of day in the store's time zone; between_days_ago is inclusive. */
export const DAYS_AGO_OPERATORS = ['more_than_days_ago', 'less_than_days_ago', 'between_days_ago', 'never'] as const;
export const BOOLEAN_OPERATORS = ['is_true', 'is_false'] as const;

export type TextOperator = (typeof TEXT_OPERATORS)[number];
export type EnumOperator = (typeof ENUM_OPERATORS)[number];
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];
export type DateOperator = (typeof DATE_OPERATORS)[number];
export type DaysAgoOperator = (typeof DAYS_AGO_OPERATORS)[number];
export type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];
export type Operator = TextOperator | EnumOperator | NumberOperator | DateOperator | DaysAgoOperator | BooleanOperator;

/**
 * A rule's operator and value after validation, typed together. Negative operators (is_not, not_in,
 * ne, is_not_empty, is_false) match exactly what their positive twin does not, unknown values
 * included: "city is not Toronto" keeps customers with no city on file.
 */
export type Condition =
  | { type: 'text'; op: 'is' | 'is_not' | 'contains' | 'starts_with'; value: string }
  | { type: 'text'; op: 'is_empty' | 'is_not_empty' }
  | { type: 'enum'; op: 'is' | 'is_not'; value: string }
  | { type: 'enum'; op: 'in' | 'not_in'; value: string[] }
  | { type: 'number'; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: number }
  | { type: 'number'; op: 'between'; value: [number, number] }
  | { type: 'date'; op: 'before' | 'after' | 'on'; value: string }
  | { type: 'date'; op: 'between'; value: [string, string] }
  | { type: 'days_ago'; op: 'more_than_days_ago' | 'less_than_days_ago'; value: number }
  | { type: 'days_ago'; op: 'between_days_ago'; value: [number, number] }
  | { type: 'days_ago'; op: 'never' }
  | { type: 'boolean'; op: 'is_true' | 'is_false' };

export interface CheckedRule {
  field: FieldKey;
  condition: Condition;
}

export interface CheckedGroup {
  op: GroupOp;
  rules: (CheckedRule | CheckedGroup)[];
}

export type FilterProblemCode =
  | 'shape'
  | 'too_deep'
  | 'too_many_rules'
  | 'empty_group'
  | 'unknown_field'
  | 'operator_not_allowed'
  | 'value_missing'
  | 'value_unexpected'
  | 'value_type'
  | 'value_range'
  | 'value_not_allowed';

/** One reason a filter is refused; `path` points into the JSON ('rules[2].value', 'rules[0].rules[1].field'). */
export interface FilterProblem {
  path: string;
  code: FilterProblemCode;
  message: string;
}

export const isGroupNode = (n: FilterNode): n is FilterGroup => 'rules' in n;
export const isCheckedGroup = (n: CheckedRule | CheckedGroup): n is CheckedGroup => 'rules' in n;
