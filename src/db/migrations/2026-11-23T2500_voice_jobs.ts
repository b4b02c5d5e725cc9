import { sql, type Kysely } from 'kysely';

/**
 * Voice drops go out one at a time per job ("one port per job"): a job is the voice messages of one
 * batch run or campaign run. `voice_jobs` is each job's port lease (so two workers never drive one
 * job) and its timings for the report. Stores configure a voice provider like any other channel.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table store_channels
      drop constraint store_channels_channel_check,
      add constraint store_channels_channel_check check (channel in ('email', 'sms', 'print', 'voice')),
      drop constraint store_channels_provider_check,
      add constraint store_channels_provider_check
        check (provider in ('outbox', 'smtp', 'twilio', 'print_api', 'voice_simulator', 'voice_http'));

    create table voice_jobs (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      -- The outbox source_ref of its messages ('run:<id>').
      source_ref text not null,
      lease_owner text,
      lease_until timestamptz,
      first_drop_at timestamptz,
      last_result_at timestamptz,
      created_at timestamptz not null
    );
    create unique index voice_jobs_source_idx on voice_jobs (store_id, source_ref);

    -- The voice port runner looks for due drops by job; the general dispatcher skips them.
    create index outbox_voice_due_idx on outbox_messages (store_id, source_ref, id)
      where channel = 'voice' and status in ('queued', 'deferred', 'sending');
  `.execute(db);
}
