import { sql, type Kysely } from 'kysely';

/**
 * Templates per store and their versions. A version is never changed once written (append-only,
 * enforced by the same trigger as the consent ledger): whatever a send records as its template
 * version keeps saying what was sent after the template is edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table templates (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      channel text not null check (channel in ('email', 'sms', 'voice', 'letter', 'postcard')),
      contact_type text not null check (contact_type ~ '^[a-z0-9_]{1,40}$'),
      language text not null check (language in ('en', 'fr')),
      purpose text not null check (purpose in ('marketing', 'service')),
      name text not null check (length(btrim(name)) between 1 and 120),
      active boolean not null default true,
      default_key text,
      current_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (store_id, default_key)
    );
    create unique index templates_store_name_idx on templates (store_id, lower(name));
    create index templates_pick_idx on templates (store_id, channel, contact_type, language) where active;

    create table template_versions (
      id bigint generated always as identity primary key,
      template_id bigint not null references templates(id),
      version integer not null check (version >= 1),
      subject text,
      body text not null,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      unique (template_id, version)
    );
    create trigger template_versions_append_only before update or delete on template_versions
      for each row execute function forecourt_append_only();
  `.execute(db);
}
