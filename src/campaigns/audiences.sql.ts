import { sql, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';

/** The as-of moment of a selection, and what it means as calendar days in the store's zone. */
export interface AudienceContext {
  at: Date;
  /** 'YYYY-MM-DD' of `at` in the store's zone. */
  today: string;
  /** The store-local start and end of tomorrow, for appointment confirmations. */
  tomorrowStart: Date;
  tomorrowEnd: Date;
}

export function audienceContext(at: Date, timeZone: string): AudienceContext {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new Error(`Invalid time zone "${timeZone}"`);
  const tomorrow = local.startOf('day').plus({ days: 1 });
  return {
    at,
    today: local.toISODate(),
    tomorrowStart: tomorrow.toJSDate(),
    tomorrowEnd: tomorrow.plus({ days: 1 }).toJSDate(),
  };
}

interface Audience {
  /** What the audience is, for the schedule screen and the docs. */
  description: string;
  condition(ctx: AudienceContext): RawBuilder<unknown>;
}

const daysAgo = (ctx: AudienceContext, n: number) => sql`(${ctx.today}::date - ${sql.lit(n)})`;
const serviceVisit = sql`v.store_id = c.store_id and v.customer_id = c.id and v.department = 'service'`;
const upcomingAppointment = (ctx: AudienceContext) =>
  sql`exists (select 1 from appointments a where a.store_id = c.store_id and a.customer_id = c.id
      and a.status = 'scheduled' and a.scheduled_at >= ${ctx.at}::timestamptz)`;
/** The latest service visit falls in [today - from, today - to] (from ≥ to), and none since. */
const lastServiceBetween = (ctx: AudienceContext, from: number, to: number) =>
  sql`exists (select 1 from visits v where ${serviceVisit}
        and v.visit_date between ${daysAgo(ctx, from)} and ${daysAgo(ctx, to)})
      and not exists (select 1 from visits v where ${serviceVisit} and v.visit_date > ${daysAgo(ctx, to)})`;

/**
 * The customers each built-in contact type is about, as a condition over `customers c` at the
 * selection's as-of time. A batch of that type contacts them (narrowed further by an optional
 * saved query); the recycle and "days between" rules stop the same customer being picked every
 * day while they stay in the audience. A store's own contact types have no built-in audience and
 * need a saved query.
 */
export const AUDIENCES: Readonly<Record<string, Audience>> = {
  maintenance: {
    description: 'Last service visit 6 to 24 months ago, and no appointment booked.',
    condition: (ctx) => sql`(${lastServiceBetween(ctx, 730, 180)} and not ${upcomingAppointment(ctx)})`,
  },
  reminder_1: {
    description: 'Last service visit 5 to 6 months ago, and no appointment booked.',
    condition: (ctx) => sql`(${lastServiceBetween(ctx, 179, 150)} and not ${upcomingAppointment(ctx)})`,
  },
  reminder_2: {
    description: 'Last service visit 6 to 7 months ago, and no appointment booked.',
    condition: (ctx) => sql`(${lastServiceBetween(ctx, 209, 180)} and not ${upcomingAppointment(ctx)})`,
  },
  confirm: {
    description: 'An appointment booked for tomorrow.',
    condition: (ctx) =>
      sql`exists (select 1 from appointments a where a.store_id = c.store_id and a.customer_id = c.id
        and a.status = 'scheduled' and a.scheduled_at >= ${ctx.tomorrowStart}::timestamptz
        and a.scheduled_at < ${ctx.tomorrowEnd}::timestamptz)`,
  },
  no_show: {
    description: 'Missed an appointment in the last 7 days, and has not booked again.',
    condition: (ctx) =>
      sql`(exists (select 1 from appointments a where a.store_id = c.store_id and a.customer_id = c.id
        and a.status = 'no_show' and a.scheduled_at >= ${ctx.at}::timestamptz - interval '7 days'
        and a.scheduled_at < ${ctx.at}::timestamptz) and not ${upcomingAppointment(ctx)})`,
  },
  thank_you: {
    description: 'A service visit yesterday.',
    condition: (ctx) =>
      sql`exists (select 1 from visits v where ${serviceVisit} and v.visit_date = ${daysAgo(ctx, 1)})`,
  },
  deferred: {
    description: 'Declined work on a service visit in the last 60 days, and no visit since.',
    condition: (ctx) =>
      sql`exists (select 1 from visits v where ${serviceVisit} and cardinality(v.deferred_items) > 0
          and v.visit_date >= ${daysAgo(ctx, 60)}
          and not exists (select 1 from visits w where w.store_id = c.store_id and w.customer_id = c.id
            and w.visit_date > v.visit_date))`,
  },
  inactive: {
    description: 'No visit of any kind for 12 months to 3 years.',
    condition: (ctx) =>
      sql`(exists (select 1 from visits v where v.store_id = c.store_id and v.customer_id = c.id
          and v.visit_date between ${daysAgo(ctx, 1095)} and ${daysAgo(ctx, 365)})
        and not exists (select 1 from visits v where v.store_id = c.store_id and v.customer_id = c.id
          and v.visit_date > ${daysAgo(ctx, 365)}))`,
  },
  unsold: {
    description: 'A prospect with sales activity in the last 90 days and no deal.',
    condition: (ctx) =>
      sql`(c.is_prospect and exists (select 1 from sales_activities s where s.store_id = c.store_id
          and s.customer_id = c.id and s.activity_on >= ${daysAgo(ctx, 90)})
        and not exists (select 1 from deals d where d.store_id = c.store_id and d.customer_id = c.id))`,
  },
  sales_schedule: {
    description: 'Bought 3 days, 30 days, 90 days or one year ago (the follow-up calls after a sale).',
    condition: (ctx) =>
      sql`exists (select 1 from deals d where d.store_id = c.store_id and d.customer_id = c.id
        and d.sold_on in (${daysAgo(ctx, 3)}, ${daysAgo(ctx, 30)}, ${daysAgo(ctx, 90)}, ${daysAgo(ctx, 365)}))`,
  },
  general: {
    description: 'Every customer of the store.',
    condition: () => sql`true`,
  },
};

export const hasAudience = (contactTypeKey: string) => Object.hasOwn(AUDIENCES, contactTypeKey);

/** The contact type's audience condition, or null for a type without one. */
export function audienceCondition(contactTypeKey: string, ctx: AudienceContext): RawBuilder<unknown> | null {
  return hasAudience(contactTypeKey) ? (AUDIENCES[contactTypeKey]?.condition(ctx) ?? null) : null;
}
