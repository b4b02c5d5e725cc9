import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecrets, sealSecrets } from './sealed-secrets.ts';

describe('sealed secrets', () => {
  const key = randomBytes(32);
  it('round-trip, and never contain the plain text', () => {
    const sealed = sealSecrets({ password: 'hunter2-very-secret' }, key);
    expect(sealed).not.toContain('hunter2');
    expect(openSecrets(sealed, key)).toEqual({ password: 'hunter2-very-secret' });
    expect(sealSecrets({ password: 'x' }, key)).not.toBe(sealSecrets({ password: 'x' }, key));
  });
  it('refuse another key and an altered text', () => {
    const sealed = sealSecrets({ token: 'abc' }, key);
    expect(() => openSecrets(sealed, randomBytes(32))).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => openSecrets(flipped, key)).toThrow();
  });
});
