import { createEngine } from './liquid-engine.ts';

/** Which facts of a customer's profile the merge tags of some templates read. */
export interface MergeNeeds {
  vehicles: boolean;
  visits: boolean;
  appointments: boolean;
  salesperson: boolean;
}

const EVERYTHING: MergeNeeds = { vehicles: true, visits: true, appointments: true, salesperson: true };

// Parses leniently (no filter check): only the variables are read.
const engine = createEngine({ escape: false, strictFilters: false });

/**
 * What a batch must load for templates made of `sources` (Liquid): the vehicle (chosen by the
 * appointment or last visit it belongs to, so it needs those too), the last visit (its date and
 * deferred items), the appointment, the salesperson. The customer and store are always there.
 * Anything it cannot tell (a source that does not parse, a variable read through another) asks
 * for everything.
 */
export function mergeNeeds(sources: readonly string[]): MergeNeeds {
  const roots = new Set<string>();
  try {
    for (const source of sources) {
      const analysis = engine.analyzeSync(engine.parse(source), { partials: false });
      for (const uses of Object.values(analysis.globals))
        for (const v of uses) {
          const root = v.segments[0];
          if (typeof root !== 'string') return EVERYTHING;
          roots.add(root);
        }
    }
  } catch {
    return EVERYTHING;
  }
  const vehicle = roots.has('vehicle');
  return {
    vehicles: vehicle,
    visits: vehicle || roots.has('visit') || roots.has('deferred_items'),
    appointments: vehicle || roots.has('appointment'),
    salesperson: roots.has('salesperson'),
  };
}
