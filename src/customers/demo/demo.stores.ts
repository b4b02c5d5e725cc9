/**
 * The demo dealership group: real places, plausible stores. Each store lists the towns its
 * customers live in, with postal prefixes (Canadian FSAs or US ZIP codes) and telephone area
 * codes that belong to those towns, so addresses and numbers agree with the store's country.
 */

export interface DemoArea {
  city: string;
  /** Canadian forward sortation areas ('V2X') or full US ZIP codes ('60613'). */
  postal: readonly string[];
  areaCodes: readonly string[];
}

export interface DemoStoreProfile {
  code: string;
  name: string;
  /** The franchise the store sells new; most serviced vehicles are of this make. */
  brand: string;
  country: 'CA' | 'US';
  region: string;
  timeZone: string;
  street: string;
  ownerName: string;
  domain: string;
  bodyShopAutoOff: boolean;
  /** Share of customers who chose French (a Quebec or Ottawa store). */
  frenchShare: number;
  /** Share of customers who chose Spanish (US stores). */
  spanishShare: number;
  /** Local street style: 'fr' gives "1234, rue Principale". */
  streetStyle: 'en' | 'fr';
  areas: readonly DemoArea[];
}

export const DEMO_STORES: readonly DemoStoreProfile[] = [
  {
    code: 'MRT',
    name: 'Maple Ridge Toyota',
    brand: 'Toyota',
    country: 'CA',
    region: 'BC',
    timeZone: 'America/Vancouver',
    street: '20450 Lougheed Hwy',
    ownerName: 'Karen Dhillon',
    domain: 'mapleridgetoyota.example',
    bodyShopAutoOff: true,
    frenchShare: 0.01,
    spanishShare: 0,
    streetStyle: 'en',
    areas: [
      { city: 'Maple Ridge', postal: ['V2X', 'V2W'], areaCodes: ['604', '778', '236'] },
      { city: 'Pitt Meadows', postal: ['V3Y'], areaCodes: ['604', '778'] },
      { city: 'Mission', postal: ['V2V', 'V4S'], areaCodes: ['604', '778'] },
      { city: 'Port Coquitlam', postal: ['V3B', 'V3C', 'V3E'], areaCodes: ['604', '778', '672'] },
      { city: 'Langley', postal: ['V2Y', 'V3A', 'V2Z'], areaCodes: ['604', '778', '236'] },
    ],
  },
  {
    code: 'RSH',
    name: 'Rive-Sud Honda',
    brand: 'Honda',
    country: 'CA',
    region: 'QC',
    timeZone: 'America/Montreal',
    street: '2500, boulevard Taschereau',
    ownerName: 'Sylvie Gagnon',
    domain: 'rivesudhonda.example',
    bodyShopAutoOff: false,
    frenchShare: 0.3,
    spanishShare: 0,
    streetStyle: 'fr',
    areas: [
      { city: 'Longueuil', postal: ['J4K', 'J4H', 'J4J', 'J4G', 'J4M'], areaCodes: ['450', '579'] },
      { city: 'Brossard', postal: ['J4W', 'J4X', 'J4Y', 'J4Z'], areaCodes: ['450', '579', '438'] },
      { city: 'Saint-Hubert', postal: ['J3Y', 'J4T'], areaCodes: ['450', '579'] },
      { city: 'Boucherville', postal: ['J4B'], areaCodes: ['450', '579'] },
      { city: 'Montréal', postal: ['H2J', 'H1V', 'H3H', 'H4A'], areaCodes: ['514', '438'] },
    ],
  },
  {
    code: 'LSF',
    name: 'Lakeshore Ford',
    brand: 'Ford',
    country: 'CA',
    region: 'ON',
    timeZone: 'America/Toronto',
    street: '1295 Lakeshore Rd W',
    ownerName: 'Michael Rossi',
    domain: 'lakeshoreford.example',
    bodyShopAutoOff: true,
    frenchShare: 0.02,
    spanishShare: 0,
    streetStyle: 'en',
    areas: [
      { city: 'Oakville', postal: ['L6J', 'L6K', 'L6L', 'L6H', 'L6M'], areaCodes: ['905', '289', '365'] },
      { city: 'Burlington', postal: ['L7L', 'L7M', 'L7N', 'L7R'], areaCodes: ['905', '289'] },
      { city: 'Mississauga', postal: ['L5H', 'L5J', 'L5L', 'L5M'], areaCodes: ['905', '289', '365'] },
      { city: 'Milton', postal: ['L9T'], areaCodes: ['905', '289'] },
    ],
  },
  {
    code: 'BYH',
    name: 'Bytown Hyundai',
    brand: 'Hyundai',
    country: 'CA',
    region: 'ON',
    timeZone: 'America/Toronto',
    street: '1500 Carling Ave',
    ownerName: 'Daniel Lapointe',
    domain: 'bytownhyundai.example',
    bodyShopAutoOff: false,
    frenchShare: 0.12,
    spanishShare: 0,
    streetStyle: 'en',
    areas: [
      { city: 'Ottawa', postal: ['K1Z', 'K1Y', 'K2A', 'K1S', 'K2B', 'K1G'], areaCodes: ['613', '343'] },
      { city: 'Nepean', postal: ['K2E', 'K2G', 'K2H', 'K2J'], areaCodes: ['613', '343'] },
      { city: 'Orléans', postal: ['K1C', 'K1E', 'K4A'], areaCodes: ['613', '343'] },
      { city: 'Kanata', postal: ['K2K', 'K2L', 'K2M', 'K2T'], areaCodes: ['613', '343'] },
    ],
  },
  {
    code: 'BVC',
    name: 'Bow Valley Chevrolet',
    brand: 'Chevrolet',
    country: 'CA',
    region: 'AB',
    timeZone: 'America/Edmonton',
    street: '3800 Macleod Trail SE',
    ownerName: 'Greg Thorsen',
    domain: 'bowvalleychev.example',
    bodyShopAutoOff: true,
    frenchShare: 0.01,
    spanishShare: 0,
    streetStyle: 'en',
    areas: [
      { city: 'Calgary', postal: ['T2G', 'T2H', 'T2J', 'T3A', 'T3E', 'T2W', 'T3H'], areaCodes: ['403', '587', '825'] },
      { city: 'Airdrie', postal: ['T4A', 'T4B'], areaCodes: ['403', '587'] },
      { city: 'Okotoks', postal: ['T1S'], areaCodes: ['403', '587'] },
      { city: 'Cochrane', postal: ['T4C'], areaCodes: ['403', '587'] },
    ],
  },
  {
    code: 'LVN',
    name: 'Lakeview Nissan',
    brand: 'Nissan',
    country: 'US',
    region: 'IL',
    timeZone: 'America/Chicago',
    street: '3201 N Western Ave',
    ownerName: 'Robert Kowalski',
    domain: 'lakeviewnissan.example',
    bodyShopAutoOff: false,
    frenchShare: 0,
    spanishShare: 0.08,
    streetStyle: 'en',
    areas: [
      {
        city: 'Chicago',
        postal: ['60613', '60614', '60618', '60625', '60657', '60640'],
        areaCodes: ['773', '312', '872'],
      },
      { city: 'Evanston', postal: ['60201', '60202'], areaCodes: ['847', '224'] },
      { city: 'Skokie', postal: ['60076', '60077'], areaCodes: ['847', '224'] },
      { city: 'Oak Park', postal: ['60302', '60304'], areaCodes: ['708'] },
    ],
  },
  {
    code: 'PSS',
    name: 'Puget Sound Subaru',
    brand: 'Subaru',
    country: 'US',
    region: 'WA',
    timeZone: 'America/Los_Angeles',
    street: '14820 Aurora Ave N',
    ownerName: 'Linda Haugen',
    domain: 'pugetsoundsubaru.example',
    bodyShopAutoOff: true,
    frenchShare: 0,
    spanishShare: 0.04,
    streetStyle: 'en',
    areas: [
      { city: 'Seattle', postal: ['98103', '98115', '98117', '98125', '98133'], areaCodes: ['206', '564'] },
      { city: 'Shoreline', postal: ['98155', '98177'], areaCodes: ['206'] },
      { city: 'Lynnwood', postal: ['98036', '98037'], areaCodes: ['425', '564'] },
      { city: 'Bothell', postal: ['98011', '98012'], areaCodes: ['425'] },
    ],
  },
  {
    code: 'HFM',
    name: 'Harbourfront Mazda',
    brand: 'Mazda',
    country: 'CA',
    region: 'NS',
    timeZone: 'America/Halifax',
    street: '3461 Kempt Rd',
    ownerName: 'Colin MacLeod',
    domain: 'harbourfrontmazda.example',
    bodyShopAutoOff: false,
    frenchShare: 0.02,
    spanishShare: 0,
    streetStyle: 'en',
    areas: [
      { city: 'Halifax', postal: ['B3H', 'B3K', 'B3L', 'B3M', 'B3N'], areaCodes: ['902', '782'] },
      { city: 'Dartmouth', postal: ['B2V', 'B2W', 'B2X', 'B2Y'], areaCodes: ['902', '782'] },
      { city: 'Bedford', postal: ['B4A'], areaCodes: ['902'] },
    ],
  },
  {
    code: 'CMQ',
    name: 'Capitale Mazda',
    brand: 'Mazda',
    country: 'CA',
    region: 'QC',
    timeZone: 'America/Montreal',
    street: '5250, boulevard Wilfrid-Hamel',
    ownerName: 'Martin Bouchard',
    domain: 'capitalemazda.example',
    bodyShopAutoOff: false,
    frenchShare: 0.6,
    spanishShare: 0,
    streetStyle: 'fr',
    areas: [
      { city: 'Québec', postal: ['G1K', 'G1L', 'G1M', 'G1N', 'G1P', 'G1R'], areaCodes: ['418', '581', '367'] },
      { city: 'Lévis', postal: ['G6V', 'G6W', 'G6Z'], areaCodes: ['418', '581'] },
      { city: "L'Ancienne-Lorette", postal: ['G2E'], areaCodes: ['418', '581'] },
    ],
  },
  {
    code: 'GRV',
    name: 'Grand River Volkswagen',
    brand: 'Volkswagen',
    country: 'CA',
    region: 'ON',
    timeZone: 'America/Toronto',
    street: '650 Victoria St N',
    ownerName: 'Anna Schmidt',
    domain: 'grandrivervw.example',
    bodyShopAutoOff: false,
    frenchShare: 0.01,
    spanishShare: 0,
    streetStyle: 'en',
    areas: [
      { city: 'Kitchener', postal: ['N2G', 'N2H', 'N2M', 'N2E', 'N2R'], areaCodes: ['519', '226', '548'] },
      { city: 'Waterloo', postal: ['N2J', 'N2K', 'N2L', 'N2T'], areaCodes: ['519', '226'] },
      { city: 'Cambridge', postal: ['N1R', 'N1S', 'N3C', 'N3H'], areaCodes: ['519', '226'] },
    ],
  },
  {
    code: 'LST',
    name: 'Lone Star Toyota',
    brand: 'Toyota',
    country: 'US',
    region: 'TX',
    timeZone: 'America/Chicago',
    street: '8800 N Central Expy',
    ownerName: 'James Whitaker',
    domain: 'lonestartoyota.example',
    bodyShopAutoOff: true,
    frenchShare: 0,
    spanishShare: 0.15,
    streetStyle: 'en',
    areas: [
      { city: 'Dallas', postal: ['75206', '75214', '75225', '75230', '75243'], areaCodes: ['214', '469', '972'] },
      { city: 'Richardson', postal: ['75080', '75081'], areaCodes: ['972', '469'] },
      { city: 'Garland', postal: ['75040', '75041', '75043'], areaCodes: ['972', '469'] },
      { city: 'Plano', postal: ['75023', '75024', '75075'], areaCodes: ['972', '469'] },
    ],
  },
  {
    code: 'DBK',
    name: 'Dearborn Kia',
    brand: 'Kia',
    country: 'US',
    region: 'MI',
    timeZone: 'America/Detroit',
    street: '22100 Michigan Ave',
    ownerName: 'Nadia Haddad',
    domain: 'dearbornkia.example',
    bodyShopAutoOff: false,
    frenchShare: 0,
    spanishShare: 0.04,
    streetStyle: 'en',
    areas: [
      { city: 'Dearborn', postal: ['48124', '48126', '48128'], areaCodes: ['313'] },
      { city: 'Livonia', postal: ['48150', '48152', '48154'], areaCodes: ['734', '248'] },
      { city: 'Westland', postal: ['48185', '48186'], areaCodes: ['734'] },
      { city: 'Detroit', postal: ['48228', '48235', '48219'], areaCodes: ['313'] },
    ],
  },
];

/**
 * The profile for the n-th demo store (0-based). After the list runs out, the same dealerships
 * come round again as second locations ("Maple Ridge Toyota 2", code MRT2).
 */
export function demoStoreProfile(n: number): DemoStoreProfile {
  const base = DEMO_STORES[n % DEMO_STORES.length];
  if (!base) throw new Error('no demo store profiles');
  const round = Math.floor(n / DEMO_STORES.length);
  if (round === 0) return base;
  const suffix = String(round + 1);
  return { ...base, code: `${base.code}${suffix}`, name: `${base.name} ${suffix}`, domain: `${suffix}.${base.domain}` };
}
