import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Store } from '../db/schema.ts';
import { CASL_IMPLIED_INQUIRY_MONTHS, CASL_IMPLIED_PURCHASE_MONTHS } from './consent.rules.ts';
import type { Channel, Purpose } from './consent.types.ts';
import type { ReasonCode } from './eligibility.rules.ts';
import { effectiveWindow, minutes, STRICTER_REGIONS } from './quiet-hours.rules.ts';
import { REGION_ZONE_TABLE } from './time-zone.rules.ts';

export interface SetQuery {
  store: Store;
  channel: Channel;
  purpose: Purpose;
  at: Date;
}

const QUIET = new Set<Channel>(['sms', 'voice', 'call']);

/** A reason code when the condition holds. */
const when = (cond: RawBuilder<unknown>, code: ReasonCode) => sql`case when ${cond} then ${code}::text end`;

/**
 * The reasons per customer of one store, as SQL: the set-based twin of `decideEligibility`,
 * without a vehicle. It must give the same reasons as the pure function for every customer;
 * eligibility.sql.test.ts checks that on a generated population.
 */
function reasonsQuery(q: SetQuery, customerIds?: number[]) {
  const { store, channel, purpose, at } = q;
  const marketing = purpose === 'marketing';
  const country = store.country;
  // Per-region windows: the store's window narrowed by the TCPA and by stricter state laws.
  const base = effectiveWindow({ start: store.send_window_start, end: store.send_window_end }, null, null);
  const regional: Record<string, [number, number]> = {};
  for (const key of STRICTER_REGIONS) {
    const [c, r] = key.split('-');
    const w = effectiveWindow({ start: store.send_window_start, end: store.send_window_end }, c ?? null, r ?? null);
    regional[key] = [minutes(w.start), minutes(w.end)];
  }

  const addressKnown = sql`coalesce(c.country, ${country}) <> '' and coalesce(trim(c.region), '') <> ''`;
  const key = sql`(upper(trim(coalesce(c.country, ${country}))) || '-' || upper(trim(c.region)))`;
  const zone = sql`case when ${addressKnown} then coalesce(${JSON.stringify(REGION_ZONE_TABLE)}::jsonb ->> ${key}, ${store.time_zone}) else ${store.time_zone} end`;
  const win = sql`case when ${addressKnown} then ${JSON.stringify(regional)}::jsonb -> ${key} end`;
  const localMinutes = sql`(extract(hour from (${at}::timestamptz at time zone (${zone})))::int * 60 + extract(minute from (${at}::timestamptz at time zone (${zone})))::int)`;
  const startMin = sql`coalesce((${win} ->> 0)::int, ${minutes(base.start)})`;
  const endMin = sql`coalesce((${win} ->> 1)::int, ${minutes(base.end)})`;
  const quiet = QUIET.has(channel)
    ? sql`not (${localMinutes} >= ${startMin} and ${localMinutes} < ${endMin})`
    : sql`false`;

  // Reachability of an address at `at`.
  const blocked = (alias: string) => sql`(${sql.raw(alias)}.invalid or ${sql.raw(alias)}.blocked_forever)`;
  const blockedUntil = (alias: string) =>
    sql`(not ${blocked(alias)} and ${sql.raw(alias)}.blocked_until > ${at}::timestamptz)`;
  const phoneReach = (alias: string) => [
    when(sql`coalesce(${blocked(alias)}, false)`, 'phone_blocked'),
    when(sql`coalesce(${blockedUntil(alias)}, false)`, 'phone_blocked_until'),
  ];
  const usable = (number: string, on: string, alias: string) =>
    sql`(c.${sql.raw(number)} is not null and c.${sql.raw(on)} and not coalesce(${blocked(alias)} or ${blockedUntil(alias)}, false))`;

  let target: RawBuilder<unknown>[];
  switch (channel) {
    case 'email':
      target = [
        when(sql`c.email is null`, 'no_email'),
        when(sql`c.email is not null and not c.email_on`, 'method_off'),
        when(sql`c.email is not null and coalesce(re.invalid, false)`, 'email_invalid'),
      ];
      break;
    case 'sms':
      target = [
        when(sql`c.cell_phone is null`, 'no_valid_cell'),
        when(sql`c.cell_phone is not null and not c.cell_phone_on`, 'method_off'),
        ...phoneReach('rc'),
      ];
      break;
    case 'voice':
      target = [
        when(sql`c.cell_phone is null and c.home_phone is null`, 'no_phone'),
        when(
          sql`case when c.cell_phone is not null then not c.cell_phone_on when c.home_phone is not null then not c.home_phone_on else false end`,
          'method_off',
        ),
        when(
          sql`case when c.cell_phone is not null then coalesce(${blocked('rc')}, false) else coalesce(${blocked('rh')}, false) end`,
          'phone_blocked',
        ),
        when(
          sql`case when c.cell_phone is not null then coalesce(${blockedUntil('rc')}, false) else coalesce(${blockedUntil('rh')}, false) end`,
          'phone_blocked_until',
        ),
      ];
      break;
    case 'call': {
      const any = sql`(${usable('cell_phone', 'cell_phone_on', 'rc')} or ${usable('home_phone', 'home_phone_on', 'rh')} or ${usable('work_phone', 'work_phone_on', 'rw')})`;
      const none = sql`(c.cell_phone is null and c.home_phone is null and c.work_phone is null)`;
      target = [when(none, 'no_phone'), when(sql`not ${none} and not ${any}`, 'method_off')];
      break;
    }
    case 'letter':
      target = [
        when(
          sql`not (coalesce(c.address_line1, '') <> '' and (coalesce(c.city, '') <> '' or coalesce(c.postal_code, '') <> ''))`,
          'no_address',
        ),
        when(sql`not c.mail_on`, 'method_off'),
        when(sql`c.do_not_mail`, 'do_not_mail'),
      ];
      break;
    case 'fax':
      target = [sql`'no_fax_number'::text`];
      break;
  }

  // Implied consent in Canada lapses; the anchors are only looked up where they matter.
  const lastPurchase = sql`greatest(
      (select max(d.sold_on) from deals d where d.customer_id = c.id),
      (select max(v.visit_date) from visits v where v.customer_id = c.id))`;
  const lastInquiry = sql`(select max(a.activity_on) from sales_activities a where a.customer_id = c.id and a.kind = 'inquiry')`;
  const utc = (d: RawBuilder<unknown>) => sql`(${d})::timestamp at time zone 'UTC'`;
  const expiresAt = sql`case ce.basis
      when 'implied_purchase' then (greatest(ce.occurred_at, ${utc(lastPurchase)}) at time zone 'UTC' + interval '${sql.raw(String(CASL_IMPLIED_PURCHASE_MONTHS))} months') at time zone 'UTC'
      when 'implied_inquiry' then (greatest(ce.occurred_at, ${utc(lastInquiry)}) at time zone 'UTC' + interval '${sql.raw(String(CASL_IMPLIED_INQUIRY_MONTHS))} months') at time zone 'UTC'
    end`;
  const expired =
    country === 'CA' ? sql`(ce.granted and ce.basis <> 'express' and ${expiresAt} <= ${at}::timestamptz)` : sql`false`;

  const reasons = [
    when(sql`ce.granted = false`, 'consent_withdrawn'),
    ...(marketing
      ? [when(sql`ce.granted is null`, 'no_marketing_consent'), when(expired, 'casl_consent_expired')]
      : []),
    ...(marketing && channel === 'email' ? [when(sql`c.casl_opt_out`, 'casl_opt_out')] : []),
    ...target,
    when(quiet, 'quiet_hours'),
  ];

  return sql<{ id: number; reasons: ReasonCode[] }>`
    select c.id, array_remove(array[${sql.join(reasons)}], null) as reasons
    from customers c
    left join lateral (
      select e.granted, e.basis, e.occurred_at from consent_events e
      where e.customer_id = c.id and e.channel = ${channel} and e.purpose = ${purpose} and e.occurred_at <= ${at}::timestamptz
      order by e.occurred_at desc, e.granted asc
      limit 1
    ) ce on true
    left join reachability_state re on re.store_id = c.store_id and re.address = lower(c.email)
    left join reachability_state rc on rc.store_id = c.store_id and rc.address = c.cell_phone
    left join reachability_state rh on rh.store_id = c.store_id and rh.address = c.home_phone
    left join reachability_state rw on rw.store_id = c.store_id and rw.address = c.work_phone
    where c.store_id = ${store.id} ${customerIds ? sql`and c.id = any(${customerIds}::bigint[])` : sql``}`;
}

/** The reasons for each customer of the store (all of them, or the ids given). */
export async function eligibilityByCustomer(
  db: Kysely<Database>,
  q: SetQuery,
  customerIds?: number[],
): Promise<Map<number, ReasonCode[]>> {
  const { rows } = await reasonsQuery(q, customerIds).execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.reasons]));
}

export interface EligibilityCounts {
  total: number;
  allowed: number;
  /** Customers refused for each reason (one customer can count under several). */
  byReason: Partial<Record<ReasonCode, number>>;
}

/** How many of the store's customers may be contacted, and how many are held back by each reason. */
export async function countEligibility(db: Kysely<Database>, q: SetQuery): Promise<EligibilityCounts> {
  const { rows } = await sql<{ reason: ReasonCode | null; n: number; total: number; allowed: number }>`
    with r as (${reasonsQuery(q)})
    select x.reason, count(*)::int as n,
           (select count(*) from r)::int as total,
           (select count(*) from r where cardinality(r.reasons) = 0)::int as allowed
    from r cross join lateral unnest(r.reasons) as x(reason)
    group by x.reason`.execute(db);
  const byReason: Partial<Record<ReasonCode, number>> = {};
  let total = 0;
  let allowed = 0;
  for (const row of rows) {
    if (row.reason) byReason[row.reason] = Number(row.n);
    total = Number(row.total);
    allowed = Number(row.allowed);
  }
  if (rows.length === 0) {
    const t = await sql<{ n: number }>`select count(*)::int as n from customers where store_id = ${q.store.id}`.execute(
      db,
    );
    total = allowed = Number(t.rows[0]?.n ?? 0);
  }
  return { total, allowed, byReason };
}
