import { AREA_CODE_PLACES, areaCodeOf } from './area-code-zones.ts';
import { regionKey } from './quiet-hours.rules.ts';

/**
 * The zone of each province and state, for a mailing address (see `recipientPlace`). States that
 * span two zones take the zone most of their people live in; where that is wrong for a customer,
 * the store's window is still inside the TCPA's.
 */
const REGION_ZONES: Record<string, string> = {
  // Canada
  'CA-BC': 'America/Vancouver',
  'CA-AB': 'America/Edmonton',
  'CA-SK': 'America/Regina',
  'CA-MB': 'America/Winnipeg',
  'CA-ON': 'America/Toronto',
  'CA-QC': 'America/Toronto',
  'CA-NB': 'America/Moncton',
  'CA-NS': 'America/Halifax',
  'CA-PE': 'America/Halifax',
  'CA-NL': 'America/St_Johns',
  'CA-YT': 'America/Whitehorse',
  'CA-NT': 'America/Yellowknife',
  'CA-NU': 'America/Iqaluit',
  // United States
  'US-AL': 'America/Chicago',
  'US-AK': 'America/Anchorage',
  'US-AZ': 'America/Phoenix',
  'US-AR': 'America/Chicago',
  'US-CA': 'America/Los_Angeles',
  'US-CO': 'America/Denver',
  'US-CT': 'America/New_York',
  'US-DE': 'America/New_York',
  'US-DC': 'America/New_York',
  'US-FL': 'America/New_York',
  'US-GA': 'America/New_York',
  'US-HI': 'Pacific/Honolulu',
  'US-ID': 'America/Boise',
  'US-IL': 'America/Chicago',
  'US-IN': 'America/Indiana/Indianapolis',
  'US-IA': 'America/Chicago',
  'US-KS': 'America/Chicago',
  'US-KY': 'America/New_York',
  'US-LA': 'America/Chicago',
  'US-ME': 'America/New_York',
  'US-MD': 'America/New_York',
  'US-MA': 'America/New_York',
  'US-MI': 'America/Detroit',
  'US-MN': 'America/Chicago',
  'US-MS': 'America/Chicago',
  'US-MO': 'America/Chicago',
  'US-MT': 'America/Denver',
  'US-NE': 'America/Chicago',
  'US-NV': 'America/Los_Angeles',
  'US-NH': 'America/New_York',
  'US-NJ': 'America/New_York',
  'US-NM': 'America/Denver',
  'US-NY': 'America/New_York',
  'US-NC': 'America/New_York',
  'US-ND': 'America/Chicago',
  'US-OH': 'America/New_York',
  'US-OK': 'America/Chicago',
  'US-OR': 'America/Los_Angeles',
  'US-PA': 'America/New_York',
  'US-RI': 'America/New_York',
  'US-SC': 'America/New_York',
  'US-SD': 'America/Chicago',
  'US-TN': 'America/Chicago',
  'US-TX': 'America/Chicago',
  'US-UT': 'America/Denver',
  'US-VT': 'America/New_York',
  'US-VA': 'America/New_York',
  'US-WA': 'America/Los_Angeles',
  'US-WV': 'America/New_York',
  'US-WI': 'America/Chicago',
  'US-WY': 'America/Denver',
  'US-PR': 'America/Puerto_Rico',
};

/** Every region the table knows, for the set-based query. */
export const REGION_ZONE_TABLE: Readonly<Record<string, string>> = REGION_ZONES;

/** Where the recipient's time zone came from, for the reason's detail and the set-based query. */
export type ZoneSource =
  { from: 'address'; region: string } | { from: 'area_code'; areaCode: string } | { from: 'store' };

export interface RecipientPlace {
  zone: string;
  /** The country and region whose law may narrow the window; null when only the store is known. */
  country: string | null;
  region: string | null;
  source: ZoneSource;
}

/** The place of a province or state the table knows, or undefined. */
export function addressPlace(country: string | null, region: string | null): RecipientPlace | undefined {
  if (!country || !region) return undefined;
  const key = regionKey(country, region);
  const zone = REGION_ZONES[key];
  if (!zone) return undefined;
  const [c = '', r = ''] = key.split('-');
  return { zone, country: c, region: r, source: { from: 'address', region: r } };
}

/** The place of a geographic NANP area code, or undefined. */
export function areaCodePlace(areaCode: string | null): RecipientPlace | undefined {
  const p = areaCode === null ? undefined : AREA_CODE_PLACES.get(areaCode);
  return p && areaCode !== null ? { ...p, source: { from: 'area_code', areaCode } } : undefined;
}

/**
 * Where the recipient is, for quiet hours: the mailing address's province or state when the
 * table knows it, else the area code of the customer's first phone on file (cell, home, work),
 * else the store's zone. One phone for every channel, so the zone shown on the profile does not
 * change with the channel asked about.
 */
export function recipientPlace(
  address: { country: string | null; region: string | null },
  phones: readonly (string | null)[],
  storeZone: string,
): RecipientPlace {
  const phone = phones.find((p) => p !== null) ?? null;
  return (
    addressPlace(address.country, address.region) ??
    areaCodePlace(areaCodeOf(phone)) ?? { zone: storeZone, country: null, region: null, source: { from: 'store' } }
  );
}

/** 'the recipient's time zone America/Chicago from area code 312', for a reason's detail. */
export function describeZone(zone: string, source: ZoneSource): string {
  switch (source.from) {
    case 'address':
      return `the recipient's time zone ${zone} from address ${source.region}`;
    case 'area_code':
      return `the recipient's time zone ${zone} from area code ${source.areaCode}`;
    case 'store':
      return `the store's time zone ${zone}`;
  }
}
