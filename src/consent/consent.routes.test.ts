import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser } from '../../test/support/factories.ts';
import type { Customer } from '../db/schema.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
let pat: Customer;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, {
    role: 'manager',
    storeIds: [t.storeA.id],
    email: 'manager.a@example.test',
    name: 'Mona Manager',
  });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  pat = await buildCustomer(t.db.kysely, t.storeA.id);
});
afterAll(() => t.close());

type State = { channel: string; purpose: string; status: string };
const state = (body: { states: State[] }, channel: string, purpose: string) =>
  body.states.find((s) => s.channel === channel && s.purpose === purpose)?.status;

describe('consent ledger API', () => {
  it('starts unknown on every channel and purpose', async () => {
    const body = (await agent.get(`/api/customers/${pat.id}/consent`)).json();
    expect(body.states).toHaveLength(12);
    expect(new Set(body.states.map((s: State) => s.status))).toEqual(new Set(['unknown']));
    expect(body.history).toEqual([]);
  });

  it('lets a manager record a grant with its basis and wording, and shows who did it', async () => {
    const res = await manager.post(`/api/customers/${pat.id}/consent`, {
      channel: 'sms',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
      source: 'user',
      wording: 'Text me offers (v2 form)',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(state(body, 'sms', 'marketing')).toBe('granted');
    expect(body.history[0]).toMatchObject({
      channel: 'sms',
      granted: true,
      basis: 'express',
      actorName: 'Mona Manager',
      wording: 'Text me offers (v2 form)',
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'consent.granted')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets an agent record a withdrawal but not a grant', async () => {
    const grant = await agent.post(`/api/customers/${pat.id}/consent`, {
      channel: 'email',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
      source: 'user',
    });
    expect(grant.statusCode).toBe(403);
    t.clock.advance(60_000);
    const withdraw = await agent.post(`/api/customers/${pat.id}/consent`, {
      channel: 'sms',
      purpose: 'marketing',
      granted: false,
      source: 'user',
    });
    expect(withdraw.statusCode).toBe(200);
    expect(state(withdraw.json(), 'sms', 'marketing')).toBe('withdrawn');
  });

  it('refuses a change without a source, or a grant without a basis, saying what is allowed', async () => {
    const noSource = await manager.post(`/api/customers/${pat.id}/consent`, {
      channel: 'sms',
      purpose: 'marketing',
      granted: true,
      basis: 'express',
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().error.message).toMatch(/source/);
    const noBasis = await manager.post(`/api/customers/${pat.id}/consent`, {
      channel: 'sms',
      purpose: 'marketing',
      granted: true,
      source: 'user',
    });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().error.message).toMatch(/express, implied_purchase or implied_inquiry/);
    const badChannel = await manager.post(`/api/customers/${pat.id}/consent`, {
      channel: 'pigeon',
      purpose: 'marketing',
      granted: false,
      source: 'user',
    });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.message).toMatch(/email.*sms/);
  });

  it('keeps the ledger append-only', async () => {
    await expect(sql`update consent_events set granted = true`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from consent_events`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });
});
