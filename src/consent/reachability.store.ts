import type { Insertable, Kysely } from 'kysely';
import type { Database, ReachabilityEventsTable, Store } from '../db/schema.ts';
import {
  summariseEmail,
  summarisePhone,
  type ReachabilityEvent,
  type ReachabilitySettings,
  type ReachabilitySummary,
} from './reachability.rules.ts';

export function settingsOf(store: Store): ReachabilitySettings {
  return {
    voiceImpossibleBlockDays: store.voice_impossible_block_days,
    voiceImpossibleForeverAt: store.voice_impossible_forever_at,
    homeBusyForeverAt: store.home_busy_forever_at,
    campaignImpossibleBlockDays: store.campaign_impossible_block_days,
    campaignImpossibleForeverAfter: store.campaign_impossible_forever_after,
    emailBounceLimit: store.email_bounce_limit,
    emailRedDays: store.email_red_days,
  };
}

async function loadEvents(
  db: Kysely<Database>,
  storeId: number,
  addresses: string[],
): Promise<Map<string, ReachabilityEvent[]>> {
  const byAddress = new Map<string, ReachabilityEvent[]>();
  if (addresses.length === 0) return byAddress;
  const rows = await db
    .selectFrom('reachability_events')
    .select(['address', 'outcome', 'source', 'line', 'occurred_at'])
    .where('store_id', '=', storeId)
    .where('address', 'in', addresses)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byAddress.get(r.address) ?? [];
    list.push({ outcome: r.outcome, source: r.source, line: r.line, occurredAt: r.occurred_at });
    byAddress.set(r.address, list);
  }
  return byAddress;
}

/** The stored summaries of the given addresses in one store; an address with no history is absent. */
export async function loadReachabilityState(
  db: Kysely<Database>,
  storeId: number,
  addresses: string[],
): Promise<Map<string, ReachabilitySummary>> {
  const map = new Map<string, ReachabilitySummary>();
  if (addresses.length === 0) return map;
  const rows = await db
    .selectFrom('reachability_state')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('address', 'in', addresses)
    .execute();
  for (const r of rows) {
    map.set(r.address, {
      blockedForever: r.blocked_forever,
      blockedUntil: r.blocked_until,
      invalid: r.invalid,
      redUntil: r.red_until,
    });
  }
  return map;
}

/**
 * Appends what the network or a user reported and brings the stored summaries of the touched
 * addresses up to date, in the caller's transaction. Call inside `db.transaction()` when the
 * events must land together with other writes.
 */
export async function recordReachability(
  db: Kysely<Database>,
  store: Store,
  events: Omit<Insertable<ReachabilityEventsTable>, 'store_id'>[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('reachability_events')
    .values(events.map((e) => ({ ...e, store_id: store.id })))
    .execute();
  const addresses = [...new Set(events.map((e) => e.address))];
  const history = await loadEvents(db, store.id, addresses);
  const settings = settingsOf(store);
  const rows = addresses.map((address) => {
    const list = history.get(address) ?? [];
    const summary = list.some((e) => e.line === 'email')
      ? summariseEmail(list, settings)
      : summarisePhone(list, settings);
    return {
      store_id: store.id,
      address,
      blocked_forever: summary.blockedForever,
      blocked_until: summary.blockedUntil,
      invalid: summary.invalid,
      red_until: summary.redUntil,
    };
  });
  await db
    .insertInto('reachability_state')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['store_id', 'address']).doUpdateSet((eb) => ({
        blocked_forever: eb.ref('excluded.blocked_forever'),
        blocked_until: eb.ref('excluded.blocked_until'),
        invalid: eb.ref('excluded.invalid'),
        red_until: eb.ref('excluded.red_until'),
        updated_at: new Date(),
      })),
    )
    .execute();
}
