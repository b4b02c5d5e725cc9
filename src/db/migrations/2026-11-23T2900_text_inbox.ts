import { sql, type Kysely } from 'kysely';

/**
 * Two-way texts: one thread per store and customer over the inbound texts (STOP, START and HELP
 * are answered before they get here) and the texts sent to them, with the agent it is assigned
 * to and how far it has been read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table text_threads (
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      assigned_to bigint references users(id),
      -- Inbound messages up to this id have been read.
      read_up_to bigint not null default 0,
      updated_at timestamptz not null default now(),
      primary key (store_id, customer_id)
    );
    create index inbound_messages_thread_idx on inbound_messages (store_id, customer_id, id) where keyword = 'message';
  `.execute(db);
}
