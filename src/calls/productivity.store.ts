import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../db/schema.ts';

export interface ProductivityRow {
  userId: number;
  agentName: string;
  /** Store-local day. */
  day: string;
  callsLogged: number;
  productive: number;
  appointmentsBooked: number;
  textsAnswered: number;
  /** Median minutes from a customer's text to the agent's reply; null without replies. */
  medianResponseMinutes: number | null;
}

/**
 * Per agent and store-local day: calls logged, productive contacts (per the recycle code),
 * appointments booked from calls, inbox texts answered and the median response time (from the
 * customer's text to the reply that answered it, as recorded on the reply).
 */
export async function productivity(
  db: Kysely<Database>,
  store: { id: number; time_zone: string },
  from: string,
  to: string,
): Promise<ProductivityRow[]> {
  const lo = DateTime.fromISO(from, { zone: store.time_zone }).startOf('day').toJSDate();
  const hi = DateTime.fromISO(to, { zone: store.time_zone }).plus({ days: 1 }).startOf('day').toJSDate();
  const zone = sql.lit(store.time_zone);
  const { rows } = await sql<{
    user_id: number;
    name: string;
    day: string;
    calls: number | null;
    productive: number | null;
    appointments: number | null;
    answered: number | null;
    median_s: number | null;
  }>`
    with calls as (
      select agent_user_id as user_id, (created_at at time zone ${zone})::date as day, count(*)::int as calls,
        count(*) filter (where productive)::int as productive,
        count(*) filter (where appointment_id is not null)::int as appointments
      from call_results
      where store_id = ${store.id} and created_at >= ${lo} and created_at < ${hi}
      group by 1, 2
    ), texts as (
      select o.user_id, (o.created_at at time zone ${zone})::date as day, count(*)::int as answered,
        percentile_cont(0.5) within group (order by extract(epoch from o.created_at - i.received_at)) as median_s
      from outbox_messages o
      join inbound_messages i on i.store_id = o.store_id
        and i.id = nullif(split_part(o.source_ref, ':', 2), '')::bigint
      where o.store_id = ${store.id} and o.channel = 'sms' and o.source_kind = 'manual'
        and o.source_ref like 'inbox:%' and o.user_id is not null
        and o.created_at >= ${lo} and o.created_at < ${hi}
      group by 1, 2
    )
    select coalesce(c.user_id, t.user_id) as user_id, u.name, coalesce(c.day, t.day)::text as day,
      c.calls, c.productive, c.appointments, t.answered, t.median_s
    from calls c full join texts t on t.user_id = c.user_id and t.day = c.day
    join users u on u.id = coalesce(c.user_id, t.user_id)
    order by 3, 2`.execute(db);
  return rows.map((r) => ({
    userId: Number(r.user_id),
    agentName: r.name,
    day: r.day,
    callsLogged: r.calls ?? 0,
    productive: r.productive ?? 0,
    appointmentsBooked: r.appointments ?? 0,
    textsAnswered: r.answered ?? 0,
    medianResponseMinutes: r.median_s === null ? null : Math.round((Number(r.median_s) / 60) * 10) / 10,
  }));
}
