import type { Insertable, Kysely } from 'kysely';
import type { Database, ReachabilityEventsTable, Store } from '../db/schema.ts';
import type { ReachabilityEvent, ReachabilitySettings } from './reachability.rules.ts';

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

/** The history of each of the given addresses in one store, keyed by address. */
export async function loadReachabilityEvents(
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
    .execute();
  for (const r of rows) {
    const list = byAddress.get(r.address) ?? [];
    list.push({ outcome: r.outcome, source: r.source, line: r.line, occurredAt: r.occurred_at });
    byAddress.set(r.address, list);
  }
  return byAddress;
}

export async function appendReachabilityEvents(
  db: Kysely<Database>,
  events: Insertable<ReachabilityEventsTable>[],
): Promise<void> {
  if (events.length > 0) await db.insertInto('reachability_events').values(events).execute();
}
