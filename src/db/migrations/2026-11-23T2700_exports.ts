import { sql, type Kysely } from 'kysely';

/**
 * Partner exports: one target per store and partner (CustomerLink, MechanicNET, CARFAX) with its
 * connection settings (the password sealed like provider secrets), the nightly time, whether an
 * administrator allowed a private or loopback host, and who confirmed the data sharing (CARFAX:
 * agreed to its terms) and when. Each run records its file, rows, bytes, destination, attempts
 * and result; the file stays on disk so a failed upload can be retried.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table export_targets (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      kind text not null check (kind in ('customerlink', 'mechanicnet', 'carfax')),
      enabled boolean not null default false,
      settings jsonb not null default '{}',
      sealed_secrets text,
      run_time text not null default '02:00' check (run_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      allow_private_host boolean not null default false,
      consent_by bigint references users(id),
      consent_at timestamptz,
      consent_text text,
      updated_at timestamptz not null default now(),
      updated_by bigint references users(id),
      unique (store_id, kind),
      check (not enabled or consent_at is not null)
    );

    create table export_runs (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      target_id bigint not null references export_targets(id),
      kind text not null,
      trigger text not null check (trigger in ('schedule', 'manual', 'cli')),
      status text not null check (status in ('running', 'uploaded', 'retrying', 'failed', 'written')),
      file_name text,
      file_path text,
      row_count integer,
      bytes bigint,
      destination text,
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      error_code text,
      error text,
      created_by bigint references users(id),
      started_at timestamptz not null,
      finished_at timestamptz
    );
    create index export_runs_target_idx on export_runs (target_id, started_at desc);
    create index export_runs_store_idx on export_runs (store_id, started_at desc);
    create index export_runs_retry_idx on export_runs (next_attempt_at) where status = 'retrying';
  `.execute(db);
}
