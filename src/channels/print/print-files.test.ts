import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/support/db.ts';
import { buildCustomer, buildStore } from '../../../test/support/factories.ts';
import { insertLetters, letterMessage } from '../../../test/support/letters.ts';
import type { Db } from '../../db/connect.ts';
import type { Customer, OutboxMessage, Store } from '../../db/schema.ts';
import { fixedClock } from '../../shared/clock.ts';
import { pdfPageCount, pdfText } from '../../templates/pdf/pdf.testing.ts';
import type { OutgoingMessage } from '../channel.ts';
import { createPrintFileCloser } from './print-file.closer.ts';
import { createPrintFileSender } from './print-file.sender.ts';

let db: Db;
let store: Store;
let ann: Customer;
let bob: Customer;
let dataDir: string;
const clock = fixedClock('2026-06-15T16:00:00Z');

beforeAll(async () => {
  db = await openTestDb();
  dataDir = mkdtempSync(path.join(tmpdir(), 'forecourt-print-'));
  store = await buildStore(db.kysely, {
    code: 'PRT',
    name: 'Print Motors',
    timeZone: 'America/Toronto',
    addressLine1: '100 King St W',
    city: 'Toronto',
    region: 'ON',
    postalCode: 'M5X 1A9',
  });
  const address = { address_line1: '12 Main St', city: 'Toronto', region: 'ON', postal_code: 'M5V 2T6' };
  ann = await buildCustomer(db.kysely, store.id, { first_name: 'Ann', last_name: 'Archer', ...address });
  bob = await buildCustomer(db.kysely, store.id, { first_name: 'Bob', last_name: 'Baker', language: 'fr', ...address });
});
afterAll(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const outgoing = (m: OutboxMessage): OutgoingMessage => ({
  id: m.id,
  storeId: m.store_id,
  deliveryKey: m.delivery_key,
  channel: m.channel,
  purpose: m.purpose,
  target: m.target ?? '',
  sender: m.sender,
  cc: m.cc,
  bcc: m.bcc,
  subject: m.subject,
  html: m.body_html,
  text: m.body_text,
  headers: {},
});

const sender = () => createPrintFileSender({ db: db.kysely, clock });
const closer = (idleMs = 10 * 60_000) =>
  createPrintFileCloser({ db: db.kysely, clock, dataDir, idleMs, pdf: { compress: false } });
const fileOf = async (messageId: number) =>
  db.kysely
    .selectFrom('print_file_items as i')
    .innerJoin('print_files as f', 'f.id', 'i.print_file_id')
    .selectAll('f')
    .where('i.message_id', '=', messageId)
    .executeTakeFirstOrThrow();

describe('print-file sender', () => {
  it('files a letter once, however often it is sent', async () => {
    const [m] = await insertLetters(db.kysely, [letterMessage(ann, clock.now())], clock.now());
    if (!m) throw new Error('no message');
    const s = sender();
    const first = await s.send(outgoing(m));
    const again = await s.send(outgoing(m));
    const both = await Promise.all([s.send(outgoing(m)), s.send(outgoing(m))]);
    const file = await fileOf(m.id);
    expect(first).toEqual({ kind: 'sent', providerMessageId: `print-file:${file.id}` });
    expect(again).toEqual(first);
    expect(both).toEqual([first, first]);
    expect(file.item_count).toBe(1);
    const items = await db.kysely.selectFrom('print_file_items').selectAll().where('message_id', '=', m.id).execute();
    expect(items).toHaveLength(1);
  });

  it('gives each batch run its own file and other letters one file per store-local day', async () => {
    const at = clock.now();
    const rows = await insertLetters(
      db.kysely,
      [
        letterMessage(ann, at, { sourceKind: 'batch', sourceRef: 'run-A' }),
        letterMessage(bob, at, { sourceKind: 'batch', sourceRef: 'run-A' }),
        letterMessage(ann, at, { sourceKind: 'batch', sourceRef: 'run-B' }),
        letterMessage(bob, at, { sourceKind: 'automation' }),
        letterMessage(ann, at, { sourceKind: 'manual' }),
        letterMessage(bob, at, { sourceKind: 'manual' }),
        letterMessage(ann, at, { sourceKind: 'manual', channel: 'postcard' }),
      ],
      at,
    );
    const s = sender();
    const [a1, a2, b1, auto, man, nextDay, card] = rows;
    if (!a1 || !a2 || !b1 || !auto || !man || !nextDay || !card) throw new Error('missing rows');
    for (const m of [a1, a2, b1, auto, man, card]) expect((await s.send(outgoing(m))).kind).toBe('sent');
    // 00:30 the next day in Toronto: a new day's file.
    clock.set('2026-06-16T04:30:00Z');
    await s.send(outgoing(nextDay));
    clock.set('2026-06-15T16:00:00Z');

    const [fa1, fa2, fb1, fauto, fman, fnext, fcard] = await Promise.all(rows.map((r) => fileOf(r.id)));
    expect(fa1?.id).toBe(fa2?.id);
    expect(fa1?.group_key).toBe('run:run-A');
    expect(fa1?.source_ref).toBe('run-A');
    expect(fa1?.item_count).toBe(2);
    expect(fb1?.id).not.toBe(fa1?.id);
    expect(fb1?.group_key).toBe('run:run-B');
    expect(fauto?.id).toBe(fman?.id);
    expect(fman?.group_key).toBe('day:2026-06-15');
    expect(fman?.close_after?.toISOString()).toBe('2026-06-16T04:00:00.000Z');
    expect(fnext?.group_key).toBe('day:2026-06-16');
    expect(fnext?.id).not.toBe(fman?.id);
    expect(fcard?.channel).toBe('postcard');
    expect(fcard?.id).not.toBe(fman?.id);
  });

  it('refuses a message that is not a letter or postcard', async () => {
    const [m] = await insertLetters(db.kysely, [letterMessage(ann, clock.now(), { channel: 'email' })], clock.now());
    if (!m) throw new Error('no message');
    expect((await sender().send(outgoing(m))).kind).toBe('permanent');
  });
});

describe('closing print files', () => {
  it('renders the merged letters with duplex padding, and later letters go to a new file', async () => {
    const at = clock.now();
    const rows = await insertLetters(
      db.kysely,
      [
        letterMessage(ann, at, { sourceKind: 'batch', sourceRef: 'close-1' }),
        letterMessage(bob, at, { sourceKind: 'batch', sourceRef: 'close-1' }),
        letterMessage(ann, at, { sourceKind: 'batch', sourceRef: 'close-1' }),
        letterMessage(bob, at, { sourceKind: 'batch', sourceRef: 'close-1' }),
      ],
      at,
    );
    const s = sender();
    for (const m of rows.slice(0, 3)) await s.send(outgoing(m));
    const file = await fileOf(rows[0]?.id ?? 0);
    const ready = await closer().close(file);
    expect(ready).toMatchObject({
      status: 'ready',
      item_count: 3,
      pages: 6,
      file_path: `print/${store.id}/${file.id}.pdf`,
    });
    const pdf = await readFile(path.join(dataDir, ready.file_path ?? ''));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(ready.bytes).toBe(pdf.length);
    // Three one-page letters, each padded to a sheet for duplex printing.
    expect(pdfPageCount(pdf)).toBe(6);
    const text = pdfText(pdf);
    expect(text).toContain('Print Motors');
    expect(text).toContain('Ann Archer');
    expect(text).toContain('Your car is due for service.');
    expect(text).toContain('June 15, 2026');
    expect(text).toContain('15 juin 2026');

    await expect(closer().close(file)).rejects.toMatchObject({ code: 'conflict' });
    const late = await s.send(outgoing(rows[3]!));
    const lateFile = await fileOf(rows[3]?.id ?? 0);
    expect(late).toEqual({ kind: 'sent', providerMessageId: `print-file:${lateFile.id}` });
    expect(lateFile.id).not.toBe(file.id);
    expect(lateFile.status).toBe('open');
  });

  it('renders postcards two pages each', async () => {
    const at = clock.now();
    const rows = await insertLetters(
      db.kysely,
      [
        letterMessage(ann, at, {
          channel: 'postcard',
          sourceKind: 'batch',
          sourceRef: 'cards-1',
          subject: 'We miss you',
        }),
        letterMessage(bob, at, { channel: 'postcard', sourceKind: 'batch', sourceRef: 'cards-1' }),
      ],
      at,
    );
    for (const m of rows) await sender().send(outgoing(m));
    const ready = await closer().close(await fileOf(rows[0]?.id ?? 0));
    const pdf = await readFile(path.join(dataDir, ready.file_path ?? ''));
    expect(pdfPageCount(pdf)).toBe(4);
    expect(pdfText(pdf)).toContain('We miss you');
  });

  it('closes due files from the worker: a day’s after the store’s midnight, a run’s once idle', async () => {
    const at = clock.now();
    const rows = await insertLetters(
      db.kysely,
      [
        letterMessage(ann, at, { sourceKind: 'batch', sourceRef: 'due-run' }),
        letterMessage(bob, at, { sourceKind: 'automation', channel: 'postcard' }),
      ],
      at,
    );
    for (const m of rows) await sender().send(outgoing(m));
    const run = await fileOf(rows[0]?.id ?? 0);
    const day = await fileOf(rows[1]?.id ?? 0);
    // An empty open file (its sender died between opening and adding) is dropped.
    const empty = await db.kysely
      .insertInto('print_files')
      .values({
        store_id: store.id,
        channel: 'letter',
        group_key: 'run:abandoned',
        source_ref: 'abandoned',
        status: 'open',
        created_at: at,
        last_item_at: at,
        close_after: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const c = closer(10 * 60_000);
    clock.advance(5 * 60_000);
    await c.closeDue();
    expect((await fileOf(rows[0]?.id ?? 0)).status).toBe('open');
    expect(run.status).toBe('open');

    clock.advance(6 * 60_000);
    await c.closeDue();
    expect((await fileOf(rows[0]?.id ?? 0)).status).toBe('ready');
    expect((await fileOf(rows[1]?.id ?? 0)).status).toBe('open');
    expect(await db.kysely.selectFrom('print_files').select('id').where('id', '=', empty.id).executeTakeFirst()).toBe(
      undefined,
    );

    clock.set('2026-06-16T04:01:00Z');
    await c.closeDue();
    expect((await fileOf(rows[1]?.id ?? 0)).status).toBe('ready');
    expect(day.close_after?.toISOString()).toBe('2026-06-16T04:00:00.000Z');
    clock.set('2026-06-15T16:00:00Z');
  });

  it('takes over a closing that stalled', async () => {
    const [m] = await insertLetters(
      db.kysely,
      [letterMessage(ann, clock.now(), { sourceKind: 'batch', sourceRef: 'stalled' })],
      clock.now(),
    );
    if (!m) throw new Error('no message');
    await sender().send(outgoing(m));
    const file = await fileOf(m.id);
    await db.kysely
      .updateTable('print_files')
      .set({ status: 'closing', closed_at: clock.now() })
      .where('id', '=', file.id)
      .execute();
    const c = createPrintFileCloser({ db: db.kysely, clock, dataDir, stalledMs: 15 * 60_000 });
    clock.advance(60_000);
    await c.closeDue();
    expect((await fileOf(m.id)).status).toBe('closing');
    clock.advance(15 * 60_000);
    await c.closeDue();
    expect((await fileOf(m.id)).status).toBe('ready');
    clock.set('2026-06-15T16:00:00Z');
  });
});
