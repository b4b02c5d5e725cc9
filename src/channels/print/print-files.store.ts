import { sql, type Kysely } from 'kysely';
import type { Database, PrintChannel, PrintFile, SourceKind, Store } from '../../db/schema.ts';
import type { PrintGroup } from './print-group.rules.ts';

/** What the print-file sender needs to know about a message before filing it. */
export interface PrintableRow {
  id: number;
  store_id: number;
  channel: string;
  source_kind: SourceKind;
  source_ref: string | null;
  time_zone: string;
  /** The file it is already in (a resend after a crash). */
  print_file_id: number | null;
}

export async function findPrintable(
  db: Kysely<Database>,
  storeId: number,
  messageId: number,
): Promise<PrintableRow | undefined> {
  return db
    .selectFrom('outbox_messages as o')
    .innerJoin('stores as s', 's.id', 'o.store_id')
    .leftJoin('print_file_items as i', 'i.message_id', 'o.id')
    .select(['o.id', 'o.store_id', 'o.channel', 'o.source_kind', 'o.source_ref', 's.time_zone', 'i.print_file_id'])
    .where('o.id', '=', messageId)
    .where('o.store_id', '=', storeId)
    .executeTakeFirst();
}

/**
 * Adds a message to its group's open file, opening one if there is none. Returns the file's id,
 * or null when the open file was closed between the two statements (the caller tries again, and
 * the next attempt opens a new file). The open file's row is locked while the item goes in, so a
 * closer either waits for the item or the item misses the closed file; an item is never added to
 * a file whose PDF is being drawn. A message already in a file stays there (message_id is unique).
 */
export async function addToOpenFile(
  db: Kysely<Database>,
  item: { storeId: number; channel: PrintChannel; messageId: number; group: PrintGroup },
  now: Date,
): Promise<number | null> {
  const { storeId, channel, messageId, group } = item;
  await sql`
    insert into print_files (store_id, channel, group_key, source_ref, status, created_at, last_item_at, close_after)
    values (${storeId}, ${channel}, ${group.groupKey}, ${group.sourceRef}, 'open', ${now}, ${now}, ${group.closeAfter})
    on conflict (store_id, channel, group_key) where status = 'open' do nothing`.execute(db);
  const { rows } = await sql<{ id: number }>`
    with f as (
      select id from print_files
      where store_id = ${storeId} and channel = ${channel} and group_key = ${group.groupKey} and status = 'open'
      for update
    ),
    ins as (
      insert into print_file_items (print_file_id, message_id, added_at)
      select f.id, ${messageId}, ${now} from f
      on conflict (message_id) do nothing
      returning print_file_id
    )
    update print_files p set item_count = p.item_count + 1, last_item_at = ${now}
    from ins where p.id = ins.print_file_id
    returning p.id`.execute(db);
  if (rows[0]) return Number(rows[0].id);
  // Lost a race with another send of the same message: it is filed already.
  const filed = await db
    .selectFrom('print_file_items')
    .select('print_file_id')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return filed?.print_file_id ?? null;
}

/** Takes an open file for closing; false if it is not open (closed already, or by someone else). */
export async function claimForClose(db: Kysely<Database>, id: number, now: Date): Promise<PrintFile | undefined> {
  return db
    .updateTable('print_files')
    .set({ status: 'closing', closed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Takes over a file whose closing stalled (its closer died or failed) since `staleBefore`. */
export async function reclaimStalled(
  db: Kysely<Database>,
  id: number,
  staleBefore: Date,
  now: Date,
): Promise<PrintFile | undefined> {
  return db
    .updateTable('print_files')
    .set({ closed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'closing')
    .where('closed_at', '<', staleBefore)
    .returningAll()
    .executeTakeFirst();
}

export async function markReady(
  db: Kysely<Database>,
  id: number,
  result: { pages: number; bytes: number; filePath: string; items: number },
): Promise<PrintFile | undefined> {
  return db
    .updateTable('print_files')
    .set({
      status: 'ready',
      pages: result.pages,
      bytes: result.bytes,
      file_path: result.filePath,
      item_count: result.items,
    })
    .where('id', '=', id)
    .where('status', '=', 'closing')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Files the worker should close now: a day's file after the store's midnight, a run's file once
 * nothing was added for `idleMs`, and files whose closing stalled.
 */
export async function dueForClose(
  db: Kysely<Database>,
  now: Date,
  opts: { idleMs: number; stalledMs: number; limit: number },
): Promise<Pick<PrintFile, 'id' | 'status' | 'item_count'>[]> {
  const idleSince = new Date(now.getTime() - opts.idleMs);
  const stalledSince = new Date(now.getTime() - opts.stalledMs);
  return db
    .selectFrom('print_files')
    .select(['id', 'status', 'item_count'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'open'),
          eb.or([
            eb.and([eb('close_after', 'is not', null), eb('close_after', '<=', now)]),
            eb.and([eb('close_after', 'is', null), eb('last_item_at', '<=', idleSince)]),
          ]),
        ]),
        eb.and([eb('status', '=', 'closing'), eb('closed_at', '<', stalledSince)]),
      ]),
    )
    .orderBy('id')
    .limit(opts.limit)
    .execute();
}

/** An open file that never got an item (its sender died between the two statements). */
export async function deleteIfEmpty(db: Kysely<Database>, id: number): Promise<boolean> {
  const res = await db
    .deleteFrom('print_files')
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('item_count', '=', 0)
    .executeTakeFirst();
  return res.numDeletedRows > 0n;
}

/** One page of a file's items in filing order, with what the PDF needs (keyset on the item id). */
export async function itemsPage(db: Kysely<Database>, fileId: number, afterItemId: number, limit: number) {
  return db
    .selectFrom('print_file_items as i')
    .innerJoin('outbox_messages as o', 'o.id', 'i.message_id')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['i.id', 'i.added_at', 'o.target', 'o.body_html', 'o.subject', 'c.language'])
    .where('i.print_file_id', '=', fileId)
    .where('i.id', '>', afterItemId)
    .orderBy('i.id')
    .limit(limit)
    .execute();
}

export async function storeOf(db: Kysely<Database>, storeId: number): Promise<Store> {
  return db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow();
}

/** The store and customer of one message, for rendering it on its own (the print API). */
export async function messageStoreAndLanguage(
  db: Kysely<Database>,
  messageId: number,
): Promise<{ store: Store; language: string | null } | undefined> {
  const row = await db
    .selectFrom('outbox_messages as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.store_id', 'c.language'])
    .where('o.id', '=', messageId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { store: await storeOf(db, row.store_id), language: row.language };
}
