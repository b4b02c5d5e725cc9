import type { ContactOffReason, Department } from '../db/schema.ts';

/** What the body-shop rule looks at for one vehicle. */
export interface BodyShopVehicle {
  contactOff: boolean;
  contactOffReason: ContactOffReason | null;
  /** The departments of the vehicle's service history (repeats allowed, order irrelevant). */
  departments: readonly Department[];
}

export type BodyShopChange = 'turn_off' | 'turn_on' | 'none';

/**
 * The store option "turn off body-shop-only vehicles" (stores.body_shop_auto_off): a vehicle
 * whose only service history is body-shop work is not contacted (the customer came for a
 * collision repair, not to be sold maintenance), and is turned back on once it comes in for
 * work in any other department. A vehicle a user turned off is never touched, and one already
 * off is not turned off again (its reason and date are kept).
 */
export function bodyShopChange(vehicle: BodyShopVehicle, autoOff: boolean): BodyShopChange {
  if (!autoOff || vehicle.contactOffReason === 'user') return 'none';
  const history = vehicle.departments;
  const otherWork = history.some((d) => d !== 'body_shop');
  if (!vehicle.contactOff && history.length > 0 && !otherWork) return 'turn_off';
  if (vehicle.contactOff && vehicle.contactOffReason === 'body_shop' && otherWork) return 'turn_on';
  return 'none';
}
