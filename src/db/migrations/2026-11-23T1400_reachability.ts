import { sql, type Kysely } from 'kysely';

/**
 * What networks and people reported about each phone number and e-mail address, per store,
 * from which reachability (blocked, invalid, red e-mail) is derived; and the per-store limits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reachability_events (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      address text not null,  -- E.164 number or lower-case e-mail
      line text not null check (line in ('cell_phone', 'home_phone', 'work_phone', 'email')),
      outcome text not null check (outcome in ('delivered', 'impossible', 'busy', 'unavailable', 'bounce', 'complaint', 'verified')),
      source text not null check (source in ('voice_batch', 'voice_campaign', 'email', 'sms', 'call', 'user')),
      detail text,
      occurred_at timestamptz not null,
      recorded_at timestamptz not null default now()
    );
    create index reachability_events_address_idx on reachability_events (store_id, address, occurred_at);
    create trigger reachability_events_append_only before update or delete on reachability_events
      for each row execute function forecourt_append_only();

    -- What the events add up to, kept current by the code that appends events, so that eligibility
    -- over many customers is a join rather than a replay of every history.
    create table reachability_state (
      store_id bigint not null references stores(id),
      address text not null,
      blocked_forever boolean not null default false,
      blocked_until timestamptz,
      invalid boolean not null default false,
      red_until timestamptz,
      updated_at timestamptz not null default now(),
      primary key (store_id, address)
    );

    alter table stores
      add column voice_impossible_block_days smallint not null default 14 check (voice_impossible_block_days between 1 and 365),
      add column voice_impossible_forever_at smallint not null default 3 check (voice_impossible_forever_at between 1 and 99),
      add column home_busy_forever_at smallint not null default 3 check (home_busy_forever_at between 1 and 99),
      add column campaign_impossible_block_days smallint not null default 14 check (campaign_impossible_block_days between 1 and 365),
      add column campaign_impossible_forever_after smallint not null default 5 check (campaign_impossible_forever_after between 1 and 99),
      add column email_red_days smallint not null default 90 check (email_red_days between 1 and 3650);
  `.execute(db);
}
