import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * A phone number as E.164 ('+14165550123'), read the way a person in `country` (ISO 3166 alpha-2,
 * the store's country) would dial it; numbers written with a leading '+' keep their own country.
 * Refuses numbers libphonenumber does not consider valid for their country, so a mistyped area
 * code is dropped rather than texted. Pure.
 */
export function normalisePhone(raw: string, country: string): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty phone number' };
  const region = country.toUpperCase();
  // An unknown default country would make every national number unparseable; treat it as none.
  const parsed = isSupportedCountry(region)
    ? parsePhoneNumberFromString(text, { defaultCountry: region })
    : parsePhoneNumberFromString(text);
  if (!parsed) return { ok: false, reason: `not a phone number: "${text}"` };
  if (!parsed.isValid()) return { ok: false, reason: `not a valid ${parsed.country ?? region} phone number: "${text}"` };
  return { ok: true, e164: parsed.number };
}
