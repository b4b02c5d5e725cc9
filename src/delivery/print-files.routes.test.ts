import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser } from '../../test/support/factories.ts';
import { insertLetters, letterMessage } from '../../test/support/letters.ts';
import { buildDispatcher } from '../app.ts';
import type { Customer, OutboxMessage } from '../db/schema.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
let customers: Customer[];
let run: OutboxMessage[];

interface FileBody {
  id: number;
  status: string;
  itemCount: number;
  pages: number | null;
  bytes: number | null;
  group: { kind: string; value: string };
  printedBy: string | null;
  printedAt: string | null;
  downloadUrl: string | null;
  delivered?: number;
}

beforeAll(async () => {
  t = await startTestApp();
  const k = t.db.kysely;
  await buildUser(k, {
    role: 'manager',
    storeIds: [t.storeA.id],
    email: 'manager.a@example.test',
    name: 'Mona Manager',
  });
  const address = { address_line1: '12 Main St', city: 'Toronto', region: 'ON', postal_code: 'M5V 2T6' };
  customers = await Promise.all(
    ['Ann', 'Bea', 'Cal'].map((first) => buildCustomer(k, t.storeA.id, { first_name: first, ...address })),
  );
  const at = t.clock.now();
  run = await insertLetters(
    k,
    customers.map((c) => letterMessage(c, at, { sourceKind: 'batch', sourceRef: 'run-41' })),
    at,
  );
  // One manual letter too: it goes into the day's file, not the run's.
  const [first] = customers;
  if (first) await insertLetters(k, [letterMessage(first, at)], at);
  // The worker's side, with the real sender resolver: letters are filed in print files.
  const { dispatcher, senders } = buildDispatcher({
    config: { dataDir: t.dataDir, publicUrl: 'http://localhost' },
    db: t.db,
    clock: t.clock,
    masterKey: t.masterKey,
  });
  await dispatcher.drain();
  await senders.close();
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

const list = async (c: Client) =>
  (await c.get(`/api/stores/${t.storeA.id}/print-files`)).json<{ files: FileBody[] }>().files;

describe('print files API', () => {
  it('lists the store’s files: one for the batch run, one for the day', async () => {
    const messages = await t.db.kysely
      .selectFrom('outbox_messages')
      .select(['status', 'provider', 'provider_message_id'])
      .where('store_id', '=', t.storeA.id)
      .execute();
    expect(messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(messages.every((m) => m.provider === 'print_file' && m.provider_message_id?.startsWith('print-file:'))).toBe(
      true,
    );
    const files = await list(agent);
    expect(files.map((f) => [f.group.kind, f.group.value, f.status, f.itemCount])).toEqual([
      ['day', '2026-06-15', 'open', 1],
      ['run', 'run-41', 'open', 3],
    ]);
    expect(files.every((f) => f.downloadUrl === null)).toBe(true);
  });

  it('lets managers close a file, then download its PDF; agents may download but not close', async () => {
    const runFile = (await list(manager)).find((f) => f.group.value === 'run-41');
    if (!runFile) throw new Error('no run file');
    expect((await agent.get(`/api/print-files/${runFile.id}/pdf`)).statusCode).toBe(409);
    expect((await agent.post(`/api/print-files/${runFile.id}/close`, {})).statusCode).toBe(403);

    const closed = await manager.post(`/api/print-files/${runFile.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const body = closed.json<FileBody>();
    expect(body).toMatchObject({
      status: 'ready',
      itemCount: 3,
      pages: 6,
      downloadUrl: `/api/print-files/${runFile.id}/pdf`,
    });
    expect((await manager.post(`/api/print-files/${runFile.id}/close`, {})).statusCode).toBe(409);

    const pdf = await agent.get(`/api/print-files/${runFile.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="print-file-\d+-letters\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBe(body.bytes);
  });

  it('marks a closed file printed and mailed: its messages are delivered, with who did it, audited', async () => {
    const runFile = (await list(manager)).find((f) => f.group.value === 'run-41');
    const dayFile = (await list(manager)).find((f) => f.group.kind === 'day');
    if (!runFile || !dayFile) throw new Error('no files');
    expect((await manager.post(`/api/print-files/${dayFile.id}/printed`, {})).statusCode).toBe(409);
    expect((await agent.post(`/api/print-files/${runFile.id}/printed`, {})).statusCode).toBe(403);

    const res = await manager.post(`/api/print-files/${runFile.id}/printed`, {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<FileBody>();
    expect(body).toMatchObject({ status: 'printed', printedBy: 'Mona Manager', delivered: 3 });
    expect(body.printedAt).toBe(t.clock.now().toISOString());
    expect((await manager.post(`/api/print-files/${runFile.id}/printed`, {})).statusCode).toBe(409);

    const ids = run.map((m) => m.id);
    const rows = await t.db.kysely
      .selectFrom('outbox_messages')
      .select(['status', 'status_detail'])
      .where('id', 'in', ids)
      .execute();
    expect(rows).toEqual(ids.map(() => ({ status: 'delivered', status_detail: 'printed and mailed by Mona Manager' })));
    const events = await t.db.kysely
      .selectFrom('outbox_events')
      .select(['status', 'detail'])
      .where('message_id', 'in', ids)
      .where('status', '=', 'delivered')
      .execute();
    expect(events).toHaveLength(3);
    expect(events[0]?.detail).toBe('printed and mailed by Mona Manager');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'print_file.printed')
      .where('subject_id', '=', runFile.id)
      .executeTakeFirstOrThrow();
    expect(audit.store_id).toBe(t.storeA.id);

    // The day's manual letter is untouched.
    const manual = await t.db.kysely
      .selectFrom('outbox_messages')
      .select('status')
      .where('store_id', '=', t.storeA.id)
      .where('source_kind', '=', 'manual')
      .executeTakeFirstOrThrow();
    expect(manual.status).toBe('sent');
    // Still downloadable after printing.
    expect((await agent.get(`/api/print-files/${runFile.id}/pdf`)).statusCode).toBe(200);
  });

  it('hides other stores’ files', async () => {
    const b = await login(t.app, 'agent.b@example.test');
    const runFile = (await list(manager)).find((f) => f.group.value === 'run-41');
    expect((await b.get(`/api/print-files/${runFile?.id ?? 0}/pdf`)).statusCode).toBe(404);
    expect((await b.get(`/api/stores/${t.storeA.id}/print-files`)).statusCode).toBe(404);
  });
});
