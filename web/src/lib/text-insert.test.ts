import { describe, expect, it } from 'vitest';
import { insertAtSelection } from './text-insert.ts';

describe('insertAtSelection', () => {
  it('inserts at the cursor and puts the cursor after the insert', () => {
    expect(insertAtSelection('Hi , welcome', { start: 3, end: 3 }, '{{ customer.first_name }}')).toEqual({
      value: 'Hi {{ customer.first_name }}, welcome',
      cursor: 28,
    });
  });
  it('replaces a selection, whichever way it was made', () => {
    expect(insertAtSelection('Dear NAME,', { start: 9, end: 5 }, 'X')).toEqual({ value: 'Dear X,', cursor: 6 });
  });
  it('appends without a selection and clamps offsets past the end', () => {
    expect(insertAtSelection('Hi', null, '!')).toEqual({ value: 'Hi!', cursor: 3 });
    expect(insertAtSelection('Hi', { start: 10, end: 12 }, '!')).toEqual({ value: 'Hi!', cursor: 3 });
  });
});
