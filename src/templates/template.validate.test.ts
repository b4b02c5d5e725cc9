import { describe, expect, it } from 'vitest';
import { createTemplateValidator, lineColumn, type TemplateProblem } from './template.validate.ts';

const validator = createTemplateValidator();
const problems = (source: string): TemplateProblem[] => {
  const r = validator.validate(source);
  return r.ok ? [] : r.problems;
};

describe('lineColumn', () => {
  it('is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('validateTemplate', () => {
  it('accepts catalogue paths, allowed filters, list loops and indexes', () => {
    const source = [
      'Dear {{ customer.mailing_name | default: "there" }},',
      '{{ vehicle.year }} {{ vehicle.make | upcase }} {{ vehicle.model }} {{ vehicle.plate }}',
      '{{ appointment.date | date_long }} {{ appointment.time | time }} {{ visit.date | date_short }}',
      '{% for item in deferred_items %}{{ forloop.index }}. {{ item | capitalize }}{% endfor %}',
      '{{ deferred_items[0] }} {{ deferred_items.size }} {{ deferred_items | join: ", " }}',
      '{% if store.feedback_url %}{{ store.feedback_url }}{% endif %} {{ store.phone | phone }}',
      '{% assign who = customer.first_name | default: "friend" %}{{ who }} {{ unsubscribe_url }} {{ salesperson.name }}',
    ].join('\n');
    expect(problems(source)).toEqual([]);
  });

  it('refuses an unknown merge tag, naming it with its line and column', () => {
    expect(problems('Hello\n  {{ customer.nmae }}')).toEqual([
      expect.objectContaining({ code: 'template_unknown_tag', tag: 'customer.nmae', line: 2, column: 6 }),
    ]);
    expect(problems('{% if vehicle.vin %}x{% endif %}')[0]).toMatchObject({
      code: 'template_unknown_tag',
      tag: 'vehicle.vin',
      line: 1,
      column: 7,
    });
  });

  it('refuses a group used as a value', () => {
    expect(problems('{{ customer }}')[0]).toMatchObject({ code: 'template_unknown_tag', tag: 'customer' });
  });

  it('refuses an unknown filter with its position', () => {
    expect(problems('x\n{{ customer.name | upcase | money }}')).toEqual([
      expect.objectContaining({ code: 'template_unknown_filter', tag: 'money', line: 2, column: 29 }),
    ]);
    // A Liquid filter that is not on the whitelist.
    expect(problems('{{ customer.name | append: "x" }}')[0]).toMatchObject({
      code: 'template_unknown_filter',
      tag: 'append',
    });
  });

  it('reports several problems in source order', () => {
    const ps = problems('{{ a.b }} {{ customer.name | zap }}\n{{ c }}');
    expect(ps.map((p) => [p.code, p.tag, p.line, p.column])).toEqual([
      ['template_unknown_tag', 'a.b', 1, 4],
      ['template_unknown_filter', 'zap', 1, 30],
      ['template_unknown_tag', 'c', 2, 4],
    ]);
  });

  it('refuses a syntax error with its position', () => {
    const [p] = problems('Hi\n{% if customer.name %}x');
    expect(p).toMatchObject({ code: 'template_syntax', line: 2, column: 1 });
    expect(problems('Hi {{ customer.name ')[0]).toMatchObject({ code: 'template_syntax', line: 1, column: 4 });
  });

  it('refuses unknown and disallowed Liquid tags', () => {
    expect(problems('a\n {% zork %}')[0]).toMatchObject({
      code: 'template_unknown_tag',
      tag: 'zork',
      line: 2,
      column: 2,
    });
    expect(problems('{% include "x" %}')[0]).toMatchObject({ code: 'template_unknown_tag', tag: 'include' });
    expect(problems('{% raw %}{{{% endraw %}')[0]).toMatchObject({ code: 'template_unknown_tag', tag: 'raw' });
  });

  it('refuses a loop over something that is not a list', () => {
    expect(problems('{% for c in customer.name %}{{ c }}{% endfor %}')[0]).toMatchObject({
      code: 'template_unknown_tag',
      tag: 'customer.name',
    });
  });

  it('refuses a template that would print a raw {{', () => {
    expect(problems('{{ "{{" }} hi')[0]).toMatchObject({ code: 'template_syntax' });
  });
});
