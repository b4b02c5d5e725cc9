import { describe, expect, it } from 'vitest';
import { bodyShopChange, type BodyShopVehicle } from './body-shop.rules.ts';

const on = (departments: BodyShopVehicle['departments']): BodyShopVehicle => ({
  contactOff: false,
  contactOffReason: null,
  departments,
});

describe('bodyShopChange', () => {
  it('turns off a vehicle whose only history is body shop', () => {
    expect(bodyShopChange(on(['body_shop']), true)).toBe('turn_off');
    expect(bodyShopChange(on(['body_shop', 'body_shop']), true)).toBe('turn_off');
  });

  it('leaves vehicles with other work, or no history, on', () => {
    expect(bodyShopChange(on(['body_shop', 'service']), true)).toBe('none');
    expect(bodyShopChange(on(['parts']), true)).toBe('none');
    expect(bodyShopChange(on([]), true)).toBe('none');
  });

  it('turns a body-shop-off vehicle back on when it comes in for other work', () => {
    const off: BodyShopVehicle = {
      contactOff: true,
      contactOffReason: 'body_shop',
      departments: ['body_shop', 'service'],
    };
    expect(bodyShopChange(off, true)).toBe('turn_on');
    expect(bodyShopChange({ ...off, departments: ['body_shop'] }, true)).toBe('none');
  });

  it('never touches a vehicle a user turned off', () => {
    expect(bodyShopChange({ contactOff: true, contactOffReason: 'user', departments: ['body_shop'] }, true)).toBe(
      'none',
    );
    expect(
      bodyShopChange({ contactOff: true, contactOffReason: 'user', departments: ['body_shop', 'service'] }, true),
    ).toBe('none');
  });

  it('does nothing when the store option is off', () => {
    expect(bodyShopChange(on(['body_shop']), false)).toBe('none');
    expect(bodyShopChange({ contactOff: true, contactOffReason: 'body_shop', departments: ['service'] }, false)).toBe(
      'none',
    );
  });
});
