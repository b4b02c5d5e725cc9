import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { StoreSettings } from '../api/store-settings.ts';
import { changedSettings, fieldErrorsOf, toFormValues } from './store-settings-form.ts';

const saved: StoreSettings = {
  id: 1,
  code: 'AAA',
  name: 'Alpha Auto',
  addressLine1: '1 Main St',
  addressLine2: null,
  city: 'Toronto',
  region: 'ON',
  postalCode: 'M5V 1A1',
  country: 'CA',
  phone: null,
  email: 'service@alpha.test',
  ownerName: null,
  feedbackUrl: null,
  timeZone: 'America/Toronto',
  bodyShopAutoOff: false,
  sendWindowStart: '08:00',
  sendWindowEnd: '21:00',
  emailBounceLimit: 3,
  emailRedDays: 90,
  voiceImpossibleBlockDays: 14,
  voiceImpossibleForeverAt: 3,
  homeBusyForeverAt: 3,
  campaignImpossibleBlockDays: 14,
  campaignImpossibleForeverAfter: 5,
};

describe('changedSettings', () => {
  it('is empty for the saved values', () => {
    expect(changedSettings(toFormValues(saved), saved)).toEqual({});
  });

  it('sends only what changed, blanks as null, trimmed, the country upper-cased', () => {
    const values = {
      ...toFormValues(saved),
      city: '  ',
      ownerName: ' Ann Alpha ',
      country: 'ca',
      emailBounceLimit: '5',
      bodyShopAutoOff: true,
    };
    expect(changedSettings(values, saved)).toEqual({
      city: null,
      ownerName: 'Ann Alpha',
      emailBounceLimit: 5,
      bodyShopAutoOff: true,
    });
  });

  it('sends an emptied number as null for the server to refuse', () => {
    expect(changedSettings({ ...toFormValues(saved), emailRedDays: '' }, saved)).toEqual({ emailRedDays: null });
  });
});

describe('fieldErrorsOf', () => {
  it('maps details to fields, ignoring unknown ones', () => {
    const error = new ApiError(400, 'invalid_input', 'Invalid request: …', [
      { field: 'emailBounceLimit', message: 'too big: expected number to be <=9' },
      { field: 'body', message: 'unrecognized key: "color"' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ emailBounceLimit: 'Too big: expected number to be <=9' });
  });

  it('marks the fields a message without details names', () => {
    const error = new ApiError(400, 'invalid_input', 'sendWindowStart must be before sendWindowEnd.');
    expect(fieldErrorsOf(error)).toEqual({ sendWindowStart: true, sendWindowEnd: true });
  });

  it('has nothing for other failures', () => {
    expect(fieldErrorsOf(new ApiError(403, 'forbidden', 'This needs the admin or manager role.'))).toEqual({});
  });
});
