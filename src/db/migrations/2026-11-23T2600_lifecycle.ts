import { sql, type Kysely } from 'kysely';

/**
 * 360° Customer Contact (lifecycle automations): one set-up row per store (switches, day counts,
 * run time, which steps count as marketing) and one run row per store and store-local day, which
 * makes a day's run claimable once and tells the next run where to catch up from. The signature
 * is the store's own contact card (stores.name, owner_name, phone, email, feedback_url).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table lifecycle_settings (
      store_id bigint primary key references stores(id),
      email_on boolean not null default false,
      postcards_on boolean not null default false,
      run_time text not null default '08:00' check (run_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      reminder_1_days integer not null default 14 check (reminder_1_days between 0 and 3650),
      reminder_2_days integer not null default 2 check (reminder_2_days between 0 and 3650),
      no_show_days integer not null default 1 check (no_show_days between 0 and 3650),
      thank_you_days integer not null default 1 check (thank_you_days between 0 and 3650),
      deferred_days integer not null default 30 check (deferred_days between 0 and 3650),
      inactive_days integer not null default 180 check (inactive_days between 0 and 3650),
      inactive_interval_days integer not null default 90 check (inactive_interval_days between 0 and 3650),
      dead_days integer not null default 540 check (dead_days between 0 and 3650),
      -- Steps the store sends as marketing (consent required); the rest are service messages.
      marketing_steps text[] not null default '{}',
      updated_at timestamptz not null default now(),
      updated_by bigint references users(id),
      check (inactive_days = 0 or dead_days = 0 or dead_days > inactive_days)
    );

    create table lifecycle_runs (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      run_date date not null,
      -- The first day the run covered (before run_date when it caught up missed days).
      window_from date not null,
      status text not null check (status in ('running', 'done', 'failed')),
      as_of timestamptz not null,
      lease_owner text,
      lease_until timestamptz,
      due integer,
      enqueued integer,
      skipped integer,
      -- Per step: due, email, postcard, skipped by reason.
      by_step jsonb not null default '{}',
      error text,
      started_at timestamptz not null,
      finished_at timestamptz,
      unique (store_id, run_date)
    );

    -- Thank-you and deferred look visits up by store and day; inactive takes each customer's last invoice.
    create index visits_store_date_idx on visits (store_id, visit_date);
    create index visits_store_customer_date_idx on visits (store_id, customer_id, visit_date) where department <> 'sales';
    -- Replies to an automated e-mail go to the store's business e-mail (the signature's).
    alter table outbox_messages add column reply_to text;

    -- Statistics read a store's automated messages by day.
    create index outbox_store_automation_idx on outbox_messages (store_id, created_at) where source_kind = 'automation';
  `.execute(db);
}
