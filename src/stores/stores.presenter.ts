import type { Store } from '../db/schema.ts';

export function presentStore(s: Store) {
  const address = [s.address_line1, s.address_line2, s.city, s.region, s.postal_code].filter(Boolean).join(', ');
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    country: s.country,
    timeZone: s.time_zone,
    phone: s.phone,
    email: s.email,
    ownerName: s.owner_name,
    feedbackUrl: s.feedback_url,
    address: address || null,
  };
}
