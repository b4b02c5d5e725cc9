import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Store } from '../db/schema.ts';
import { CASL_IMPLIED_INQUIRY_MONTHS, CASL_IMPLIED_PURCHASE_MONTHS } from './consent.rules.ts';
import type { Channel, Purpose } from './consent.types.ts';
import type { ReasonCode } from './eligibility.rules.ts';
import { AREA_CODE_PLACES } from './area-code-zones.ts';
import { checkSendWindow, dayPartWindow, effectiveWindow, type DayPart } from './quiet-hours.rules.ts';
import { addressPlace, areaCodePlace, REGION_ZONE_TABLE, type RecipientPlace } from './time-zone.rules.ts';

export interface SetQuery {
  store: Store;
  channel: Channel;
  purpose: Purpose;
  at: Date;
  /** Day, late day or all (the default): see `EligibilityInput.dayPart`. */
  dayPart?: DayPart | undefined;
}

const QUIET = new Set<Channel>(['sms', 'voice', 'call']);

/** 'US-FL' → ['US', 'FL']. */
const splitKey = (key: string): [string, string] => {
  const [c = '', r = ''] = key.split('-');
  return [c, r];
};
/** Our own constant codes as an array literal; the regex keeps anything else out of the SQL text. */
const textArray = (xs: readonly string[]) => {
  for (const x of xs) if (!/^[A-Z0-9-]+$/.test(x)) throw new Error(`Unexpected code in a constant list: ${x}`);
  return sql`array[${sql.join(xs.map((x) => sql.lit(x)))}]::text[]`;
};

/** A reason and the SQL condition (never null) under which it applies. */
export interface Check {
  code: ReasonCode;
  cond: RawBuilder<unknown>;
}
const when = (cond: RawBuilder<unknown>, code: ReasonCode): Check => ({ code, cond: sql`coalesce(${cond}, false)` });

interface QuietMap {
  defaultQuiet: boolean;
  quietRegions: string[];
  openRegions: string[];
  /** Area codes whose answer differs from the store's. */
  otherCodes: string[];
}

// Deciding ~500 places with luxon costs milliseconds; the answers only change with the minute, so
// a send-time check per message (a voice port's every drop) reuses them within that minute.
const quietMaps = new Map<string, QuietMap>();
const QUIET_MAPS_KEPT = 64;

/** Which known places are in quiet hours at `at` for the store's window and the day part. */
function quietMap(store: Store, at: Date, dayPart: DayPart): QuietMap {
  const storeWindow = { start: store.send_window_start, end: store.send_window_end };
  const key = [
    Math.floor(at.getTime() / 60_000),
    store.country,
    store.time_zone,
    storeWindow.start,
    storeWindow.end,
    dayPart,
  ].join('|');
  const hit = quietMaps.get(key);
  if (hit) return hit;
  const quietIn = (p: RecipientPlace | undefined) =>
    !checkSendWindow(
      at,
      p?.zone ?? store.time_zone,
      dayPartWindow(effectiveWindow(storeWindow, p?.country ?? null, p?.region ?? null), dayPart),
    ).open;
  const defaultQuiet = quietIn(undefined);
  const regions = Object.keys(REGION_ZONE_TABLE);
  const quietRegions = regions.filter((k) => quietIn(addressPlace(...splitKey(k))));
  const openRegions = regions.filter((k) => !quietRegions.includes(k));
  // A code whose answer is the store's needs no entry: a miss falls through to the store's.
  const otherCodes = [...AREA_CODE_PLACES.keys()].filter((code) => quietIn(areaCodePlace(code)) !== defaultQuiet);
  const map = { defaultQuiet, quietRegions, openRegions, otherCodes };
  if (quietMaps.size >= QUIET_MAPS_KEPT) quietMaps.delete(quietMaps.keys().next().value ?? '');
  quietMaps.set(key, map);
  return map;
}

/**
 * The reasons per customer of one store, as SQL: the set-based twin of `decideEligibility`,
 * without a vehicle. It must give the same reasons as the pure function for every customer;
 * eligibility.sql.test.ts checks that on a generated population. `from` ends in the WHERE clause
 * over `customers c`, so a caller (a batch's selection) may append `and <condition>`.
 */
export function reasonChecks(q: SetQuery, customerIds?: number[]): { checks: Check[]; from: RawBuilder<unknown> } {
  const { store, channel, purpose, at } = q;
  const marketing = purpose === 'marketing';
  const country = store.country;
  const dayPart = q.dayPart ?? 'all';
  // Quiet hours depend only on where the recipient is, so the pure rule decides them here once per
  // known province or state and once per area code (the same code the per-customer path runs), and
  // the query looks the answers up: the address's region first, else the area code of the first
  // phone on file, else the store's zone (`recipientPlace`). The lists are inlined constants, so
  // PostgreSQL hashes each `= any(...)` (no join, no per-row scan of the list).
  const { defaultQuiet, quietRegions, openRegions, otherCodes } = quietMap(store, at, dayPart);
  const regionKeyOf = sql`upper(trim(coalesce(c.country, ${country}))) || '-' || upper(trim(c.region))`;
  const firstPhone = sql`coalesce(c.cell_phone, c.home_phone, c.work_phone)`;
  const areaCode = sql`case when left(${firstPhone}, 2) = '+1' then substring(${firstPhone} from 3 for 3) end`;
  const byAreaCode = otherCodes.length
    ? sql`coalesce(${areaCode} = any(${textArray(otherCodes)}), false) <> ${sql.lit(defaultQuiet)}`
    : sql.lit(defaultQuiet);
  const quiet = QUIET.has(channel)
    ? sql`case
        ${quietRegions.length ? sql`when ${regionKeyOf} = any(${textArray(quietRegions)}) then true` : sql``}
        ${openRegions.length ? sql`when ${regionKeyOf} = any(${textArray(openRegions)}) then false` : sql``}
        else ${byAreaCode} end`
    : sql`false`;
  const dayPartMismatch =
    dayPart === 'day'
      ? sql`c.day_preference = 'late_day'`
      : dayPart === 'late_day'
        ? sql`c.day_preference is distinct from 'late_day'`
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

  let target: Check[];
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
      target = [when(sql`true`, 'no_fax_number')];
      break;
  }

  // Implied consent in Canada lapses; the anchors are kept on the customer by triggers.
  const lastPurchase = sql`c.last_purchase_on`;
  const lastInquiry = sql`c.last_inquiry_on`;
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
    ...(dayPart === 'all' ? [] : [when(dayPartMismatch, 'day_part_mismatch')]),
    ...target,
    when(quiet, 'quiet_hours'),
  ];

  const from = sql`
    from customers c
    left join (
      -- The deciding event per customer in one pass over the ledger (a withdrawal wins a tie),
      -- rather than one index probe per customer.
      select distinct on (e.customer_id) e.customer_id, e.granted, e.basis, e.occurred_at from consent_events e
      where e.store_id = ${store.id} and e.channel = ${channel} and e.purpose = ${purpose} and e.occurred_at <= ${at}::timestamptz
      ${customerIds ? sql`and e.customer_id = any(${customerIds}::bigint[])` : sql``}
      order by e.customer_id, e.occurred_at desc, e.granted asc
    ) ce on ce.customer_id = c.id
    left join reachability_state re on re.store_id = c.store_id and re.address = lower(c.email)
    left join reachability_state rc on rc.store_id = c.store_id and rc.address = c.cell_phone
    left join reachability_state rh on rh.store_id = c.store_id and rh.address = c.home_phone
    left join reachability_state rw on rw.store_id = c.store_id and rw.address = c.work_phone
    where c.store_id = ${store.id} ${customerIds ? sql`and c.id = any(${customerIds}::bigint[])` : sql``}`;
  return { checks: reasons, from };
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

/** The per-customer query: each customer's id and its reasons (empty when allowed). */
export function reasonsQuery(q: SetQuery, customerIds?: number[]) {
  const { checks, from } = reasonChecks(q, customerIds);
  const codes = checks.map((c) => sql`case when ${c.cond} then ${c.code}::text end`);
  return sql<{
    id: number;
    reasons: ReasonCode[];
  }>`select c.id, array_remove(array[${sql.join(codes)}], null) as reasons ${from}`;
}

export interface EligibilityCounts {
  total: number;
  allowed: number;
  /** Customers refused for each reason (one customer can count under several). */
  byReason: Partial<Record<ReasonCode, number>>;
}

/**
 * How many of the store's customers may be contacted, and how many are held back by each reason:
 * one pass with a filtered count per reason, no per-customer arrays.
 */
export async function countEligibility(db: Kysely<Database>, q: SetQuery): Promise<EligibilityCounts> {
  const { query, codes } = countQuery(q);
  const { rows } = await query.execute(db);
  const row = rows[0] ?? {};
  const byReason: Partial<Record<ReasonCode, number>> = {};
  codes.forEach((code, i) => {
    const n = Number(row[`r${i}`] ?? 0);
    if (n > 0) byReason[code] = n;
  });
  return { total: Number(row.total ?? 0), allowed: Number(row.allowed ?? 0), byReason };
}

/** The counting query and the reason code of each `rN` column it returns. */
export function countQuery(q: SetQuery) {
  const { checks, from } = reasonChecks(q);
  const codes = [...new Set(checks.map((c) => c.code))];
  // Each condition is computed once per customer in the inner query (`offset 0` keeps the planner
  // from inlining it and evaluating them again per count).
  const flags = checks.map((c, i) => sql`${c.cond} as ${sql.ref(`b${i}`)}`);
  const flag = (i: number) => sql.ref(`b${i}`);
  const anyFlag = (idx: number[]) => (idx.length ? sql.join(idx.map(flag), sql` or `) : sql`false`);
  const counts = codes.map(
    (code, n) =>
      sql`count(*) filter (where ${anyFlag(checks.flatMap((c, i) => (c.code === code ? [i] : [])))})::int as ${sql.ref(`r${n}`)}`,
  );
  const query = sql<Record<string, number>>`
    select count(*)::int as total, count(*) filter (where not (${anyFlag(checks.map((_, i) => i))}))::int as allowed
    ${counts.length ? sql`, ${sql.join(counts)}` : sql``}
    from (select ${flags.length ? sql.join(flags) : sql`1`} ${from}) as x`;
  return { query, codes };
}
