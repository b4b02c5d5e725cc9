import { describe, expect, it } from 'vitest';
import { AUDIENCES } from '../../../src/campaigns/audiences.sql.ts';
import {
  AUDIENCE_DESCRIPTIONS,
  audienceDescription,
  EXCLUSION_LABELS,
  exclusionLabel,
  exclusionRows,
  runDaysLabel,
  runOutcomeMessage,
  runTimeLabel,
} from './batch-labels.ts';

describe('exclusion labels', () => {
  it('names every eligibility reason but quiet hours, and every batch rule', () => {
    const codes = [
      'no_marketing_consent',
      'consent_withdrawn',
      'casl_consent_expired',
      'casl_opt_out',
      'do_not_mail',
      'method_off',
      'no_email',
      'email_invalid',
      'no_valid_cell',
      'no_phone',
      'phone_blocked_until',
      'phone_blocked',
      'no_address',
      'no_fax_number',
      'vehicle_off',
      'day_part_mismatch',
      'language',
      'fleet',
      'reserved',
      'recycling',
      'days_between',
      'prevented_contact_type',
      'prevented_customer',
      'over_limit',
    ];
    expect(Object.keys(EXCLUSION_LABELS).sort()).toEqual([...codes].sort());
    expect(exclusionLabel('no_email')).toBe('No e-mail address');
    expect(exclusionLabel('over_limit')).toBe('Over the # to send');
  });

  it('reads an unknown code as words', () => {
    expect(exclusionLabel('brand_new_rule')).toBe('Brand new rule');
  });

  it('lists exclusions with a count, most first', () => {
    expect(exclusionRows({ over_limit: 1, no_email: 3, fleet: 0, language: 1 })).toEqual([
      { code: 'no_email', label: 'No e-mail address', count: 3 },
      { code: 'language', label: 'Language does not match', count: 1 },
      { code: 'over_limit', label: 'Over the # to send', count: 1 },
    ]);
  });
});

describe('run days and times', () => {
  it('names the common sets and lists the rest in week order', () => {
    expect(runDaysLabel([1, 2, 3, 4, 5, 6, 7])).toBe('Every day');
    expect(runDaysLabel([5, 4, 3, 2, 1])).toBe('Mon–Fri');
    expect(runDaysLabel([5, 1, 3])).toBe('Mon, Wed, Fri');
    expect(runDaysLabel([])).toBe('No days');
  });

  it('writes a 24-hour time on a 12-hour clock', () => {
    expect(runTimeLabel('09:30')).toBe('9:30 a.m.');
    expect(runTimeLabel('00:05')).toBe('12:05 a.m.');
    expect(runTimeLabel('12:00')).toBe('12:00 p.m.');
    expect(runTimeLabel('17:45')).toBe('5:45 p.m.');
    expect(runTimeLabel('soon')).toBe('soon');
  });
});

describe('run outcomes', () => {
  it('says what a run did', () => {
    expect(runOutcomeMessage({ outcome: 'done', selected: 2, enqueued: 2, heldOut: 0 })).toBe(
      'Run finished: 2 taken, 2 queued.',
    );
    expect(runOutcomeMessage({ outcome: 'already_done', selected: 3, enqueued: 2, heldOut: 1 })).toBe(
      'This batch already ran today (3 taken, 2 queued, 1 held out); nothing more was sent.',
    );
    expect(runOutcomeMessage({ outcome: 'running_elsewhere', selected: 0, enqueued: 0, heldOut: 0 })).toMatch(
      /running right now/,
    );
  });
});

describe('audience descriptions', () => {
  it('are the server’s, word for word', () => {
    const server = Object.fromEntries(Object.entries(AUDIENCES).map(([key, a]) => [key, a.description]));
    expect(AUDIENCE_DESCRIPTIONS).toEqual(server);
  });

  it('are missing for a store’s own contact type', () => {
    expect(audienceDescription('maintenance')).toMatch(/6 to 24 months/);
    expect(audienceDescription('lease_end')).toBeNull();
  });
});
