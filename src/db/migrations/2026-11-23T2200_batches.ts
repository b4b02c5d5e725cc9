import { sql, type Kysely } from 'kysely';

/**
 * Batch contacts: schedules (recurring daily rules, and one-off campaigns that run once at a set
 * time), their runs, the customers each run took, and per customer the contact state every
 * selection reads (when last contacted, recycle period, reservation).
 *
 * - One run per schedule and store-local day (`batch_runs_day_idx`): a second run of the same day
 *   finds the first and sends nothing more.
 * - One row per run and customer (`batch_contacts_run_customer_idx`): a run resumed after a crash
 *   cannot take a customer twice; the outbox's delivery key stops a second message.
 * - The contact state is one row per customer so the daily selection joins it by primary key
 *   instead of scanning contact history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table batch_schedules (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      name text not null check (length(btrim(name)) between 1 and 120),
      -- 'daily': Batch Contacts; 'once': a campaign sent from a saved query at once_at.
      recurrence text not null default 'daily' check (recurrence in ('daily', 'once')),
      channel text not null check (channel in ('letter', 'email', 'sms', 'voice')),
      -- 'contact_type': the type's own audience (maintenance due, no-shows, …), optionally narrowed
      -- by a saved query; 'fetch': Fetch Automation, the saved query is the audience.
      kind text not null check (kind in ('contact_type', 'fetch')),
      contact_type_id bigint references contact_types(id),
      saved_query_id bigint references saved_queries(id),
      recycle_code_id bigint references recycle_codes(id),
      template_id bigint not null references templates(id),
      language text not null default 'any' check (language in ('any', 'en', 'fr')),
      prevention text not null default 'none' check (prevention in ('none', 'contact_type', 'customer')),
      day_part text not null default 'all' check (day_part in ('all', 'day', 'late_day')),
      customer_type text not null default 'all' check (customer_type in ('all', 'non_fleet')),
      daily_limit integer not null check (daily_limit between 1 and 1000000),
      days_between integer not null default 0 check (days_between between 0 and 3650),
      run_days smallint[] not null default '{1,2,3,4,5}'
        check (cardinality(run_days) between 1 and 7 and run_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
      run_time text not null default '09:00' check (run_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      once_at timestamptz,
      sender text,
      distribution_user_ids integer[] not null default '{}',
      roi_type text not null default 'service' check (roi_type in ('service', 'sales')),
      roi_window_days integer not null default 30 check (roi_window_days between 1 and 365),
      holdout_percent integer not null default 0 check (holdout_percent between 0 and 50),
      active boolean not null default true,
      created_by bigint references users(id),
      updated_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind <> 'contact_type' or contact_type_id is not null),
      check (kind <> 'fetch' or (saved_query_id is not null and recycle_code_id is not null)),
      check (recurrence <> 'once' or once_at is not null)
    );
    create unique index batch_schedules_store_name_idx on batch_schedules (store_id, lower(name));

    create table batch_runs (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      schedule_id bigint not null references batch_schedules(id),
      run_date date not null,
      status text not null check (status in ('running', 'done', 'failed')),
      as_of timestamptz not null,
      lease_owner text,
      lease_until timestamptz,
      matched integer,
      selected integer,
      held_out integer,
      enqueued integer,
      excluded jsonb not null default '{}',
      error text,
      started_at timestamptz not null,
      finished_at timestamptz
    );
    create unique index batch_runs_day_idx on batch_runs (schedule_id, run_date);
    create index batch_runs_store_idx on batch_runs (store_id, run_date desc);

    create table batch_contacts (
      id bigint generated always as identity primary key,
      run_id bigint not null references batch_runs(id),
      schedule_id bigint not null references batch_schedules(id),
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      contact_type text,
      channel text not null,
      holdout boolean not null default false,
      message_id bigint references outbox_messages(id),
      contacted_at timestamptz not null
    );
    create unique index batch_contacts_run_customer_idx on batch_contacts (run_id, customer_id);
    create index batch_contacts_customer_idx on batch_contacts (store_id, customer_id, contacted_at desc);
    create index batch_contacts_schedule_idx on batch_contacts (schedule_id, contacted_at);

    create table customer_contact_state (
      customer_id bigint primary key references customers(id),
      store_id bigint not null references stores(id),
      last_contacted_at timestamptz,
      recycle_code text,
      recycle_until timestamptz,
      -- 'run:<id>': the batch run holding the customer (the call list skips them until reserved_until).
      reserved_by text,
      reserved_until timestamptz
    );
  `.execute(db);
}
