import { sql, type Kysely } from 'kysely';

/**
 * Print files: letters and postcards printed locally are gathered into one merged PDF per batch
 * run (group 'run:<source_ref>') or per store-local day (group 'day:YYYY-MM-DD'), per store and
 * channel. A file is open while it takes items, closing while its PDF is rendered, ready to
 * download, and printed once someone marks it printed and mailed. An outbox message is in at
 * most one file (print_file_items.message_id is unique), so a resent message is never printed twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table print_files (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      channel text not null check (channel in ('letter', 'postcard')),
      group_key text not null,
      source_ref text,
      status text not null check (status in ('open', 'closing', 'ready', 'printed')),
      item_count integer not null default 0,
      pages integer,
      bytes bigint,
      -- relative to the data folder
      file_path text,
      created_at timestamptz not null,
      last_item_at timestamptz not null,
      -- a day's file closes at the end of the store's day; a run's file when it has been idle a while
      close_after timestamptz,
      closed_at timestamptz,
      printed_at timestamptz,
      printed_by bigint references users(id)
    );
    -- One open file per group: concurrent senders add to the same one.
    create unique index print_files_open_idx on print_files (store_id, channel, group_key) where status = 'open';
    create index print_files_store_idx on print_files (store_id, created_at desc);
    create index print_files_pending_idx on print_files (status) where status in ('open', 'closing');

    create table print_file_items (
      id bigint generated always as identity primary key,
      print_file_id bigint not null references print_files(id),
      message_id bigint not null unique references outbox_messages(id),
      added_at timestamptz not null
    );
    create index print_file_items_file_idx on print_file_items (print_file_id, id);
  `.execute(db);
}
