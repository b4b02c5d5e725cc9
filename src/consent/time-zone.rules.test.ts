import { describe, expect, it } from 'vitest';
import { recipientZone } from './time-zone.rules.ts';

describe('recipientZone', () => {
  it('uses the province or state of the mailing address', () => {
    expect(recipientZone('CA', 'bc', 'America/Toronto')).toBe('America/Vancouver');
    expect(recipientZone('US', 'FL', 'America/Chicago')).toBe('America/New_York');
  });
  it('falls back to the store’s zone when the address says nothing useful', () => {
    expect(recipientZone(null, 'ON', 'America/Regina')).toBe('America/Regina');
    expect(recipientZone('CA', 'Narnia', 'America/Regina')).toBe('America/Regina');
  });
});
