import { sql, type Kysely } from 'kysely';

/**
 * Saved queries ("Fetch") per store. The filter is written only after it passed validation against
 * the field catalogue, but batches compile it again on every run, so a catalogue change that makes
 * an old query invalid is reported then rather than silently matching something else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table saved_queries (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      name text not null check (length(btrim(name)) between 1 and 120),
      description text check (description is null or length(description) <= 2000),
      filter jsonb not null check (jsonb_typeof(filter) = 'object'),
      archived boolean not null default false,
      created_by bigint references users(id),
      updated_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index saved_queries_store_name_idx on saved_queries (store_id, lower(name));
  `.execute(db);
}
