import { describe, expect, it } from 'vitest';
import { keyForSubmit, newRequestKey, requestSignature } from './request-key.ts';

describe('request keys', () => {
  it('are UUIDs the API accepts (8–100 characters)', () => {
    const key = newRequestKey();
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(newRequestKey()).not.toBe(key);
  });

  it('keep the key when the same request is submitted again, and change it when the request changes', () => {
    let n = 0;
    const generate = () => `key-${++n}-abcdef`;
    const first = keyForSubmit(null, requestSignature({ a: 1, b: 'x' }), generate);
    expect(first.key).toBe('key-1-abcdef');
    // A retry of the same submit (fields in another order) reuses it.
    expect(keyForSubmit(first, requestSignature({ b: 'x', a: 1 }), generate).key).toBe('key-1-abcdef');
    // Anything else is another message.
    expect(keyForSubmit(first, requestSignature({ a: 2, b: 'x' }), generate).key).toBe('key-2-abcdef');
  });

  it('sorts nested keys but keeps array order', () => {
    expect(requestSignature({ z: { b: 1, a: 2 }, cc: ['b', 'a'] })).toBe('{"cc":["b","a"],"z":{"a":2,"b":1}}');
  });
});
