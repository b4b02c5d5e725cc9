import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './csv-cells.rules.ts';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","x")', `'=HYPERLINK("http://evil.test","x")`],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
  ])('prefixes a formula-looking string %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves ordinary text alone, including formula characters after the first', () => {
    expect(neutraliseCell('Renée Tremblay')).toBe('Renée Tremblay');
    expect(neutraliseCell('a=b+c')).toBe('a=b+c');
    expect(neutraliseCell(' =1')).toBe(' =1');
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell("'quoted")).toBe("'quoted");
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(neutraliseCell(-1)).toBe('-1');
    expect(neutraliseCell(-12.5)).toBe('-12.5');
    expect(neutraliseCell(0)).toBe('0');
    expect(neutraliseCell(-9007199254740993n)).toBe('-9007199254740993');
    expect(neutraliseCell(Number.NaN)).toBe('');
    expect(neutraliseCell(Number.NEGATIVE_INFINITY)).toBe('');
  });

  it('but a string that looks like a negative number is still prefixed', () => {
    expect(neutraliseCell('-1')).toBe("'-1");
  });

  it('writes dates as ISO 8601, booleans as words and null as empty', () => {
    expect(neutraliseCell(new Date(Date.UTC(2024, 4, 1, 13, 0, 0)))).toBe('2024-05-01T13:00:00.000Z');
    expect(neutraliseCell(new Date('not a date'))).toBe('');
    expect(neutraliseCell(true)).toBe('true');
    expect(neutraliseCell(false)).toBe('false');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
  });
});
