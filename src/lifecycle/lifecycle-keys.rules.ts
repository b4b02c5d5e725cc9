import type { LifecycleStep } from './lifecycle.rules.ts';

/**
 * The delivery key of a lifecycle message: customer, step and due date, and not the channel, so
 * a customer whose e-mail address appears between two runs covering the same day still gets one
 * message. A re-run, a resumed run or a catch-up finds the key taken and writes nothing.
 */
export function lifecycleKey(i: { customerId: number; step: LifecycleStep; dueDate: string }): string {
  return `automation:lifecycle:${i.step}:${i.customerId}:${i.dueDate}`;
}

/**
 * What a lifecycle message is about, kept in its source_ref: the appointment (with the time the
 * reminder names, so a reschedule can be noticed before it goes out) or the visit.
 */
export function lifecycleSourceRef(i: {
  appointmentId: number | null;
  scheduledAt: Date | null;
  visitId: number | null;
}): string {
  if (i.appointmentId !== null)
    return `appointment:${i.appointmentId}${i.scheduledAt ? `@${i.scheduledAt.toISOString()}` : ''}`;
  return i.visitId !== null ? `visit:${i.visitId}` : 'lifecycle';
}

/** The appointment a reminder's source_ref names, with the time it was for; null for anything else. */
export function reminderAppointment(sourceRef: string | null): { id: number; scheduledAt: Date } | null {
  const m = /^appointment:(\d+)@(.+)$/.exec(sourceRef ?? '');
  if (!m?.[1] || !m[2]) return null;
  const at = new Date(m[2]);
  return Number.isNaN(at.getTime()) ? null : { id: Number(m[1]), scheduledAt: at };
}

/**
 * Why a queued reminder must not go out any more, or null when it still stands: the appointment
 * was cancelled, completed, missed, moved, or its time has passed.
 */
export function staleReminder(
  wanted: Date,
  appt: { status: string; scheduled_at: Date } | undefined,
  now: Date,
): { reason: string; detail: string } | null {
  if (!appt) return { reason: 'appointment_deleted', detail: 'the appointment no longer exists' };
  if (appt.status === 'cancelled') return { reason: 'appointment_cancelled', detail: 'the appointment was cancelled' };
  if (appt.status === 'completed')
    return { reason: 'appointment_completed', detail: 'the appointment was completed before the reminder went out' };
  if (appt.status === 'no_show') return { reason: 'appointment_missed', detail: 'the appointment was missed' };
  if (appt.scheduled_at.getTime() !== wanted.getTime())
    return {
      reason: 'appointment_rescheduled',
      detail: `the appointment was rescheduled from ${wanted.toISOString()} to ${appt.scheduled_at.toISOString()}`,
    };
  if (appt.scheduled_at <= now) return { reason: 'appointment_passed', detail: 'the appointment time has passed' };
  return null;
}
