import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser } from '../../test/support/factories.ts';
import { FTP_PASSWORD, startFtp, type TestFtp } from '../../test/support/ftp-server.ts';

let t: TestApp;
let ftp: TestFtp;
let admin: Client;
let manager: Client;
let agent: Client;

beforeAll(async () => {
  t = await startTestApp();
  ftp = await startFtp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  admin = await login(t.app, 'admin@example.test');
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  await buildCustomer(t.db.kysely, t.storeA.id, { first_name: 'Exported', last_name: 'Person' });
});
afterAll(async () => {
  await ftp.close();
  await t.close();
});

const url = (kind = 'customerlink', storeId = t.storeA.id) => `/api/stores/${storeId}/export-targets/${kind}`;
const connection = () => ({ accountNumber: 'CL-7', host: '127.0.0.1', port: ftp.port, user: 'dealer' });

describe('partner export targets', () => {
  it('lists the three partners, off, with what they need', async () => {
    const res = await manager.get(`/api/stores/${t.storeA.id}/export-targets`);
    expect(res.statusCode).toBe(200);
    const targets = res.json<{ targets: { kind: string; enabled: boolean; problems: string[]; settings: object }[] }>()
      .targets;
    expect(targets.map((x) => x.kind)).toEqual(['customerlink', 'mechanicnet', 'carfax']);
    expect(targets[0]).toMatchObject({ enabled: false, settings: { protocol: 'ftp', passive: true, directory: '' } });
    expect(targets[0]?.problems).toContain('Enter the account number CustomerLink supplied.');
    expect((await agent.get(`/api/stores/${t.storeA.id}/export-targets`)).statusCode).toBe(403);
  });

  it('keeps the password sealed and write-only', async () => {
    const res = await manager.send('PUT', url(), { settings: connection(), password: FTP_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(FTP_PASSWORD);
    expect(res.json()).toMatchObject({ passwordSet: true, enabled: false, problems: [] });
    const row = await t.db.kysely
      .selectFrom('export_targets')
      .selectAll()
      .where('store_id', '=', t.storeA.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(FTP_PASSWORD);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', 'like', 'export.%')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(FTP_PASSWORD);
  });

  it('switching on needs the confirmation, which is stored with who gave it and audited', async () => {
    const refused = await manager.send('PUT', url(), { enabled: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'export_confirmation_required',
      message: expect.stringMatching(/Confirm that data will be sent to CustomerLink at your request/),
    });
    const on = await manager.send('PUT', url(), { enabled: true, confirm: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, consent: { at: expect.any(String) } });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'export.enabled')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ kind: 'customerlink', consentText: expect.stringMatching(/at my request/) });
  });

  it('CARFAX shows its terms; switching on without all connection fields names what is missing', async () => {
    const list = await manager.get(`/api/stores/${t.storeA.id}/export-targets`);
    const carfax = list
      .json<{ targets: { kind: string; consentText: string }[] }>()
      .targets.find((x) => x.kind === 'carfax');
    expect(carfax?.consentText).toMatch(/will not be transferred/);
    const res = await manager.send('PUT', url('carfax'), { enabled: true, confirm: true });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(
      /Enter the server address.*Enter the user name.*Enter the password/,
    );
    expect((await manager.send('PUT', url('carfax'), { settings: { port: 70000 } })).statusCode).toBe(400);
    // Each missing field named once; a cleared port falls back to the protocol's.
    const once = await manager.send('PUT', url('carfax'), {
      enabled: true,
      confirm: true,
      settings: { host: 'ftp.carfax.test' },
    });
    expect(once.json<{ error: { message: string } }>().error.message.match(/user name/g)).toHaveLength(1);
    await manager.send('PUT', url('carfax'), { settings: { protocol: 'sftp', port: 2222 } });
    const cleared = await manager.send('PUT', url('carfax'), { settings: { port: null } });
    expect(cleared.json<{ settings: { port?: number | null } }>().settings.port ?? null).toBeNull();
  });

  it('only an administrator may allow a private or loopback host; then a run uploads and is listed', async () => {
    const denied = await manager.send('PUT', url(), { allowPrivateHost: true });
    expect(denied.statusCode).toBe(403);
    const refusedRun = await manager.post(`${url()}/run`, {});
    expect(refusedRun.json()).toMatchObject({ status: 'failed', errorCode: 'host_refused' });
    expect((await admin.send('PUT', url(), { allowPrivateHost: true })).statusCode).toBe(200);
    const run = await manager.post(`${url()}/run`, {});
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({
      status: 'uploaded',
      fileName: 'CL_CL-7_20260615.csv',
      rowCount: 1,
      attempts: 1,
    });
    const runs = await manager.get(`/api/stores/${t.storeA.id}/export-runs`);
    expect(runs.json<{ runs: { status: string }[] }>().runs.map((r) => r.status)).toEqual(['uploaded', 'failed']);
    const id = run.json<{ id: number }>().id;
    const file = await manager.get(`/api/export-runs/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('CL_CL-7_20260615.csv');
    expect(file.body).toContain('Exported,Person');
    expect((await agent.get(`/api/export-runs/${id}/file`)).statusCode).toBe(403);
  });

  it('another store’s targets and runs are not found', async () => {
    const other = await buildUser(t.db.kysely, {
      role: 'manager',
      storeIds: [t.storeB.id],
      email: 'mgr.b@example.test',
    });
    const b = await login(t.app, other.email);
    expect((await b.get(`/api/stores/${t.storeA.id}/export-targets`)).statusCode).toBe(404);
    expect((await b.send('PUT', url(), { enabled: false })).statusCode).toBe(404);
    const run = await t.db.kysely.selectFrom('export_runs').select('id').executeTakeFirstOrThrow();
    expect((await b.get(`/api/export-runs/${run.id}/file`)).statusCode).toBe(404);
  });
});
