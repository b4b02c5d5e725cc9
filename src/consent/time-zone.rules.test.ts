import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AREA_CODE_GROUPS, AREA_CODE_PLACES, areaCodeOf } from './area-code-zones.ts';
import { effectiveWindow, STRICTER_REGIONS } from './quiet-hours.rules.ts';
import { describeZone, recipientPlace, REGION_ZONE_TABLE } from './time-zone.rules.ts';

const zoneOf = (country: string | null, region: string | null, phone: string | null, store = 'America/Regina') =>
  recipientPlace({ country, region }, [phone], store).zone;

describe('recipientPlace', () => {
  it('uses the province or state of the mailing address', () => {
    expect(zoneOf('CA', 'bc', null, 'America/Toronto')).toBe('America/Vancouver');
    expect(zoneOf('US', 'FL', null, 'America/Chicago')).toBe('America/New_York');
  });

  it('falls back to the store’s zone when neither address nor phone says anything useful', () => {
    expect(zoneOf(null, 'ON', null)).toBe('America/Regina');
    expect(zoneOf('CA', 'Narnia', null)).toBe('America/Regina');
    expect(recipientPlace({ country: 'CA', region: null }, [null, null, null], 'America/Regina').source).toEqual({
      from: 'store',
    });
  });

  it('takes the zone and region of the area code when the address has no usable region', () => {
    const cases: [phone: string, zone: string, region: string][] = [
      ['+14165550123', 'America/Toronto', 'CA-ON'],
      ['+16045550123', 'America/Vancouver', 'CA-BC'],
      ['+15145550123', 'America/Toronto', 'CA-QC'],
      ['+12125550123', 'America/New_York', 'US-NY'],
      ['+13055550123', 'America/New_York', 'US-FL'],
      ['+13125550123', 'America/Chicago', 'US-IL'],
      ['+19075550123', 'America/Anchorage', 'US-AK'],
      ['+18085550123', 'Pacific/Honolulu', 'US-HI'],
      ['+16025550123', 'America/Phoenix', 'US-AZ'],
      ['+19155550123', 'America/Denver', 'US-TX'],
      ['+18505550123', 'America/Chicago', 'US-FL'],
    ];
    for (const [phone, zone, region] of cases) {
      const p = recipientPlace({ country: 'CA', region: null }, [phone], 'America/Regina');
      expect({ phone, zone: p.zone, region: `${p.country}-${p.region}` }).toEqual({ phone, zone, region });
      expect(p.source).toEqual({ from: 'area_code', areaCode: phone.slice(2, 5) });
    }
  });

  it('applies Florida’s stricter window to a Miami number', () => {
    const p = recipientPlace({ country: 'US', region: ' ' }, ['+13055550123'], 'America/Chicago');
    expect(effectiveWindow(null, p.country, p.region)).toEqual({ start: '08:00', end: '20:00' });
  });

  it('uses the cell, else home, else work phone, and lets a known address region win', () => {
    expect(recipientPlace({ country: 'US', region: null }, [null, '+13125550100', '+12125550100'], 'UTC').zone).toBe(
      'America/Chicago',
    );
    expect(zoneOf('CA', 'BC', '+14165550123')).toBe('America/Vancouver');
    expect(zoneOf('CA', 'Narnia', '+14165550123')).toBe('America/Toronto');
  });

  it('places nothing for toll-free, non-geographic and non-NANP numbers', () => {
    for (const phone of ['+18005550123', '+18885550123', '+19005550123', '+15005550123', '+442079460000']) {
      expect(recipientPlace({ country: null, region: null }, [phone], 'America/Regina').source).toEqual({
        from: 'store',
      });
    }
    expect(areaCodeOf('+442079460000')).toBeNull();
  });

  it('says where the zone came from', () => {
    expect(describeZone('America/Chicago', { from: 'area_code', areaCode: '312' })).toBe(
      "the recipient's time zone America/Chicago from area code 312",
    );
    expect(describeZone('America/Toronto', { from: 'address', region: 'ON' })).toBe(
      "the recipient's time zone America/Toronto from address ON",
    );
    expect(describeZone('America/Regina', { from: 'store' })).toBe("the store's time zone America/Regina");
  });
});

describe('the place tables', () => {
  it('hold geographic NANP codes only, each once, in zones Luxon knows', () => {
    expect(AREA_CODE_PLACES.size).toBeGreaterThan(380);
    for (const [code, place] of AREA_CODE_PLACES) {
      expect(code).toMatch(/^[2-9][0-8][0-9]$/);
      expect(code).not.toMatch(/^(8(00|33|44|55|66|77|88)|[2-9]11|500|600|700|900)$/);
      expect(DateTime.now().setZone(place.zone).isValid, `${code} ${place.zone}`).toBe(true);
      expect(REGION_ZONE_TABLE[`${place.country}-${place.region}`], code).toBeDefined();
    }
    // A code listed twice would silently keep the later entry.
    const listed = AREA_CODE_GROUPS.flatMap(([, , codes]) => codes.split(' '));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('knows the zone of every region with a stricter window, so an address there is usable', () => {
    for (const key of STRICTER_REGIONS) expect(REGION_ZONE_TABLE[key]).toBeDefined();
  });
});
