import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '../api/delivery.types.ts';
import {
  eventColor,
  eventLabel,
  isFinished,
  reasonLabel,
  sourceLabel,
  STATUS_COLOR,
  statusText,
} from './message-status.ts';

const base = { statusReason: null, dueAt: null, attempts: 0 };

describe('statusText', () => {
  it('says when a deferred message goes, in the store’s zone', () => {
    expect(
      statusText(
        { ...base, status: 'deferred', statusReason: 'quiet_hours', dueAt: '2026-11-24T12:00:00Z' },
        'America/Halifax',
      ),
    ).toBe('Deferred until Nov 24, 2026, 8:00 a.m.');
  });

  it('names why a message was skipped', () => {
    expect(statusText({ ...base, status: 'skipped', statusReason: 'no_marketing_consent' }, 'UTC')).toBe(
      'Skipped: no marketing consent',
    );
    expect(statusText({ ...base, status: 'skipped', statusReason: 'some_new_code' }, 'UTC')).toBe(
      'Skipped: some new code',
    );
    expect(statusText({ ...base, status: 'skipped' }, 'UTC')).toBe('Skipped');
  });

  it('counts retries of a queued message', () => {
    expect(statusText({ ...base, status: 'queued' }, 'UTC')).toBe('Queued');
    expect(statusText({ ...base, status: 'queued', attempts: 2, statusReason: 'provider_transient' }, 'UTC')).toBe(
      'Queued (retry 2)',
    );
  });

  it('has a label and a colour for every status', () => {
    for (const status of MESSAGE_STATUSES) {
      expect(statusText({ ...base, status }, 'UTC')).not.toBe('');
      expect(STATUS_COLOR[status]).toMatch(/^[a-z]+$/);
    }
  });
});

describe('labels', () => {
  it('finishes only after the last attempt', () => {
    expect((['queued', 'deferred', 'sending'] as const).map((s) => isFinished(s))).toEqual([false, false, false]);
    expect(isFinished('sent')).toBe(true);
    expect(isFinished('skipped')).toBe(true);
  });

  it('words events, reasons and sources', () => {
    expect(eventLabel('retry')).toBe('Retry scheduled');
    expect(eventLabel('sent')).toBe('Sent');
    expect(eventLabel('provider_ack')).toBe('Provider ack');
    expect(eventColor('retry')).toBe('orange');
    expect(eventColor('bounced')).toBe('orange');
    expect(eventColor('whatever')).toBe('gray');
    expect(reasonLabel('quiet_hours')).toBe('quiet hours');
    expect(sourceLabel('manual')).toBe('Profile');
    expect(sourceLabel('voice_drop')).toBe('Voice drop');
  });
});

describe('voice drops', () => {
  it('read "In Progress" until their result, then the result', () => {
    const base = { statusReason: null, dueAt: null, attempts: 1, channel: 'voice' as const };
    expect(statusText({ ...base, status: 'sent' }, 'America/Toronto')).toBe('In Progress');
    expect(statusText({ ...base, status: 'failed', statusReason: 'busy' }, 'America/Toronto')).toBe('Failed: busy');
    expect(statusText({ ...base, status: 'sent', channel: 'email' }, 'America/Toronto')).toBe('Sent');
  });
});
