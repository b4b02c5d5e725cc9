import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REACHABILITY as S,
  isRedAt,
  reachabilityAt,
  summariseEmail,
  summarisePhone,
  type ReachabilityEvent,
  type ReachabilitySettings,
} from './reachability.rules.ts';

const derivePhoneReachability = (e: ReachabilityEvent[], s: ReachabilitySettings, now: Date) =>
  reachabilityAt(summarisePhone(e, s), now);
const deriveEmailReachability = (e: ReachabilityEvent[], s: ReachabilitySettings, now: Date) => {
  const summary = summariseEmail(e, s);
  return { state: reachabilityAt(summary, now), red: isRedAt(summary, now) };
};

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const ev = (n: number, over: Partial<ReachabilityEvent>): ReachabilityEvent => ({
  outcome: 'impossible',
  source: 'voice_batch',
  line: 'cell_phone',
  occurredAt: day(n),
  ...over,
});

describe('phone reachability', () => {
  it('blocks a cell for 14 days after an impossible voice drop', () => {
    const events = [ev(0, {})];
    expect(derivePhoneReachability(events, S, day(13))).toEqual({ status: 'blocked_until', until: day(14) });
    expect(derivePhoneReachability(events, S, day(14))).toEqual({ status: 'ok' });
  });

  it('makes a number an agent confirmed as wrong invalid until someone verifies it', () => {
    const wrong = ev(0, { outcome: 'wrong_number', source: 'call' });
    expect(derivePhoneReachability([wrong], S, day(900))).toEqual({ status: 'invalid' });
    expect(derivePhoneReachability([wrong, ev(5, { outcome: 'verified', source: 'user' })], S, day(6))).toEqual({
      status: 'ok',
    });
  });

  it('blocks it forever the third time', () => {
    expect(derivePhoneReachability([ev(0, {}), ev(20, {})], S, day(40)).status).toBe('ok');
    expect(derivePhoneReachability([ev(0, {}), ev(20, {}), ev(40, {})], S, day(400))).toEqual({ status: 'blocked' });
  });

  it('blocks a home phone forever after 3 consecutive busy or unavailable results, not after interrupted ones', () => {
    const home = (n: number, outcome: ReachabilityEvent['outcome']) => ev(n, { line: 'home_phone', outcome });
    expect(derivePhoneReachability([home(0, 'busy'), home(1, 'unavailable'), home(2, 'busy')], S, day(3))).toEqual({
      status: 'blocked',
    });
    expect(
      derivePhoneReachability([home(0, 'busy'), home(1, 'busy'), home(2, 'delivered'), home(3, 'busy')], S, day(4))
        .status,
    ).toBe('ok');
    expect(
      derivePhoneReachability(
        [ev(0, { outcome: 'busy' }), ev(1, { outcome: 'busy' }), ev(2, { outcome: 'busy' })],
        S,
        day(3),
      ).status,
    ).toBe('ok');
  });

  it('rests a campaign number 2 weeks per impossible and gives up after more than 5 in a row', () => {
    const c = (n: number) => ev(n * 15, { source: 'voice_campaign' });
    expect(derivePhoneReachability([c(0), c(1), c(2), c(3), c(4)], S, day(61)).status).toBe('blocked_until');
    expect(derivePhoneReachability([c(0), c(1), c(2), c(3), c(4)], S, day(75)).status).toBe('ok');
    expect(derivePhoneReachability([c(0), c(1), c(2), c(3), c(4), c(5)], S, day(500))).toEqual({ status: 'blocked' });
  });

  it('is cleared by a user verifying the number', () => {
    expect(
      derivePhoneReachability(
        [ev(0, {}), ev(20, {}), ev(40, {}), ev(41, { outcome: 'verified', source: 'user' })],
        S,
        day(42),
      ).status,
    ).toBe('ok');
  });
});

describe('e-mail reachability', () => {
  const bounce = (n: number) => ev(n, { outcome: 'bounce', source: 'email', line: 'email' });
  it('becomes invalid at the store’s bounce limit and shows red for 90 days', () => {
    expect(deriveEmailReachability([bounce(0), bounce(1)], S, day(2))).toEqual({
      state: { status: 'ok' },
      red: true,
    });
    expect(deriveEmailReachability([bounce(0), bounce(1), bounce(2)], S, day(3)).state).toEqual({ status: 'invalid' });
    expect(deriveEmailReachability([bounce(0)], { ...S, emailBounceLimit: 1 }, day(1)).state).toEqual({
      status: 'invalid',
    });
    expect(deriveEmailReachability([bounce(0)], S, day(91)).red).toBe(false);
  });
  it('is suppressed at once by a complaint, and restored by verification', () => {
    const complaint = ev(0, { outcome: 'complaint', source: 'email', line: 'email' });
    expect(deriveEmailReachability([complaint], S, day(1)).state).toEqual({ status: 'invalid' });
    const verified = ev(5, { outcome: 'verified', source: 'user', line: 'email' });
    expect(deriveEmailReachability([complaint, bounce(1), verified], S, day(6))).toEqual({
      state: { status: 'ok' },
      red: false,
    });
  });
});
