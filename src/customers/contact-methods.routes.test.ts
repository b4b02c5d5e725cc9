import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer } from '../../test/support/factories.ts';
import type { Customer } from '../db/schema.ts';

let t: TestApp;
let agent: Client;
let pat: Customer;
beforeAll(async () => {
  t = await startTestApp();
  agent = await login(t.app, 'agent.a@example.test');
  pat = await buildCustomer(t.db.kysely, t.storeA.id);
});
afterAll(() => t.close());

describe('PATCH /api/customers/:id/contact-methods', () => {
  it('turns a method off, sets the preferred method, shows it on the profile and audits it', async () => {
    const res = await agent.send('PATCH', `/api/customers/${pat.id}/contact-methods`, {
      cellPhoneOn: false,
      preferredContactMethod: 'email',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cellPhoneOn: false, emailOn: true, preferredContactMethod: 'email' });
    const profile = (await agent.get(`/api/customers/${pat.id}`)).json();
    expect(profile.customer.contactMethods).toMatchObject({ cellPhoneOn: false, preferredContactMethod: 'email' });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'customer.contact_methods_changed')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: { cellPhoneOn: true }, after: { cellPhoneOn: false } });
  });

  it('makes eligibility say the method is off', async () => {
    const body = (
      await agent.get(`/api/customers/${pat.id}/eligibility?channel=sms&purpose=service&at=2026-06-15T16:00:00Z`)
    ).json();
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(['method_off']);
  });

  it('refuses unknown fields and empty changes with a message that lists the fields', async () => {
    const unknown = await agent.send('PATCH', `/api/customers/${pat.id}/contact-methods`, { faxOn: true });
    expect(unknown.statusCode).toBe(400);
    const empty = await agent.send('PATCH', `/api/customers/${pat.id}/contact-methods`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/mailOn.*preferredContactMethod/);
  });
});
