import { sql, type Kysely } from 'kysely';

/**
 * Which provider each store sends each channel through, with its settings. Secrets (passwords,
 * tokens, DKIM keys) are stored sealed (AES-256-GCM, shared/sealed-secrets.ts), never in clear.
 * Webhook receipts remember what was accepted so a replayed request changes nothing; inbound
 * messages keep what customers sent us.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table store_channels (
      store_id bigint not null references stores(id),
      channel text not null check (channel in ('email', 'sms', 'print')),
      provider text not null check (provider in ('outbox', 'smtp', 'twilio', 'print_api')),
      settings jsonb not null default '{}',
      sealed_secrets text,
      updated_at timestamptz not null default now(),
      updated_by bigint references users(id),
      primary key (store_id, channel)
    );

    create table webhook_receipts (
      digest text primary key,
      received_at timestamptz not null
    );
    create index webhook_receipts_age_idx on webhook_receipts (received_at);

    -- Replies and other messages customers send us (texts today), shown in contact history.
    create table inbound_messages (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint references customers(id),
      channel text not null check (channel in ('sms', 'email')),
      from_address text not null,
      to_address text not null,
      body text not null,
      keyword text not null check (keyword in ('stop', 'start', 'help', 'message')),
      provider text not null,
      provider_message_id text,
      received_at timestamptz not null
    );
    create index inbound_messages_customer_idx on inbound_messages (customer_id, received_at desc);
    create index inbound_messages_store_idx on inbound_messages (store_id, received_at desc);
  `.execute(db);
}
