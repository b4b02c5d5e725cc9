import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SourceCheck, Verdict } from '../delivery/send-check.service.ts';
import { reminderAppointment, staleReminder } from './lifecycle-keys.rules.ts';

/**
 * The 360° module's own checks when a message is about to go out, after eligibility:
 * - a reminder whose appointment was rescheduled, cancelled, completed or has passed is
 *   cancelled (skipped, the reason in its history);
 * - Do Not Mail, set since the message was queued (an unsubscribe from another 360° e-mail),
 *   stops its e-mails as well as its postcards.
 */
export function createLifecycleSendCheck(db: Kysely<Database>): SourceCheck {
  return async (messages, now) => {
    const verdicts = new Map<number, Verdict>();
    const mine = messages.filter((m) => m.source_kind === 'automation' && m.customer_id !== null);
    if (mine.length === 0) return verdicts;
    const reminders = mine.flatMap((m) => {
      const ref = m.step === 'reminder_1' || m.step === 'reminder_2' ? reminderAppointment(m.source_ref) : null;
      return ref ? [{ m, ref }] : [];
    });
    const emailCustomers = [...new Set(mine.filter((m) => m.channel === 'email').map((m) => Number(m.customer_id)))];
    const [appointments, doNotMail] = await Promise.all([
      reminders.length
        ? db
            .selectFrom('appointments')
            .select(['id', 'store_id', 'status', 'scheduled_at'])
            .where(sql<boolean>`id = any(${reminders.map((r) => r.ref.id)}::bigint[])`)
            .execute()
        : Promise.resolve([]),
      emailCustomers.length
        ? db
            .selectFrom('customers')
            .select('id')
            .where(sql<boolean>`id = any(${emailCustomers}::bigint[])`)
            .where('do_not_mail', '=', true)
            .execute()
        : Promise.resolve([]),
    ]);
    const appts = new Map(appointments.map((a) => [a.id, a]));
    for (const { m, ref } of reminders) {
      const a = appts.get(ref.id);
      const stale = staleReminder(ref.scheduledAt, a && a.store_id === m.store_id ? a : undefined, now);
      if (stale)
        verdicts.set(m.id, { kind: 'skip', reason: stale.reason, detail: `Reminder cancelled: ${stale.detail}` });
    }
    const dnm = new Set(doNotMail.map((c) => c.id));
    for (const m of mine)
      if (m.channel === 'email' && dnm.has(Number(m.customer_id)) && !verdicts.has(m.id))
        verdicts.set(m.id, { kind: 'skip', reason: 'do_not_mail', detail: 'Do Not Mail was set after it was queued' });
    return verdicts;
  };
}
