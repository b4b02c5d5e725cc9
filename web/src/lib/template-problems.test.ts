import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import {
  formatProblem,
  isTemplateRefusal,
  problemsFor,
  suggestMergeTag,
  templateProblemsOf,
  type TemplateProblem,
} from './template-problems.ts';

const refusal = (problems: unknown[], code = 'template_unknown_tag') =>
  new ApiError(422, code, 'refused', { problems });

const problem = (over: Partial<TemplateProblem>): TemplateProblem => ({
  code: 'template_unknown_tag',
  tag: 'customer.nmae',
  line: 2,
  column: 4,
  field: 'body',
  message: 'body: unknown merge tag "customer.nmae"; customer has: customer.first_name, customer.name',
  ...over,
});

describe('templateProblemsOf', () => {
  it('reads the problems of a 422 and skips malformed ones', () => {
    const error = refusal([
      { code: 'template_unknown_tag', tag: 'customer.nmae', line: 2, column: 4, field: 'body', message: 'm' },
      { code: 'template_syntax', line: 'x' },
      'nonsense',
    ]);
    expect(templateProblemsOf(error)).toEqual([
      { code: 'template_unknown_tag', tag: 'customer.nmae', line: 2, column: 4, field: 'body', message: 'm' },
    ]);
    expect(isTemplateRefusal(error)).toBe(true);
  });
  it('answers [] for other errors', () => {
    expect(templateProblemsOf(new ApiError(409, 'conflict', 'taken'))).toEqual([]);
    expect(templateProblemsOf(new ApiError(422, 'template_sms_too_long', 'too long'))).toEqual([]);
    expect(templateProblemsOf(new Error('x'))).toEqual([]);
    expect(isTemplateRefusal(new ApiError(400, 'invalid_input', 'bad'))).toBe(false);
  });
});

describe('formatProblem', () => {
  it('names an unknown merge field with its line and column', () => {
    expect(formatProblem(problem({}))).toBe('Unknown merge field customer.nmae — line 2, column 4');
    expect(
      formatProblem(
        problem({ tag: '<Favourite Colour>', line: 1, column: 4, message: 'subject: unknown merge field' }),
      ),
    ).toBe('Unknown merge field <Favourite Colour> — line 1, column 4');
  });
  it('names filters and syntax errors', () => {
    expect(formatProblem(problem({ code: 'template_unknown_filter', tag: 'money', message: 'unknown filter' }))).toBe(
      'Unknown filter “money” — line 2, column 4',
    );
    expect(
      formatProblem(
        problem({ code: 'template_syntax', tag: '', message: 'body: tag {% if %} not closed (line 1, column 4)' }),
      ),
    ).toBe('Liquid syntax error: Tag {% if %} not closed — line 2, column 4');
  });
  it('uses the server’s words for a disallowed Liquid tag', () => {
    expect(
      formatProblem(
        problem({ tag: 'include', message: 'body: the Liquid tag {% include %} is not allowed in templates' }),
      ),
    ).toBe('The Liquid tag {% include %} is not allowed in templates — line 2, column 4');
  });
});

describe('problemsFor', () => {
  it('splits problems by field; unplaced ones go with the body', () => {
    const list = [problem({ field: 'subject' }), problem({ field: 'body' }), problem({ field: null })];
    expect(problemsFor(list, 'subject')).toHaveLength(1);
    expect(problemsFor(list, 'body')).toHaveLength(2);
  });
});

describe('suggestMergeTag', () => {
  const paths = ['customer.first_name', 'customer.name', 'customer.mailing_name', 'vehicle.make'];
  it('finds a near miss', () => {
    expect(suggestMergeTag('customer.nmae', paths)).toBe('customer.name');
    expect(suggestMergeTag('Vehicle.mke', paths)).toBe('vehicle.make');
  });
  it('offers nothing when nothing is close', () => {
    expect(suggestMergeTag('favourite.colour', paths)).toBeNull();
    expect(suggestMergeTag('customer.name', paths)).toBeNull();
  });
});
