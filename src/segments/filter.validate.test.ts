import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { FIELDS, FIELD_KEYS } from './fields.catalogue.ts';
import { filterTreeSchema } from './filter.schema.ts';
import {
  BOOLEAN_OPERATORS,
  DATE_OPERATORS,
  DAYS_AGO_OPERATORS,
  ENUM_OPERATORS,
  NUMBER_OPERATORS,
  TEXT_OPERATORS,
  type FieldType,
  type FilterGroup,
} from './filter.types.ts';
import { assertValidFilter, nearFields, validateFilter } from './filter.validate.ts';

const one = (field: string, operator: string, value?: unknown) => ({ op: 'and', rules: [{ field, operator, value }] });
const problemsOf = (input: unknown) => {
  const result = validateFilter(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('a valid tree', () => {
  it('comes back with each value typed for its field', () => {
    const result = validateFilter({
      op: 'and',
      rules: [
        { field: 'vehicle.make', operator: 'is', value: 'Honda' },
        { field: 'vehicle.year', operator: 'between', value: [2015, 2019] },
        { op: 'or', rules: [{ field: 'appointment.next', operator: 'is_false' }] },
        { field: 'customer.language', operator: 'in', value: ['fr', 'fr'] },
      ],
    });
    expect(result).toEqual({
      ok: true,
      tree: {
        op: 'and',
        rules: [
          { field: 'vehicle.make', condition: { type: 'text', op: 'is', value: 'Honda' } },
          { field: 'vehicle.year', condition: { type: 'number', op: 'between', value: [2015, 2019] } },
          { op: 'or', rules: [{ field: 'appointment.next', condition: { type: 'boolean', op: 'is_false' } }] },
          { field: 'customer.language', condition: { type: 'enum', op: 'in', value: ['fr'] } },
        ],
      },
    });
  });
});

describe('problems', () => {
  it('an unknown field, with the nearest fields', () => {
    expect(problemsOf(one('vehicle.mak', 'is', 'Honda'))).toEqual([
      {
        path: 'rules[0].field',
        code: 'unknown_field',
        message: expect.stringMatching(/Unknown field "vehicle\.mak"\. Did you mean vehicle\.make/),
      },
    ]);
    expect(nearFields('odometer')).toEqual(['vehicle.odometer']);
    expect(nearFields('language')[0]).toBe('customer.language');
    expect(problemsOf(one('zzzzzzzz', 'is', 'x'))[0]?.message).toContain('See the field catalogue');
  });

  it('an operator the field does not allow, listing those it does', () => {
    expect(problemsOf(one('vehicle.year', 'contains', '20'))).toEqual([
      {
        path: 'rules[0].operator',
        code: 'operator_not_allowed',
        message:
          '"contains" is not an operator for vehicle.year (a number). Use one of: eq, ne, lt, lte, gt, gte, between.',
      },
    ]);
    expect(problemsOf(one('visit.date', 'never'))[0]?.code).toBe('operator_not_allowed');
  });

  it('the wrong type of value', () => {
    expect(problemsOf(one('vehicle.year', 'eq', 2015.5))).toEqual([
      { path: 'rules[0].value', code: 'value_type', message: 'vehicle.year needs a whole number; got 2015.5.' },
    ]);
    expect(problemsOf(one('vehicle.year', 'eq', '2015'))[0]?.message).toBe(
      'vehicle.year needs a whole number; got the text "2015".',
    );
    expect(problemsOf(one('vehicle.year', 'eq', 1800))[0]).toMatchObject({
      code: 'value_range',
      message: 'vehicle.year needs a value between 1900 and 2100; got 1800.',
    });
    expect(problemsOf(one('vehicle.make', 'is', 42))[0]?.code).toBe('value_type');
    expect(problemsOf(one('customer.created_at', 'on', '2024-02-30'))[0]?.message).toContain('YYYY-MM-DD');
    expect(problemsOf(one('visit.last_service_date', 'more_than_days_ago', -1))[0]?.code).toBe('value_range');
  });

  it('between needs two values, low first', () => {
    expect(problemsOf(one('vehicle.year', 'between', [2015]))[0]).toMatchObject({
      path: 'rules[0].value',
      code: 'value_type',
      message: expect.stringContaining('needs two values [from, to]'),
    });
    expect(problemsOf(one('vehicle.year', 'between', [2019, 2015]))).toEqual([
      {
        path: 'rules[0].value',
        code: 'value_range',
        message: 'The first value (2019) must not be more than the second (2015); swap them.',
      },
    ]);
    expect(problemsOf(one('vehicle.year', 'between', [2015, 'x']))[0]?.path).toBe('rules[0].value[1]');
  });

  it('an enum value that is not allowed, listing those that are', () => {
    expect(problemsOf(one('customer.language', 'is', 'de'))).toEqual([
      {
        path: 'rules[0].value',
        code: 'value_not_allowed',
        message: '"de" is not a value of customer.language. Use one of: en, fr.',
      },
    ]);
    expect(problemsOf(one('appointment.last_status', 'in', ['no_show', 'missed']))[0]?.path).toBe('rules[0].value[1]');
    expect(problemsOf(one('customer.language', 'in', []))[0]?.code).toBe('value_type');
  });

  it('a missing value, or one where none belongs', () => {
    expect(problemsOf(one('vehicle.make', 'contains'))[0]).toMatchObject({ code: 'value_missing' });
    expect(problemsOf(one('vehicle.make', 'contains', '  '))[0]?.message).toContain('use is_empty');
    expect(problemsOf(one('appointment.next', 'is_true', true))[0]).toMatchObject({
      code: 'value_unexpected',
      path: 'rules[0].value',
    });
  });

  it('text longer than 10,000 characters', () => {
    expect(validateFilter(one('customer.city', 'contains', 'x'.repeat(10_000))).ok).toBe(true);
    expect(problemsOf(one('customer.city', 'contains', 'x'.repeat(10_001)))[0]?.code).toBe('value_range');
  });

  it('every problem at once, with paths into nested groups', () => {
    const problems = problemsOf({
      op: 'and',
      rules: [
        { field: 'vehicle.colour', operator: 'is', value: 'red' },
        {
          op: 'or',
          rules: [
            { field: 'vehicle.year', operator: 'gt', value: 'new' },
            { op: 'and', rules: [] },
          ],
        },
      ],
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['rules[0].field', 'unknown_field'],
      ['rules[1].rules[0].value', 'value_type'],
      ['rules[1].rules[1]', 'empty_group'],
    ]);
  });

  it('a tree of the wrong shape', () => {
    expect(problemsOf({ op: 'xor', rules: {} }).map((p) => p.path)).toEqual(['op', 'rules']);
    const problems = problemsOf({
      op: 'and',
      rules: [{ field: 'vehicle.make', operator: 'is', value: 'x', extra: 1 }, 7, { op: 'and', rules: [{ field: 3 }] }],
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['rules[0]', 'shape'],
      ['rules[1]', 'shape'],
      ['rules[2].rules[0].field', 'shape'],
      ['rules[2].rules[0].operator', 'shape'],
    ]);
    expect(problems[0]?.message).toContain('"extra"');
    expect(problemsOf(null)[0]?.code).toBe('shape');
  });

  it('more than 5 levels of groups, or more than 100 rules', () => {
    let deep: FilterGroup = { op: 'and', rules: [{ field: 'customer.city', operator: 'is_empty' }] };
    for (let i = 0; i < 4; i++) deep = { op: 'and', rules: [deep] };
    expect(validateFilter(deep).ok).toBe(true);
    expect(problemsOf({ op: 'or', rules: [deep] })).toEqual([
      { path: '', code: 'too_deep', message: 'Groups are nested 6 deep; at most 5 levels are allowed.' },
    ]);
    const rules = Array.from({ length: 101 }, () => ({ field: 'customer.city', operator: 'is_empty' }));
    expect(validateFilter({ op: 'and', rules: rules.slice(1) }).ok).toBe(true);
    expect(problemsOf({ op: 'and', rules })[0]?.code).toBe('too_many_rules');
    expect(filterTreeSchema.safeParse({ op: 'and', rules }).success).toBe(false);
  });

  it('throws DomainError segment_invalid carrying every problem', () => {
    let error: unknown;
    try {
      assertValidFilter({
        op: 'and',
        rules: [
          { field: 'vehicle.mke', operator: 'is', value: 'x' },
          { field: 'vehicle.year', operator: 'eq', value: 1.5 },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'segment_invalid',
      message: expect.stringContaining('rules[0].field: Unknown field "vehicle.mke"'),
      details: {
        problems: [
          expect.objectContaining({ path: 'rules[0].field' }),
          expect.objectContaining({ path: 'rules[1].value' }),
        ],
      },
    });
  });
});

describe('the catalogue', () => {
  const byType: Record<FieldType, readonly string[]> = {
    text: TEXT_OPERATORS,
    enum: ENUM_OPERATORS,
    number: NUMBER_OPERATORS,
    date: DATE_OPERATORS,
    days_ago: DAYS_AGO_OPERATORS,
    boolean: BOOLEAN_OPERATORS,
  };
  it('lists each key once, with labels in both languages and only its type’s operators', () => {
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELD_KEYS.length);
    for (const f of FIELDS) {
      expect(f.label.en && f.label.fr, f.key).toBeTruthy();
      expect(f.operators.length, f.key).toBeGreaterThan(0);
      for (const op of f.operators) expect(byType[f.type], `${f.key} ${op}`).toContain(op);
      if (f.type === 'enum') expect(f.values.every((v) => v.label.en && v.label.fr)).toBe(true);
    }
  });
});
