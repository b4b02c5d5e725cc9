import { describe, expect, it } from 'vitest';
import { lifecycleKey, lifecycleSourceRef, reminderAppointment, staleReminder } from './lifecycle-keys.rules.ts';

const AT = new Date('2026-06-22T13:30:00.000Z');
const NOW = new Date('2026-06-15T14:00:00.000Z');

describe('lifecycle keys', () => {
  it('key a message by step, customer and due date, whatever the channel', () => {
    expect(lifecycleKey({ customerId: 7, step: 'thank_you', dueDate: '2026-06-15' })).toBe(
      'automation:lifecycle:thank_you:7:2026-06-15',
    );
  });

  it('remember the appointment and its time a reminder names, and read them back', () => {
    const ref = lifecycleSourceRef({ appointmentId: 42, scheduledAt: AT, visitId: null });
    expect(ref).toBe('appointment:42@2026-06-22T13:30:00.000Z');
    expect(reminderAppointment(ref)).toEqual({ id: 42, scheduledAt: AT });
    expect(lifecycleSourceRef({ appointmentId: null, scheduledAt: null, visitId: 9 })).toBe('visit:9');
    expect(reminderAppointment('visit:9')).toBeNull();
    expect(reminderAppointment('appointment:42@not-a-time')).toBeNull();
  });
});

describe('a queued reminder', () => {
  it('stands while its appointment is scheduled at the same, future time', () => {
    expect(staleReminder(AT, { status: 'scheduled', scheduled_at: AT }, NOW)).toBeNull();
  });

  it('is cancelled, with the reason, when the appointment moved, ended, went or passed', () => {
    const later = new Date('2026-06-24T13:30:00.000Z');
    expect(staleReminder(AT, { status: 'scheduled', scheduled_at: later }, NOW)?.reason).toBe(
      'appointment_rescheduled',
    );
    expect(staleReminder(AT, { status: 'cancelled', scheduled_at: AT }, NOW)?.reason).toBe('appointment_cancelled');
    expect(staleReminder(AT, { status: 'completed', scheduled_at: AT }, NOW)?.reason).toBe('appointment_completed');
    expect(staleReminder(AT, { status: 'no_show', scheduled_at: AT }, NOW)?.reason).toBe('appointment_missed');
    expect(staleReminder(AT, undefined, NOW)?.reason).toBe('appointment_deleted');
    expect(staleReminder(AT, { status: 'scheduled', scheduled_at: AT }, new Date('2026-06-22T14:00:00Z'))?.reason).toBe(
      'appointment_passed',
    );
  });
});
