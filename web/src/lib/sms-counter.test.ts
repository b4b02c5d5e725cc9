import { describe, expect, it } from 'vitest';
import { smsCounterAdvice, smsCounterLabel, smsCounterTone } from './sms-counter.ts';

describe('smsCounterLabel', () => {
  it('says encoding, characters and segments', () => {
    expect(smsCounterLabel({ encoding: 'GSM-7', characters: 142, segments: 1 })).toBe(
      'GSM-7 · 142 characters · 1 segment',
    );
    expect(smsCounterLabel({ encoding: 'UCS-2', characters: 1, segments: 2 })).toBe('UCS-2 · 1 character · 2 segments');
    expect(smsCounterLabel({ encoding: 'GSM-7', characters: 1234, segments: 9 })).toBe(
      'GSM-7 · 1,234 characters · 9 segments',
    );
  });
});

describe('smsCounterTone and smsCounterAdvice', () => {
  it('are quiet for a one-part GSM-7 text', () => {
    const f = { encoding: 'GSM-7', characters: 160, segments: 1 } as const;
    expect(smsCounterTone(f)).toBe('ok');
    expect(smsCounterAdvice(f)).toBeNull();
  });
  it('warn about UCS-2 with its limits', () => {
    const f = { encoding: 'UCS-2', characters: 40, segments: 1 } as const;
    expect(smsCounterTone(f)).toBe('warning');
    expect(smsCounterAdvice(f)).toContain('70 characters fit in one message, 67 per segment');
  });
  it('warn about a text sent in several parts', () => {
    const f = { encoding: 'GSM-7', characters: 200, segments: 2 } as const;
    expect(smsCounterTone(f)).toBe('warning');
    expect(smsCounterAdvice(f)).toContain('2 parts of up to 153 characters');
  });
});
