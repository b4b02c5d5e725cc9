import { sql, type Kysely } from 'kysely';

/**
 * The outbox: one row per message to one customer, written before any provider is called and
 * unique per (store, delivery key), so enqueuing twice, a retry or a restarted worker cannot make
 * a second message. Its events are the contact history's attempts and results.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbox_messages (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      -- null only for a test send from the template editor to a staff address
      customer_id bigint references customers(id),
      delivery_key text not null,
      source_kind text not null check (source_kind in ('manual', 'batch', 'campaign', 'automation', 'voice_drop', 'test')),
      source_ref text,
      step text not null default '',
      channel text not null check (channel in ('email', 'sms', 'voice', 'letter', 'postcard')),
      purpose text not null check (purpose in ('marketing', 'service')),
      contact_type text,
      template_version_id bigint references template_versions(id),
      user_id bigint references users(id),
      target text,
      sender text,
      cc text[] not null default '{}',
      bcc text[] not null default '{}',
      subject text,
      body_html text,
      body_text text,
      status text not null check (status in
        ('queued', 'deferred', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'complained', 'skipped', 'cancelled')),
      status_reason text,
      status_detail text,
      attempts integer not null default 0,
      due_at timestamptz not null,
      lease_owner text,
      provider text,
      provider_message_id text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz not null default now(),
      unique (store_id, delivery_key),
      check ((customer_id is null) = (source_kind = 'test'))
    );
    -- What workers claim: due work only, so finished rows are never rescanned.
    create index outbox_due_idx on outbox_messages (due_at, id) where status in ('queued', 'deferred', 'sending');
    create index outbox_customer_idx on outbox_messages (customer_id, created_at desc);
    create index outbox_provider_idx on outbox_messages (provider, provider_message_id) where provider_message_id is not null;
    create index outbox_store_idx on outbox_messages (store_id, created_at desc);

    create table outbox_events (
      id bigint generated always as identity primary key,
      message_id bigint not null references outbox_messages(id),
      store_id bigint not null references stores(id),
      status text not null,
      detail text,
      occurred_at timestamptz not null
    );
    create index outbox_events_message_idx on outbox_events (message_id, id);
  `.execute(db);
}
