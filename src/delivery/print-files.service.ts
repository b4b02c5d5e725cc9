import { sql, type Kysely } from 'kysely';
import type { PrintFileCloser } from '../channels/print/print-file.closer.ts';
import type { Database, PrintChannel, PrintFile, PrintFileStatus } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';

export type PrintFileRow = PrintFile & { printed_by_name: string | null };

/**
 * Print files as people handle them: list a store's, close one now, mark one printed and mailed.
 * Marking printed is the delivery report of a local print run: every message in the file that was
 * filed (sent) becomes delivered, with who mailed it in its history.
 */
export function createPrintFilesService(deps: { db: Kysely<Database>; clock: Clock; closer: PrintFileCloser }) {
  const { db, clock } = deps;

  const withPrinter = () =>
    db
      .selectFrom('print_files as f')
      .leftJoin('users as u', 'u.id', 'f.printed_by')
      .selectAll('f')
      .select('u.name as printed_by_name');

  /** A file in one of the caller's stores; another store's is not_found. */
  async function find(storeIds: readonly number[], id: number): Promise<PrintFileRow> {
    if (storeIds.length === 0) throw notFound('Print file');
    const row = await withPrinter()
      .where('f.id', '=', id)
      .where('f.store_id', 'in', [...storeIds])
      .executeTakeFirst();
    if (!row) throw notFound('Print file');
    return row;
  }

  return {
    find,

    async list(
      storeId: number,
      filter: { status?: PrintFileStatus | undefined; channel?: PrintChannel | undefined; limit: number },
    ): Promise<PrintFileRow[]> {
      let q = withPrinter().where('f.store_id', '=', storeId);
      if (filter.status) q = q.where('f.status', '=', filter.status);
      if (filter.channel) q = q.where('f.channel', '=', filter.channel);
      return q.orderBy('f.id', 'desc').limit(filter.limit).execute();
    },

    async close(storeIds: readonly number[], id: number): Promise<PrintFileRow> {
      const file = await find(storeIds, id);
      await deps.closer.close(file);
      return find(storeIds, id);
    },

    /** Marks a ready file printed and mailed by `user`; its filed messages become delivered (audited). */
    async markPrinted(
      storeIds: readonly number[],
      id: number,
      user: { id: number; name: string },
    ): Promise<{ file: PrintFileRow; delivered: number }> {
      const file = await find(storeIds, id);
      if (file.status === 'open' || file.status === 'closing')
        throw new DomainError('conflict', 'Close the print file before marking it printed.');
      if (file.status === 'printed') throw new DomainError('conflict', 'This print file is already marked printed.');
      const now = clock.now();
      const detail = `printed and mailed by ${user.name}`;
      const delivered = await db.transaction().execute(async (trx) => {
        const marked = await trx
          .updateTable('print_files')
          .set({ status: 'printed', printed_at: now, printed_by: user.id })
          .where('id', '=', id)
          .where('status', '=', 'ready')
          .returning('id')
          .executeTakeFirst();
        if (!marked) throw new DomainError('conflict', 'This print file is already marked printed.');
        // Set-based: one statement for the file's messages and their history events. A message
        // still 'sending' was filed but its result not yet recorded; it was printed all the same.
        const { rows } = await sql<{ id: number }>`
          with m as (
            update outbox_messages o
            set status = 'delivered', status_reason = null, status_detail = ${detail},
                finished_at = ${now}, updated_at = ${now}, lease_owner = null
            from print_file_items i
            where i.print_file_id = ${id} and o.id = i.message_id and o.status in ('sending', 'sent')
            returning o.id, o.store_id
          )
          insert into outbox_events (message_id, store_id, status, detail, occurred_at)
          select id, store_id, 'delivered', ${detail}, ${now} from m
          returning message_id as id`.execute(trx);
        await trx
          .insertInto('audit_log')
          .values({
            store_id: file.store_id,
            user_id: user.id,
            action: 'print_file.printed',
            subject_type: 'print_file',
            subject_id: id,
            details: JSON.stringify({ channel: file.channel, items: file.item_count, delivered: rows.length }),
            created_at: now,
          })
          .execute();
        return rows.length;
      });
      return { file: await find(storeIds, id), delivered };
    },
  };
}

export type PrintFilesService = ReturnType<typeof createPrintFilesService>;
