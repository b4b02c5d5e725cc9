import { sql, type Kysely } from 'kysely';
import { reasonsQuery } from '../consent/eligibility.sql.ts';
import type { BatchChannel, Database, Store } from '../db/schema.ts';
import { compileFilter } from '../segments/filter.sql.ts';

export const BATCH_CHANNELS: readonly BatchChannel[] = ['letter', 'email', 'sms', 'voice'];

export interface CampaignReach {
  channel: BatchChannel;
  /** Customers the saved query matches. */
  matched: number;
  /** Of those, who can be reached on `channel` for the purpose now or once quiet hours end. */
  reachable: number;
  unreachable: number;
  /** Why the unreachable cannot be (one customer may have several reasons). */
  unreachableByReason: Record<string, number>;
  /** For each other channel, how many of the unreachable it could reach: the "Campaign Options". */
  alternatives: { channel: BatchChannel; reachable: number }[];
}

/**
 * Who of a saved query's customers a campaign on `channel` would reach, and how many of the rest
 * each other channel would: the counts behind the Campaign Options pop-up. Quiet hours only
 * defer a message, so they never make a customer unreachable here.
 */
export async function campaignReach(
  db: Kysely<Database>,
  q: { store: Store; filter: unknown; channel: BatchChannel; purpose: 'marketing' | 'service'; at: Date },
): Promise<CampaignReach> {
  const where = compileFilter(q.filter, { storeId: q.store.id, now: q.at, timeZone: q.store.time_zone });
  const reasons = (channel: BatchChannel) => reasonsQuery({ store: q.store, channel, purpose: q.purpose, at: q.at });
  const others = BATCH_CHANNELS.filter((c) => c !== q.channel);
  const alt = others.map(
    (channel, i) => sql`(select count(*)::int from u join (${reasons(channel)}) y on y.id = u.id
      where cardinality(array_remove(y.reasons, 'quiet_hours'::text)) = 0) as ${sql.ref(`alt${i}`)}`,
  );
  const { rows } = await sql<Record<string, unknown>>`
    with a as materialized (select c.id from customers c where ${where}),
    m as materialized (select x.id, array_remove(x.reasons, 'quiet_hours'::text) as r
      from (${reasons(q.channel)}) x join a on a.id = x.id),
    u as materialized (select id, r from m where cardinality(r) > 0)
    select (select count(*)::int from m) as matched, (select count(*)::int from u) as unreachable,
      (select coalesce(jsonb_object_agg(code, n), '{}'::jsonb)
        from (select unnest(r) as code, count(*)::int as n from u group by 1) z) as by_reason,
      ${sql.join(alt)}`.execute(db);
  const row = rows[0] ?? {};
  const matched = Number(row.matched ?? 0);
  const unreachable = Number(row.unreachable ?? 0);
  const byReason = (typeof row.by_reason === 'string' ? JSON.parse(row.by_reason) : row.by_reason) as Record<
    string,
    number
  >;
  return {
    channel: q.channel,
    matched,
    reachable: matched - unreachable,
    unreachable,
    unreachableByReason: byReason ?? {},
    alternatives: others.map((channel, i) => ({ channel, reachable: Number(row[`alt${i}`] ?? 0) })),
  };
}
