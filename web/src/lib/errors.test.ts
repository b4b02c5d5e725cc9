import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { errorMessage } from './errors.ts';

describe('errorMessage', () => {
  it('lists validation problems, naming the field when the server does', () => {
    const e = new ApiError(400, 'invalid_input', 'Check the smtp settings', [
      { field: 'port', message: 'too small' },
      { message: 'from is required' },
    ]);
    expect(errorMessage(e)).toBe('port: Too small. From is required.');
  });
  it('falls back to the message', () => {
    expect(errorMessage(new ApiError(422, 'not_eligible', 'No consent'))).toBe('No consent');
    expect(errorMessage(new Error('boom'))).toBe('boom');
  });
});
