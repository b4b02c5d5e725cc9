import { sql, type Kysely } from 'kysely';

/**
 * Voice drop set-up per store: recordings (kept in the database, so every `serve` and `work`
 * process and the provider's fetch see the same bytes) and the caller IDs customers see.
 * A voice-drop batch names one of each instead of a template.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table voice_recordings (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      name text not null check (length(btrim(name)) between 1 and 120),
      format text not null check (format in ('wav', 'mp3')),
      duration_ms integer not null check (duration_ms > 0),
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null,
      content bytea not null,
      active boolean not null default true,
      created_by bigint references users(id),
      created_at timestamptz not null default now()
    );
    create unique index voice_recordings_store_name_idx on voice_recordings (store_id, lower(name));

    create table voice_caller_ids (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      number text not null check (number ~ '^\\+[1-9][0-9]{6,14}$'),
      label text not null check (length(btrim(label)) between 1 and 120),
      active boolean not null default true,
      created_by bigint references users(id),
      created_at timestamptz not null default now()
    );
    create unique index voice_caller_ids_store_number_idx on voice_caller_ids (store_id, number);

    alter table batch_schedules
      alter column template_id drop not null,
      add column recording_id bigint references voice_recordings(id),
      add column caller_id_id bigint references voice_caller_ids(id),
      -- The purpose when there is no template to take it from (a voice drop): marketing unless said.
      add column purpose text not null default 'marketing' check (purpose in ('marketing', 'service'));

    -- What a message plays rather than shows: 'recording:<id>' for a voice drop.
    alter table outbox_messages add column media_ref text;
  `.execute(db);
}
