import { describe, expect, it } from 'vitest';
import { redirectTarget } from './redirect.ts';

describe('redirectTarget', () => {
  it('returns to the page the user asked for', () => {
    expect(redirectTarget({ from: '/customers/12?tab=visits' })).toBe('/customers/12?tab=visits');
  });
  it('never leaves the app or loops to the login page', () => {
    expect(redirectTarget({ from: '//evil.example/x' })).toBe('/customers');
    expect(redirectTarget({ from: 'https://evil.example' })).toBe('/customers');
    expect(redirectTarget({ from: '/login' })).toBe('/customers');
    expect(redirectTarget(null)).toBe('/customers');
  });
});
