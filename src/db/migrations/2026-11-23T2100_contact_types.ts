import { sql, type Kysely } from 'kysely';

/**
 * Contact types and recycle codes per store: campaign configuration that batch schedules point at.
 * Keys are stable identifiers (templates and batches refer to them), so they are never renamed; the
 * name is what staff see and may change. Nothing is deleted, only deactivated, because past
 * contacts keep referring to the code they were recorded under.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table contact_types (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      key text not null check (key ~ '^[a-z0-9_]{1,40}$'),
      name text not null check (length(btrim(name)) between 1 and 120),
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create unique index contact_types_store_key_idx on contact_types (store_id, key);

    create table recycle_codes (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      key text not null check (key ~ '^[a-z0-9_]{1,40}$'),
      name text not null check (length(btrim(name)) between 1 and 120),
      days integer not null check (days between 0 and 3650),
      active boolean not null default true,
      productive boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index recycle_codes_store_key_idx on recycle_codes (store_id, key);
  `.execute(db);
}
