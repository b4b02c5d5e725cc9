import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './defaults/index.ts';
import { mergeNeeds } from './merge-needs.ts';

describe('mergeNeeds', () => {
  it('asks for what the merge tags read, and the vehicle’s visit and appointment with it', () => {
    expect(mergeNeeds(['Hi {{ customer.first_name }} at {{ store.name }}'])).toEqual({
      vehicles: false,
      visits: false,
      appointments: false,
      salesperson: false,
    });
    expect(mergeNeeds(['{{ vehicle.make }}'])).toEqual({
      vehicles: true,
      visits: true,
      appointments: true,
      salesperson: false,
    });
    expect(mergeNeeds(['{% for i in deferred_items %}{{ i }}{% endfor %}', '{{ salesperson.name }}'])).toEqual({
      vehicles: false,
      visits: true,
      appointments: false,
      salesperson: true,
    });
    expect(mergeNeeds(['{% assign a = appointment %}{{ a.date }}'])).toMatchObject({ appointments: true });
  });

  it('asks for everything when it cannot tell', () => {
    const all = { vehicles: true, visits: true, appointments: true, salesperson: true };
    expect(mergeNeeds(['{% if %}'])).toEqual(all);
  });

  it('covers every default template', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const needs = mergeNeeds([t.subject, t.body]);
      if (t.body.includes('vehicle.'))
        expect(needs).toMatchObject({ vehicles: true, visits: true, appointments: true });
      if (t.body.includes('appointment.')) expect(needs.appointments).toBe(true);
      if (t.body.includes('deferred_items')) expect(needs.visits).toBe(true);
    }
  });
});
