import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser, buildVehicle } from '../../test/support/factories.ts';
import type { Customer } from '../db/schema.ts';
import { recordReachability } from './reachability.store.ts';

let t: TestApp;
let manager: Client;
let pat: Customer;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  pat = await buildCustomer(t.db.kysely, t.storeA.id, {
    country: 'CA',
    region: 'BC',
    address_line1: '1 Main St',
    city: 'Burnaby',
  });
});
afterAll(() => t.close());

const url = (q: string) => `/api/customers/${pat.id}/eligibility?${q}`;

describe('GET /api/customers/:id/eligibility', () => {
  it('refuses marketing without consent and explains why', async () => {
    const res = await manager.get(url('channel=sms&purpose=marketing&at=2026-06-15T19:00:00Z'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      allowed: false,
      reasons: [{ code: 'no_marketing_consent' }],
      zone: 'America/Vancouver',
    });
  });

  it('allows it once consent is recorded, inside the recipient’s window', async () => {
    await manager.post(`/api/customers/${pat.id}/consent`, {
      channel: 'sms',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
      source: 'user',
    });
    expect((await manager.get(url('channel=sms&purpose=marketing&at=2026-06-15T19:00:00Z'))).json()).toMatchObject({
      allowed: true,
      target: pat.cell_phone,
    });
  });

  it('defers a text that would arrive at 6 a.m. in Vancouver to 8 a.m. there', async () => {
    const body = (await manager.get(url('channel=sms&purpose=marketing&at=2026-06-16T13:00:00Z'))).json();
    expect(body).toMatchObject({
      allowed: false,
      reasons: [{ code: 'quiet_hours' }],
      deferUntil: '2026-06-16T15:00:00.000Z',
      deferUntilLocal: '2026-06-16 08:00',
    });
  });

  it('does not market about a vehicle turned off for body shop', async () => {
    const v = await buildVehicle(t.db.kysely, pat, { contact_off: true, contact_off_reason: 'body_shop' });
    const body = (
      await manager.get(url(`channel=sms&purpose=marketing&at=2026-06-15T19:00:00Z&vehicleId=${v.id}`))
    ).json();
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(['vehicle_off']);
  });

  it('selects by Day / Late Day and defers a late-day text to 17:00', async () => {
    // 10:00 in Vancouver; the customer has no preference.
    const at = 'at=2026-06-15T17:00:00Z';
    const day = (await manager.get(url(`channel=sms&purpose=marketing&${at}&dayPart=day`))).json();
    expect(day).toMatchObject({ allowed: true });
    const late = (await manager.get(url(`channel=sms&purpose=marketing&${at}&dayPart=late_day`))).json();
    expect(late.reasons).toEqual([
      { code: 'day_part_mismatch', detail: 'has no late-day preference (from 17:00)' },
      { code: 'quiet_hours', detail: expect.stringMatching(/^outside 17:00–21:00 \(the late-day window\)/) },
    ]);
    const owl = await buildCustomer(t.db.kysely, t.storeA.id, {
      country: 'CA',
      region: 'BC',
      day_preference: 'late_day',
    });
    await manager.post(`/api/customers/${owl.id}/consent`, {
      channel: 'sms',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
      source: 'user',
    });
    const deferred = (
      await manager.get(`/api/customers/${owl.id}/eligibility?channel=sms&purpose=marketing&${at}&dayPart=late_day`)
    ).json();
    expect(deferred).toMatchObject({
      allowed: false,
      reasons: [{ code: 'quiet_hours' }],
      deferUntil: '2026-06-16T00:00:00.000Z',
      deferUntilLocal: '2026-06-15 17:00',
    });
  });

  it('takes the zone from the area code when the address names no province, and says so', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, {
      country: 'US',
      region: null,
      cell_phone: '+13125550142',
    });
    // 22:30 in Chicago, 23:30 in the store's Toronto.
    const body = (
      await manager.get(`/api/customers/${c.id}/eligibility?channel=sms&purpose=service&at=2026-06-16T03:30:00Z`)
    ).json();
    expect(body).toMatchObject({
      zone: 'America/Chicago',
      reasons: [
        {
          code: 'quiet_hours',
          detail: "outside 08:00–21:00 in the recipient's time zone America/Chicago from area code 312",
        },
      ],
      deferUntilLocal: '2026-06-16 08:00',
    });
  });

  it('names the allowed values for an unknown day part', async () => {
    const res = await manager.get(url('channel=sms&purpose=marketing&dayPart=evening'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/dayPart.*"all"\|"day"\|"late_day"/s);
  });

  it('names the allowed values for an unknown channel or purpose', async () => {
    const res = await manager.get(url('channel=pigeon&purpose=gossip'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/"email"\|"sms".*"marketing"\|"service"/s);
  });
});

describe('GET /api/customers/:id/contactability', () => {
  it('decides every channel and purpose at once', async () => {
    const body = (await manager.get(`/api/customers/${pat.id}/contactability`)).json();
    expect(body.decisions).toHaveLength(12);
    const fax = body.decisions.find(
      (d: { channel: string; purpose: string }) => d.channel === 'fax' && d.purpose === 'service',
    );
    expect(fax).toMatchObject({ allowed: false, reasons: [{ code: 'no_fax_number' }] });
  });
});

describe('reachability in eligibility', () => {
  it('blocks a cell after impossible voice drops and marks a bouncing e-mail red and invalid', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { home_phone: null });
    const ev = (address: string, line: 'cell_phone' | 'email', outcome: 'impossible' | 'bounce', day: number) => ({
      address,
      line,
      outcome,
      source: line === 'email' ? ('email' as const) : ('voice_batch' as const),
      occurred_at: new Date(Date.UTC(2026, 5, day)),
    });
    const cell = c.cell_phone ?? '';
    const email = c.email ?? '';
    await recordReachability(t.db.kysely, t.storeA, [
      ev(cell, 'cell_phone', 'impossible', 10),
      ev(email, 'email', 'bounce', 1),
      ev(email, 'email', 'bounce', 2),
      ev(email, 'email', 'bounce', 3),
    ]);
    const voice = (
      await manager.get(`/api/customers/${c.id}/eligibility?channel=voice&purpose=service&at=2026-06-15T16:00:00Z`)
    ).json();
    expect(voice.reasons.map((r: { code: string }) => r.code)).toEqual(['phone_blocked_until']);
    const byEmail = (
      await manager.get(`/api/customers/${c.id}/eligibility?channel=email&purpose=service&at=2026-06-15T16:00:00Z`)
    ).json();
    expect(byEmail.reasons.map((r: { code: string }) => r.code)).toEqual(['email_invalid']);
    expect((await manager.get(`/api/customers/${c.id}/contactability`)).json().emailRed).toBe(true);
  });
});

describe('verifying contact information', () => {
  it('makes an e-mail that reached the bounce limit usable again', async () => {
    const c = await buildCustomer(t.db.kysely, t.storeA.id);
    const bounce = (day: number) => ({
      address: c.email ?? '',
      line: 'email' as const,
      outcome: 'bounce' as const,
      source: 'email' as const,
      occurred_at: new Date(Date.UTC(2026, 5, day)),
    });
    await recordReachability(t.db.kysely, t.storeA, [bounce(1), bounce(2), bounce(3)]);
    const q = `/api/customers/${c.id}/eligibility?channel=email&purpose=service`;
    expect((await manager.get(q)).json().reasons.map((r: { code: string }) => r.code)).toEqual(['email_invalid']);
    expect((await manager.post(`/api/customers/${c.id}/verify`)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await manager.get(q)).json()).toMatchObject({ allowed: true });
  });
});
