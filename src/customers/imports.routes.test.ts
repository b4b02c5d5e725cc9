import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildUser } from '../../test/support/factories.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

const CSV = [
  'Cust #,First Name,Last Name,Cell,E-mail',
  '5001,Jean,Côté,416 555 0101,jean@example.ca',
  ',No,Number,,',
  '5002,Ann,Lee,12,ann@example.ca',
  '',
].join('\r\n');
const upload = (c: Client, body: string, kind = 'customers') =>
  c.post(`/api/stores/${t.storeA.id}/imports/${kind}`, body, { 'content-type': 'text/csv' });

describe('POST /api/stores/:storeId/imports/:kind', () => {
  it('imports an uploaded file, keeps good rows and reports bad ones with their line', async () => {
    const res = await upload(manager, CSV);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/dms_customer_number/) }]);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 4, field: 'cell_phone' })]);
    const jean = await t.db.kysely
      .selectFrom('customers')
      .selectAll()
      .where('dms_customer_number', '=', '5001')
      .executeTakeFirstOrThrow();
    expect(jean).toMatchObject({ last_name: 'Côté', cell_phone: '+14165550101', store_id: t.storeA.id });
  });

  it('changes nothing when the same file comes again', async () => {
    expect((await upload(manager, CSV)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('is for managers and admins only', async () => {
    expect((await upload(agent, CSV)).statusCode).toBe(403);
  });

  it('names the allowed kinds for an unknown one and refuses a JSON body', async () => {
    const res = await upload(manager, CSV, 'cars');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/customers.*vehicles/);
    const json = await manager.post(`/api/stores/${t.storeA.id}/imports/customers`, { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toMatch(/text\/csv/);
  });

  it('refuses a file without the key column, listing the columns it found', async () => {
    const res = await upload(manager, 'First Name,Last Name\nA,B\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/First Name/);
  });
});
