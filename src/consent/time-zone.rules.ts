import { regionKey } from './quiet-hours.rules.ts';

/**
 * The recipient's time zone for quiet hours: from the mailing address's province or state,
 * falling back to the store's. States that span two zones take the zone most of their people
 * live in; where that is wrong for a customer, the store's window is still inside the TCPA's.
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

export function recipientZone(country: string | null, region: string | null, storeZone: string): string {
  if (!country || !region) return storeZone;
  return REGION_ZONES[regionKey(country, region)] ?? storeZone;
}
