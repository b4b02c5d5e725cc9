import { sql, type Kysely } from 'kysely';

/**
 * The consent ledger (append-only, enforced by a trigger), contact-method switches and flags on
 * customers, reachability per number/address, and the stores' contactability settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent_events (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      channel text not null check (channel in ('email', 'sms', 'voice', 'call', 'letter', 'fax')),
      purpose text not null check (purpose in ('marketing', 'service')),
      granted boolean not null,
      basis text check (basis in ('express', 'implied_purchase', 'implied_inquiry')),
      source text not null check (source in ('user', 'unsubscribe', 'import', 'inbound_stop', 'inbound_start', 'web_form', 'api')),
      actor_user_id bigint references users(id),
      wording text,
      occurred_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      check (granted = (basis is not null))
    );
    create index consent_events_customer_idx on consent_events (customer_id, channel, purpose, occurred_at desc);

    create function forecourt_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name;
    end $$;
    create trigger consent_events_append_only before update or delete on consent_events
      for each row execute function forecourt_append_only();

    alter table customers
      add column mail_on boolean not null default true,
      add column home_phone_on boolean not null default true,
      add column work_phone_on boolean not null default true,
      add column cell_phone_on boolean not null default true,
      add column email_on boolean not null default true,
      add column do_not_mail boolean not null default false,
      add column casl_opt_out boolean not null default false;

    alter table stores
      add column send_window_start text not null default '08:00' check (send_window_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      add column send_window_end text not null default '21:00' check (send_window_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'),
      add column email_bounce_limit smallint not null default 3 check (email_bounce_limit between 1 and 9);
  `.execute(db);
}
