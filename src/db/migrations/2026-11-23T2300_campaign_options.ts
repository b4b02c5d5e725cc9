import { sql, type Kysely } from 'kysely';

/**
 * "Campaign Options": customers of a campaign's query who cannot be reached on its channel may be
 * contacted on another one with its own template, instead of being skipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table batch_schedules
      add column fallback_channel text check (fallback_channel in ('letter', 'email', 'sms', 'voice')),
      add column fallback_template_id bigint references templates(id),
      add constraint batch_schedules_fallback_pair check ((fallback_channel is null) = (fallback_template_id is null)),
      add constraint batch_schedules_fallback_other check (fallback_channel is distinct from channel);
  `.execute(db);
}
