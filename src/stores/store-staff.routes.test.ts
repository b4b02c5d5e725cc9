import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildUser } from '../../test/support/factories.ts';

let t: TestApp;
let agent: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], name: 'Mia Manager' });
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeB.id], name: 'Bob Bravo' });
  await t.db.kysely.updateTable('stores').set({ email: 'service@alpha.test' }).where('id', '=', t.storeA.id).execute();
  agent = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

describe('store staff and senders', () => {
  it('lists the store’s own users and the administrators, not another store’s', async () => {
    const res = await agent.get(`/api/stores/${t.storeA.id}/staff`);
    const names = res.json<{ staff: { name: string }[] }>().staff.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Mia Manager', t.agentA.name, t.admin.name]));
    expect(names).not.toContain('Bob Bravo');
    expect(names).not.toContain(t.agentB.name);
  });
  it('lists what the store sends from', async () => {
    const res = await agent.get(`/api/stores/${t.storeA.id}/senders`);
    expect(res.json()).toEqual({ email: ['service@alpha.test'], sms: [] });
  });
});
