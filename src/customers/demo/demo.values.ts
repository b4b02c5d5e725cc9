/**
 * Small generators for demo values that must be *valid*, not just plausible: VINs with a correct
 * check digit, North American numbers libphonenumber accepts, Canadian postal codes, plates.
 * Pure: randomness comes from the faker instance passed in.
 */
import type { Faker } from '@faker-js/faker';

/** VIN characters: digits and capitals without I, O and Q. */
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_VALUES: Record<string, number> = {};
for (const [i, c] of [...'0123456789'].entries()) VIN_VALUES[c] = i;
for (const [c, v] of Object.entries({
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
})) {
  VIN_VALUES[c] = v;
}
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Model-year codes (VIN position 10) from 2001; the 30-year cycle skips I, O, Q, U, Z and 0. */
const YEAR_CODES = '123456789ABCDEFGHJKLMNPRSTVWXY';

/** The VIN check digit (position 9) of a 17-character VIN, per 49 CFR 565. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VIN_VALUES[vin.charAt(i)] ?? 0) * (VIN_WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

const SERIALS = 33_000_000; // plant code (33 characters) × six-digit sequence

/**
 * A valid 17-character VIN. `serial` (0 ≤ serial < 33,000,000) fills the plant code and the
 * sequential number (positions 11–17) through a bijection that scatters consecutive serials,
 * so distinct serials give distinct VINs that do not read 000001, 000002…
 */
export function makeVin(f: Faker, wmi: string, year: number, serial: number): string {
  let vds = '';
  for (let i = 0; i < 5; i++) vds += VIN_CHARS.charAt(f.number.int(VIN_CHARS.length - 1));
  const yearCode = YEAR_CODES.charAt((((year - 2001) % 30) + 30) % 30);
  // 7919 is prime and does not divide 33,000,000 = 2^6·3·5^6·11, so this permutes 0..SERIALS-1.
  const scattered = (serial * 7919 + 123_457) % SERIALS;
  const plant = VIN_CHARS.charAt(Math.floor(scattered / 1_000_000));
  const seq = String(scattered % 1_000_000).padStart(6, '0');
  const draft = `${wmi}${vds}0${yearCode}${plant}${seq}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

/**
 * A ten-digit North American number in the area code: exchange 2xx–9xx, never an N11 service
 * code or 555 (mostly fictional), so libphonenumber treats it as a real number.
 */
export function phoneDigits(f: Faker, areaCode: string): string {
  let exchange: number;
  do exchange = f.number.int({ min: 200, max: 999 });
  while (exchange % 100 === 11 || exchange === 555 || exchange === 958 || exchange === 959 || exchange === 976);
  return `${areaCode}${exchange}${String(f.number.int(9999)).padStart(4, '0')}`;
}

/** The number in one of the ways DMS exports write it. */
export function formatPhone(f: Faker, digits: string): string {
  const a = digits.slice(0, 3);
  const e = digits.slice(3, 6);
  const l = digits.slice(6);
  switch (f.number.int(9)) {
    case 0:
    case 1:
    case 2:
      return `(${a}) ${e}-${l}`;
    case 3:
    case 4:
    case 5:
      return `${a}-${e}-${l}`;
    case 6:
      return digits;
    case 7:
      return `${a}.${e}.${l}`;
    case 8:
      return `+1 ${a} ${e} ${l}`;
    default:
      return `1-${a}-${e}-${l}`;
  }
}

/** What a DMS export holds where a phone number went wrong: too short, words, impossible digits. */
export function badPhone(f: Faker, areaCode: string): string {
  const good = phoneDigits(f, areaCode);
  switch (f.number.int(5)) {
    case 0:
      return `${good.slice(0, 3)}-${good.slice(3, 6)}-${good.slice(6, 8)}`; // too short
    case 1:
      return f.helpers.arrayElement(['CALL WORK', 'N/A', 'see notes', 'NONE', 'ask for cell']);
    case 2:
      return `${areaCode}-1${good.slice(4, 6)}-${good.slice(6)}`; // an exchange cannot start with 1
    case 3:
      return '000-000-0000';
    case 4:
      return `(${areaCode}) ${good.slice(3, 6)}-${good.slice(6)}9`; // one digit too many
    default:
      return `123-${good.slice(3, 6)}-${good.slice(6)}`; // no such area code
  }
}

const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

/** A postal code: a Canadian FSA completed with its local delivery unit, or a ZIP code as is. */
export function postalCode(f: Faker, prefix: string): string {
  if (/^\d{5}$/.test(prefix)) return prefix;
  const d = () => String(f.number.int(9));
  const l = () => POSTAL_LETTERS.charAt(f.number.int(POSTAL_LETTERS.length - 1));
  return `${prefix} ${d()}${l()}${d()}`;
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

/** A licence plate in the style of the province or state. */
export function plate(f: Faker, region: string): string {
  const l = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += PLATE_LETTERS.charAt(f.number.int(PLATE_LETTERS.length - 1));
    return s;
  };
  const d = (n: number) => String(f.number.int(10 ** n - 1)).padStart(n, '0');
  switch (region) {
    case 'ON':
      return `${l(4)} ${d(3)}`;
    case 'QC':
      return `${l(1)}${d(2)} ${l(3)}`;
    case 'BC':
      return f.datatype.boolean() ? `${l(3)} ${d(3)}` : `${l(2)}${d(1)} ${d(2)}${l(1)}`;
    case 'AB':
    case 'TX':
      return `${l(3)}-${d(4)}`;
    case 'IL':
      return `${l(2)} ${d(5)}`;
    case 'WA':
      return `${l(3)}${d(4)}`;
    case 'MI':
      return `${l(3)} ${d(4)}`;
    default:
      return `${l(3)} ${d(3)}`;
  }
}

/** Letters without accents, apostrophes or spaces, for e-mail local parts. */
export function asciiWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
