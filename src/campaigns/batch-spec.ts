import { sql, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import { reasonsQuery } from '../consent/eligibility.sql.ts';
import { compileFilter } from '../segments/filter.sql.ts';
import { DomainError } from '../shared/errors.ts';
import { audienceCondition, audienceContext } from './audiences.sql.ts';
import { scheduleProblems } from './batch-schedule.rules.ts';
import type { SelectionSpec } from './batch-selection.sql.ts';
import { partsOf, type LoadedSchedule } from './batch-schedules.store.ts';

/**
 * A schedule's selection at `at`: its audience (the contact type's condition and/or its saved
 * query) and its rules, for the run (`runRef` 'run:<id>') or a preview or export (null). Throws
 * 'batch_invalid' with one sentence per problem when the schedule could not run.
 */
export function selectionSpecFor(l: LoadedSchedule, at: Date, runRef: string | null): SelectionSpec {
  const s = l.schedule;
  const problems = scheduleProblems(partsOf(l));
  if (problems.length > 0)
    throw new DomainError('batch_invalid', `Batch "${s.name}" cannot run: ${problems.join(' ')}`, { problems });
  const zone = l.store.time_zone;
  const ctx = audienceContext(at, zone);
  const parts: RawBuilder<unknown>[] = [];
  if (l.contactType && s.kind === 'contact_type') {
    const cond = audienceCondition(l.contactType.key, ctx);
    if (cond) parts.push(cond);
  }
  if (l.savedQuery) parts.push(compileFilter(l.savedQuery.filter, { storeId: l.store.id, now: at, timeZone: zone }));
  return {
    store: l.store,
    at,
    today: ctx.today,
    todayStart: DateTime.fromJSDate(at, { zone }).startOf('day').toJSDate(),
    scheduleId: s.id,
    runRef,
    channel: s.channel,
    purpose: l.template?.template.purpose ?? s.purpose,
    dayPart: s.day_part,
    audience: parts.length > 0 ? sql`(${sql.join(parts, sql` and `)})` : sql`true`,
    language: s.language,
    customerType: s.customer_type,
    contactType: l.contactType?.key ?? null,
    prevention: s.prevention,
    daysBetween: s.days_between,
    limit: s.daily_limit,
  };
}

/**
 * Campaign Options: the same audience, limited to customers the main channel cannot reach (any
 * eligibility reason but quiet hours, which only defer), on the fallback channel and template.
 * They are disjoint from the main selection, which only takes reachable customers. With
 * `customerIds`, only those customers are looked at (a page of an export). Null without a fallback.
 */
export function fallbackSpecFor(l: LoadedSchedule, main: SelectionSpec, customerIds?: number[]): SelectionSpec | null {
  const channel = l.schedule.fallback_channel;
  if (!channel || !l.fallback) return null;
  const mainReasons = reasonsQuery(
    { store: main.store, channel: main.channel, purpose: main.purpose, at: main.at, dayPart: main.dayPart },
    customerIds,
  );
  const unreachable = sql`c.id in (select x.id from (${mainReasons}) x
    where cardinality(array_remove(x.reasons, 'quiet_hours'::text)) > 0)`;
  return {
    ...main,
    channel,
    purpose: l.fallback.template.purpose,
    audience: sql`(${main.audience}) and ${unreachable}`,
    customerIds,
  };
}
